/**
 * Values of the offline Terraform evaluator. Whatever Terraform only knows at apply time
 * (resource attributes, data sources, module outputs, inputs nobody gave) is an `Unknown`, so a
 * policy can tell "proved secure" from "cannot tell" and treat the latter as a failure.
 */

export class Unknown {
  /** Source text of the expression, e.g. `aws_kms_key.this[0].arn`. */
  readonly source: string;
  /** True when Terraform guarantees a value (a resource attribute), false when it may be null. */
  readonly nonNull: boolean;
  /** What is known of the structure, e.g. the object given to `jsonencode`. */
  readonly partial?: TfValue;

  constructor(source: string, nonNull: boolean, partial?: TfValue) {
    this.source = source;
    this.nonNull = nonNull;
    this.partial = partial;
  }
}

export type TfValue =
  | null
  | string
  | number
  | boolean
  | TfValue[]
  | TfObject
  | Unknown;

export type TfObject = { [key: string]: TfValue };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isTfObject(value: TfValue | undefined): value is TfObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown)
  );
}

/** True when the value is known to be set (a known non-null value, or a non-null unknown). */
export function isSet(value: TfValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (value instanceof Unknown) return value.nonNull;
  if (typeof value === 'string') return value.length > 0;
  return true;
}

/** The known list elements, or undefined when the value is not a known list. */
export function asList(value: TfValue | undefined): TfValue[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Nested block instances (`body.name`), as the evaluator produced them. */
export function blocks(body: TfObject, name: string): TfObject[] {
  const value = body[name];
  return Array.isArray(value) ? value.filter(isTfObject) : [];
}

/** The first nested block instance, if any. */
export function block(body: TfObject, name: string): TfObject | undefined {
  return blocks(body, name)[0];
}

/** A short readable rendering for finding messages. */
export function describe(value: TfValue | undefined): string {
  if (value === undefined) return 'not set';
  if (value instanceof Unknown) return `unknown (${value.source})`;
  return JSON.stringify(value);
}

/**
 * Decodes a JSON document given as a string or produced by `jsonencode` with unknown parts
 * (policies, container definitions). Undefined when nothing is known.
 */
export function decodeJsonDocument(
  value: TfValue | undefined,
): TfValue | undefined {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as TfValue;
    } catch {
      return undefined;
    }
  }
  if (value instanceof Unknown) return value.partial;
  return undefined;
}
