/** One page of a token-paginated AWS API. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Follows `NextToken`/`NextPageToken`/`Marker` until the last page. `maxPages` is a guard
 * against an API that keeps returning the same token: the read fails rather than looping.
 */
export async function collectPages<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  options: { maxPages?: number } = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 100;
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    items.push(...result.items);
    if (!result.nextToken) return items;
    if (result.nextToken === token) {
      throw new Error(`Pagination token repeated: ${token}`);
    }
    token = result.nextToken;
  }
  throw new Error(`Pagination did not finish within ${maxPages} pages`);
}
