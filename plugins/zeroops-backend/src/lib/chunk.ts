/**
 * Splits a list into chunks of at most `size`: the batches of an AWS call that takes a bounded
 * number of names (DescribeServices takes 10), or of a SQL statement kept below SQLite's
 * bound-variable limit.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
