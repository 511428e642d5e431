/**
 * Readers for request parameters. JSON bodies carry real numbers and booleans, awsQuery forms
 * carry strings only, so numeric and boolean readers accept both. A wrong parameter raises a
 * ParamError that the dispatcher answers with the service's own validation error code.
 */

export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

type Params = Record<string, unknown>;

export function optionalString(
  params: Params,
  name: string,
): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new ParamError(`${name} must be a string`);
  }
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value.length === 0) {
    throw new ParamError(`${name} is required`);
  }
  return value;
}

export function stringList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  // awsQuery sends an empty list as `Name=`.
  if (value === '') return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new ParamError(`${name} must be a list of strings`);
  }
  return value as string[];
}

export function optionalInteger(
  params: Params,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  const value =
    typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new ParamError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function objectList(params: Params, name: string): Params[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (value === '') return [];
  if (
    !Array.isArray(value) ||
    value.some(v => typeof v !== 'object' || v === null || Array.isArray(v))
  ) {
    throw new ParamError(`${name} must be a list of objects`);
  }
  return value as Params[];
}
