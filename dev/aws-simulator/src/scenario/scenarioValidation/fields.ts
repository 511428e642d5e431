import { InputError } from '@backstage/errors';

/** Readers of untrusted YAML values that fail with the offending path. */

const ACCOUNT_ID = /^\d{12}$/;

export type Json = Record<string, unknown>;

export function fail(path: string, message: string): never {
  throw new InputError(`Invalid scenario: ${path} ${message}`);
}

export function asObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be an object');
  }
  return value as Json;
}

export function asList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value;
}

export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(path, 'must be a non-empty string');
  }
  return value;
}

export function optionalString(
  value: unknown,
  path: string,
): string | undefined {
  return value === undefined ? undefined : asString(value, path);
}

export function optionalNumber(
  value: unknown,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    fail(path, `must be a number from ${min} to ${max}`);
  }
  return value;
}

export function optionalBoolean(
  value: unknown,
  path: string,
): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    fail(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** YAML turns an unquoted 111111111111 into a number; accept it as the account id it means. */
export function asAccountId(value: unknown, path: string): string {
  const text =
    typeof value === 'number' && Number.isInteger(value)
      ? String(value).padStart(12, '0')
      : value;
  if (typeof text !== 'string' || !ACCOUNT_ID.test(text)) {
    fail(path, 'must be a 12-digit AWS account id');
  }
  return text;
}

/** An optional map of named values (`shared`, `alarms`), each read at its own path. */
export function optionalRecord<T>(
  value: unknown,
  path: string,
  readValue: (item: unknown, itemPath: string) => T,
): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  const record: Record<string, T> = {};
  for (const [key, item] of Object.entries(asObject(value, path))) {
    record[key] = readValue(item, `${path}.${key}`);
  }
  return record;
}

export function rejectUnknownKeys(
  record: Json,
  known: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      fail(
        `${path}.${key}`,
        `is not a known field (known: ${known.join(', ')})`,
      );
    }
  }
}
