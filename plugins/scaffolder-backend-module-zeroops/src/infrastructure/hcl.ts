/** An HCL expression written as is (a reference or a function call), not as a string literal. */
export class HclExpression {
  constructor(readonly text: string) {}
}

export const expr = (text: string) => new HclExpression(text);

export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclExpression
  | HclValue[]
  | { [key: string]: HclValue };

/** A string literal: escapes quotes, backslashes and template sequences. */
export function hclString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{')}"`;
}

const isIdentifier = (key: string) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key);

export function hclValue(value: HclValue, indent = ''): string {
  if (value instanceof HclExpression) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map(v => hclValue(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    return oneLine.length <= 80 && !oneLine.includes('\n')
      ? oneLine
      : `[\n${items.map(i => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const width = Math.max(...entries.map(([k]) => hclKey(k).length));
  return `{\n${entries
    .map(
      ([k, v]) => `${inner}${hclKey(k).padEnd(width)} = ${hclValue(v, inner)}`,
    )
    .join('\n')}\n${indent}}`;
}

function hclKey(key: string) {
  return isIdentifier(key) ? key : hclString(key);
}

/** The arguments of a block body, aligned the way `terraform fmt` aligns them. */
export function hclArguments(
  args: Record<string, HclValue | undefined>,
  indent = '  ',
): string {
  const entries = Object.entries(args).filter(
    (entry): entry is [string, HclValue] => entry[1] !== undefined,
  );
  // terraform fmt aligns the `=` of consecutive single-line arguments.
  const lines: string[] = [];
  let group: Array<[string, string]> = [];
  const flush = () => {
    const width = Math.max(0, ...group.map(([k]) => k.length));
    for (const [k, v] of group)
      lines.push(`${indent}${k.padEnd(width)} = ${v}`);
    group = [];
  };
  for (const [key, value] of entries) {
    const rendered = hclValue(value, indent);
    if (rendered.includes('\n')) {
      flush();
      lines.push(`${indent}${key} = ${rendered}`);
    } else {
      group.push([key, rendered]);
    }
  }
  flush();
  return lines.join('\n');
}
