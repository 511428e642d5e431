/**
 * Compares the structure (keys and value types) of two responses, ignoring values. Used to
 * check the simulator's SDK-deserialized answers against AWS documentation examples.
 */

type Kind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'timestamp'
  | 'object'
  | 'array'
  | 'null';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return 'timestamp';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value as 'string' | 'number' | 'boolean';
}

/** Documentation prints timestamps as ISO strings or epoch numbers; the SDK returns Dates. */
function compatible(documented: unknown, ours: unknown): boolean {
  const d = kindOf(documented);
  const o = kindOf(ours);
  if (d === o) return true;
  if (o === 'timestamp') {
    return (
      d === 'number' || (d === 'string' && ISO_DATE.test(String(documented)))
    );
  }
  if (d === 'timestamp') {
    return o === 'number' || (o === 'string' && ISO_DATE.test(String(ours)));
  }
  return false;
}

/** Union of the keys of all items, so optional fields present on any item count. */
function mergeItems(items: unknown[]): unknown {
  if (items.length === 0) return undefined;
  if (items.every(i => kindOf(i) === 'object')) {
    const merged: Record<string, unknown> = {};
    for (const item of items as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(item)) {
        if (value === undefined) continue;
        const existing = merged[key];
        if (existing === undefined) merged[key] = value;
        else if (Array.isArray(existing) && Array.isArray(value)) {
          merged[key] = [...existing, ...value];
        } else if (
          kindOf(existing) === 'object' &&
          kindOf(value) === 'object'
        ) {
          merged[key] = mergeItems([existing, value]);
        }
      }
    }
    return merged;
  }
  return items[0];
}

/**
 * Paths where `reference` has a key that `candidate` lacks or types differently.
 * Array items are compared as the union of their keys; `ignore` lists paths (`a.b[].c`).
 */
export function structureMismatches(
  reference: unknown,
  candidate: unknown,
  ignore: ReadonlySet<string> = new Set(),
  path = '',
): string[] {
  if (ignore.has(path)) return [];
  if (!compatible(reference, candidate)) {
    return [
      `${path || '(root)'}: expected ${kindOf(reference)}, got ${kindOf(
        candidate,
      )}`,
    ];
  }
  const kind = kindOf(reference);
  if (kind === 'array') {
    const refItem = mergeItems(reference as unknown[]);
    if (refItem === undefined) return [];
    const ourItem = mergeItems(candidate as unknown[]);
    if (ourItem === undefined) {
      return [
        `${path}: documented with items, but the simulator returned none to compare`,
      ];
    }
    return structureMismatches(refItem, ourItem, ignore, `${path}[]`);
  }
  if (kind === 'object') {
    const mismatches: string[] = [];
    const ours = candidate as Record<string, unknown>;
    for (const [key, value] of Object.entries(
      reference as Record<string, unknown>,
    )) {
      if (key === '$metadata' || value === undefined) continue;
      const childPath = path ? `${path}.${key}` : key;
      if (ignore.has(childPath)) continue;
      if (ours[key] === undefined) {
        mismatches.push(`${childPath}: missing`);
        continue;
      }
      mismatches.push(
        ...structureMismatches(value, ours[key], ignore, childPath),
      );
    }
    return mismatches;
  }
  return [];
}
