/**
 * The syntax tree of one Terraform expression as @cdktf/hcl2json gives it, and the attribute and
 * index traversals (`a.b[0]`) the evaluator applies to values.
 */
import { EvaluationError } from './value-conversions.ts';
import { isTfObject, isUnknown, Unknown } from './values.ts';
import type { TfValue } from './values.ts';

/** The loose shape of @cdktf/hcl2json's expression syntax tree nodes. */
export interface Ast {
  type: string;
  meta?: Record<string, unknown>;
  children?: Ast[];
  range?: { start: { byte: number }; end: { byte: number } };
  /** Source text of a bare object key (`name` in `{ name = ... }`), set after parsing. */
  keyText?: string;
}

/** Records the text of bare object keys, which the syntax tree only gives as a byte range. */
export function annotateKeys(ast: Ast, source: Buffer) {
  const children = ast.children ?? [];
  if (ast.type === 'object') {
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i];
      if (key.range && (key.children ?? []).length === 0) {
        key.keyText = source
          .subarray(key.range.start.byte, key.range.end.byte)
          .toString('utf8');
      }
    }
  }
  for (const child of children) annotateKeys(child, source);
}

export interface TraversalPart {
  type: string;
  segment: string;
}

/** Index of the `}` closing the `${` at `start`, skipping quoted strings inside. */
export function closingBrace(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i += 1;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function applyTraversal(
  value: TfValue,
  parts: TraversalPart[],
  source: string,
): TfValue {
  let current = value;
  for (const part of parts) {
    if (isUnknown(current)) return new Unknown(source, false);
    if (current === null) {
      throw new EvaluationError(`attribute access on null in ${source}`);
    }
    const key =
      part.type === 'indexTraversal'
        ? part.segment.replace(/^"(.*)"$/, '$1')
        : part.segment;
    if (Array.isArray(current)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) {
        throw new EvaluationError(`invalid index ${key} in ${source}`);
      }
      current = current[index];
    } else if (isTfObject(current)) {
      // Optional object attributes that were not given are null in Terraform.
      current = key in current ? current[key] : null;
    } else {
      throw new EvaluationError(
        `cannot read ${key} of a primitive in ${source}`,
      );
    }
  }
  return current;
}
