/**
 * Terraform's implicit conversions (string, number, bool, list and map arguments) and value
 * comparisons, as the offline expression evaluator applies them. A value that cannot be
 * converted is an `EvaluationError`, as Terraform would report it.
 */
import { isTfObject, isUnknown } from './values.ts';
import type { TfObject, TfValue } from './values.ts';

export class EvaluationError extends Error {}

export function containsUnknown(value: TfValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isTfObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export function deepEqual(a: TfValue, b: TfValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toText(value: TfValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a string`);
}

export function toNumber(value: TfValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !isNaN(+value))
    return Number(value);
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a number`);
}

export function toBool(value: TfValue): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a bool`);
}

export function listArg(value: TfValue, name: string): TfValue[] {
  if (Array.isArray(value)) return value;
  throw new EvaluationError(`${name} expects a list`);
}

export function objectArg(value: TfValue, name: string): TfObject {
  if (isTfObject(value)) return value;
  throw new EvaluationError(`${name} expects a map or object`);
}
