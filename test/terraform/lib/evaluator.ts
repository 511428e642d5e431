import { getExpressionAst } from '@cdktf/hcl2json';
import { isHclBody } from './hcl.ts';
import type { HclValue } from './hcl.ts';
import { isTfObject, isUnknown, Unknown } from './values.ts';
import type { TfObject, TfValue } from './values.ts';

/**
 * A small evaluator for the Terraform expressions our modules use (variables, locals,
 * conditionals, comparisons, for expressions and common functions), built on the syntax tree
 * @cdktf/hcl2json provides. It lets policies check what a module does for given inputs (e.g.
 * deletion protection when environment = "production") instead of matching source text.
 * Anything that depends on apply-time values evaluates to `Unknown`.
 */

/** The loose shape of @cdktf/hcl2json's expression syntax tree nodes. */
interface Ast {
  type: string;
  meta?: Record<string, unknown>;
  children?: Ast[];
  range?: { start: { byte: number }; end: { byte: number } };
  /** Source text of a bare object key (`name` in `{ name = ... }`), set after parsing. */
  keyText?: string;
}

/** Records the text of bare object keys, which the syntax tree only gives as a byte range. */
function annotateKeys(ast: Ast, source: Buffer) {
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

interface TraversalPart {
  type: string;
  segment: string;
}

export class EvaluationError extends Error {}

export interface Scope {
  /** `var.<name>`: given inputs and defaults; absent names are unknown. */
  variables: Map<string, TfValue>;
  /** `local.<name>`, evaluated lazily. */
  local(name: string): Promise<TfValue>;
  /** `each`, `count`, dynamic block iterators and `for` variables. */
  bindings: Map<string, TfValue>;
}

export function withBindings(
  scope: Scope,
  bindings: Record<string, TfValue>,
): Scope {
  const merged = new Map(scope.bindings);
  for (const [k, v] of Object.entries(bindings)) merged.set(k, v);
  return { ...scope, bindings: merged };
}

function containsUnknown(value: TfValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isTfObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

function deepEqual(a: TfValue, b: TfValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toText(value: TfValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a string`);
}

function toNumber(value: TfValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !isNaN(+value))
    return Number(value);
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a number`);
}

function toBool(value: TfValue): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EvaluationError(`cannot use ${JSON.stringify(value)} as a bool`);
}

/** Index of the `}` closing the `${` at `start`, skipping quoted strings inside. */
function closingBrace(text: string, start: number): number {
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

function applyTraversal(
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

type FunctionImpl = (args: TfValue[], source: string) => TfValue;

function listArg(value: TfValue, name: string): TfValue[] {
  if (Array.isArray(value)) return value;
  throw new EvaluationError(`${name} expects a list`);
}

function objectArg(value: TfValue, name: string): TfObject {
  if (isTfObject(value)) return value;
  throw new EvaluationError(`${name} expects a map or object`);
}

/** Functions whose result is known only when every argument is known. */
const STRICT_FUNCTIONS: Record<string, FunctionImpl> = {
  merge: args =>
    Object.assign(
      {},
      ...args.filter(a => a !== null).map(a => objectArg(a, 'merge')),
    ),
  concat: args => args.flatMap(a => listArg(a, 'concat')),
  compact: ([list]) =>
    listArg(list, 'compact').filter(v => v !== null && v !== ''),
  distinct: ([list]) => {
    const result: TfValue[] = [];
    for (const v of listArg(list, 'distinct'))
      if (!result.some(r => deepEqual(r, v))) result.push(v);
    return result;
  },
  flatten: ([list]) => {
    const flat = (v: TfValue): TfValue[] =>
      Array.isArray(v) ? v.flatMap(flat) : [v];
    return flat(list);
  },
  length: ([v]) => {
    if (Array.isArray(v)) return v.length;
    if (isTfObject(v)) return Object.keys(v).length;
    if (typeof v === 'string') return [...v].length;
    throw new EvaluationError('length expects a collection or string');
  },
  contains: ([list, v]) =>
    listArg(list, 'contains').some(item => deepEqual(item, v)),
  keys: ([o]) => Object.keys(objectArg(o, 'keys')).sort(),
  values: ([o]) => {
    const obj = objectArg(o, 'values');
    return Object.keys(obj)
      .sort()
      .map(k => obj[k]);
  },
  lookup: ([o, k, d]) => {
    const obj = objectArg(o, 'lookup');
    const key = toText(k);
    if (key in obj) return obj[key];
    if (d === undefined) throw new EvaluationError(`no key ${key}`);
    return d;
  },
  tostring: ([v]) => (v === null ? null : toText(v)),
  tonumber: ([v]) => (v === null ? null : toNumber(v)),
  tobool: ([v]) => (v === null ? null : toBool(v)),
  // Terraform sets of strings iterate in lexical order.
  toset: ([v]) => {
    const unique = listArg(STRICT_FUNCTIONS.distinct([v], 'toset'), 'toset');
    return unique.every(x => typeof x === 'string')
      ? [...unique].sort()
      : unique;
  },
  tolist: ([v]) => listArg(v, 'tolist'),
  tomap: ([v]) => objectArg(v, 'tomap'),
  join: ([sep, ...lists]) =>
    lists
      .flatMap(l => listArg(l, 'join'))
      .map(toText)
      .join(toText(sep)),
  split: ([sep, s]) => toText(s).split(toText(sep)),
  lower: ([s]) => toText(s).toLowerCase(),
  upper: ([s]) => toText(s).toUpperCase(),
  startswith: ([s, p]) => toText(s).startsWith(toText(p)),
  endswith: ([s, p]) => toText(s).endsWith(toText(p)),
  strcontains: ([s, p]) => toText(s).includes(toText(p)),
  replace: ([s, from, to]) => toText(s).split(toText(from)).join(toText(to)),
  trimprefix: ([s, p]) =>
    toText(s).startsWith(toText(p))
      ? toText(s).slice(toText(p).length)
      : toText(s),
  substr: ([s, offset, length]) =>
    [...toText(s)]
      .slice(
        toNumber(offset),
        toNumber(length) < 0 ? undefined : toNumber(offset) + toNumber(length),
      )
      .join(''),
  slice: ([list, from, to]) =>
    listArg(list, 'slice').slice(toNumber(from), toNumber(to)),
  element: ([list, i]) => {
    const l = listArg(list, 'element');
    return l[toNumber(i) % l.length];
  },
  max: args =>
    Math.max(
      ...(args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(
        toNumber,
      ),
    ),
  min: args =>
    Math.min(
      ...(args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(
        toNumber,
      ),
    ),
  floor: ([n]) => Math.floor(toNumber(n)),
  ceil: ([n]) => Math.ceil(toNumber(n)),
  abs: ([n]) => Math.abs(toNumber(n)),
  alltrue: ([list]) => listArg(list, 'alltrue').every(toBool),
  anytrue: ([list]) => listArg(list, 'anytrue').some(toBool),
  sum: ([list]) =>
    listArg(list, 'sum').reduce<number>((a, b) => a + toNumber(b), 0),
  zipmap: ([ks, vs]) => {
    const result: TfObject = {};
    listArg(ks, 'zipmap').forEach((k, i) => {
      result[toText(k)] = listArg(vs, 'zipmap')[i];
    });
    return result;
  },
  one: ([list]) => {
    const l = listArg(list, 'one');
    if (l.length > 1) throw new EvaluationError('one: more than one element');
    return l.length === 0 ? null : l[0];
  },
  format: ([fmt, ...rest]) => {
    let i = 0;
    return toText(fmt).replace(/%[sdv%]/g, m =>
      m === '%%' ? '%' : toText(rest[i++]),
    );
  },
  regex: ([pattern, s]) => {
    const match = new RegExp(toText(pattern)).exec(toText(s));
    if (!match) throw new EvaluationError('regex: no match');
    if (match.groups) return { ...match.groups };
    return match.length > 1 ? match.slice(1) : match[0];
  },
  cidrnetmask: ([cidr]) => {
    const bits = Number(toText(cidr).split('/')[1]);
    if (!(bits >= 0 && bits <= 32)) throw new EvaluationError('bad cidr');
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return [24, 16, 8, 0].map(s => (mask >>> s) & 255).join('.');
  },
  jsonencode: ([v]) => JSON.stringify(v),
  // The evaluator does not track sensitivity: nonsensitive is the identity.
  nonsensitive: ([v]) => v,
  range: args => {
    const [start, limit, step] =
      args.length === 1
        ? [0, toNumber(args[0]), 1]
        : [toNumber(args[0]), toNumber(args[1]), toNumber(args[2] ?? 1)];
    if (step === 0 || args.length > 3)
      throw new EvaluationError('range: bad arguments');
    const length = Math.max(0, Math.ceil((limit - start) / step));
    if (length > 1024)
      throw new EvaluationError('range: more than 1024 elements');
    return Array.from({ length }, (_, i) => start + i * step);
  },
};

/** Functions that only rearrange containers, so unknown elements inside them do not matter. */
const STRUCTURAL_FUNCTIONS = new Set([
  'merge',
  'concat',
  'length',
  'keys',
  'tolist',
  'tomap',
  'slice',
  'zipmap',
]);

/** Functions that always return a non-null value even when their inputs are unknown. */
const NON_NULL_RESULTS = new Set([
  'merge',
  'concat',
  'compact',
  'distinct',
  'length',
  'contains',
  'keys',
  'values',
  'toset',
  'tolist',
  'join',
  'split',
  'format',
  'jsonencode',
  'cidrsubnet',
  'cidrnetmask',
  'startswith',
  'strcontains',
  'alltrue',
  'anytrue',
  'sum',
  'lower',
  'upper',
  'replace',
  'formatdate',
  'timestamp',
  'range',
]);

export class ExpressionEvaluator {
  private readonly astCache = new Map<string, Promise<Ast | null>>();

  /** Evaluates a value from @cdktf/hcl2json output: literals, or strings holding `${...}`. */
  async evaluate(value: HclValue, scope: Scope): Promise<TfValue> {
    if (typeof value === 'string') {
      return value.includes('${') ? this.evaluateTemplate(value, scope) : value;
    }
    if (Array.isArray(value)) {
      const result: TfValue[] = [];
      for (const item of value) result.push(await this.evaluate(item, scope));
      return result;
    }
    if (isHclBody(value)) {
      const result: TfObject = {};
      for (const [k, v] of Object.entries(value)) {
        result[k] = await this.evaluate(v, scope);
      }
      return result;
    }
    return value;
  }

  /** Like `evaluate`, but failures become unknown values instead of errors. */
  async evaluateOrUnknown(value: HclValue, scope: Scope): Promise<TfValue> {
    try {
      return await this.evaluate(value, scope);
    } catch (error) {
      if (error instanceof EvaluationError) {
        return new Unknown(String(value), false);
      }
      throw error;
    }
  }

  private async parse(text: string): Promise<Ast | null> {
    let cached = this.astCache.get(text);
    if (!cached) {
      const pure =
        text.startsWith('${') && closingBrace(text, 1) === text.length - 1;
      const expression = pure
        ? text.slice(2, -1)
        : `"${text.replace(/\n/g, '\\n')}"`;
      cached = (
        getExpressionAst('expression.tf', expression) as Promise<Ast | null>
      )
        .then(ast => {
          if (ast) annotateKeys(ast, Buffer.from(expression, 'utf8'));
          return ast;
        })
        .catch(() => null);
      this.astCache.set(text, cached);
    }
    return cached;
  }

  private async evaluateTemplate(text: string, scope: Scope): Promise<TfValue> {
    const ast = await this.parse(text);
    if (!ast) return new Unknown(text, false);
    return this.node(ast, scope);
  }

  private source(ast: Ast): string {
    const value = ast.meta?.value;
    return typeof value === 'string' ? value : ast.type;
  }

  private async node(ast: Ast, scope: Scope): Promise<TfValue> {
    const children = ast.children ?? [];
    const meta = ast.meta ?? {};
    switch (ast.type) {
      case '':
      case 'templateWrap':
        return children[0] ? this.node(children[0], scope) : null;
      case 'literalValue': {
        const raw = String(meta.value);
        if (meta.type === 'number') return Number(raw);
        if (meta.type === 'bool') return raw === 'true';
        if (meta.type === 'dynamic') return null;
        return raw;
      }
      case 'template': {
        const parts: TfValue[] = [];
        for (const child of children) parts.push(await this.node(child, scope));
        if (parts.some(isUnknown)) return new Unknown(this.source(ast), true);
        return parts.map(p => (p === null ? '' : toText(p))).join('');
      }
      case 'scopeTraversal':
        return this.traversal(ast, scope);
      case 'relativeTraversal': {
        const base = children[0]
          ? await this.node(children[0], scope)
          : new Unknown(this.source(ast), false);
        return applyTraversal(
          base,
          (meta.traversal as TraversalPart[]) ?? [],
          this.source(ast),
        );
      }
      case 'index': {
        const collection = await this.node(children[0], scope);
        const key = await this.node(children[1], scope);
        if (isUnknown(collection) || isUnknown(key)) {
          return new Unknown(this.source(ast), false);
        }
        return applyTraversal(
          collection,
          [{ type: 'indexTraversal', segment: String(key) }],
          this.source(ast),
        );
      }
      case 'splat': {
        const base = await this.node(children[0], scope);
        const each = (children[1]?.meta?.traversal as TraversalPart[]) ?? [];
        if (isUnknown(base)) return new Unknown(this.source(ast), true);
        if (base === null) return [];
        const items = Array.isArray(base) ? base : [base];
        return items.map(item => applyTraversal(item, each, this.source(ast)));
      }
      case 'conditional':
        return this.conditional(ast, scope);
      case 'unaryOp': {
        const v = await this.node(children[0], scope);
        if (isUnknown(v)) return new Unknown(this.source(ast), true);
        return meta.operator === 'logicalNot' ? !toBool(v) : -toNumber(v);
      }
      case 'binaryOp':
        return this.binary(ast, scope);
      case 'function':
        return this.call(ast, scope);
      case 'tuple': {
        const result: TfValue[] = [];
        for (const child of children)
          result.push(await this.node(child, scope));
        return result;
      }
      case 'object':
        return this.object(ast, scope);
      case 'for':
        return this.forExpression(ast, scope);
      default:
        return new Unknown(this.source(ast), false);
    }
  }

  private async traversal(ast: Ast, scope: Scope): Promise<TfValue> {
    const parts = (ast.meta?.traversal as TraversalPart[]) ?? [];
    const source = this.source(ast);
    const [root, second, ...rest] = parts;
    if (!root) return new Unknown(source, false);
    if (scope.bindings.has(root.segment)) {
      return applyTraversal(
        scope.bindings.get(root.segment) ?? null,
        parts.slice(1),
        source,
      );
    }
    if (root.segment === 'var' && second) {
      const value = scope.variables.has(second.segment)
        ? scope.variables.get(second.segment) ?? null
        : new Unknown(`var.${second.segment}`, false);
      return applyTraversal(value, rest, source);
    }
    if (root.segment === 'local' && second) {
      return applyTraversal(await scope.local(second.segment), rest, source);
    }
    // Resources, data sources, module outputs, path and terraform values: known at apply time.
    return new Unknown(source, true);
  }

  private async conditional(ast: Ast, scope: Scope): Promise<TfValue> {
    const [c, t, f] = ast.children ?? [];
    const condition = await this.node(c, scope);
    if (!isUnknown(condition)) {
      return this.node(toBool(condition) ? t : f, scope);
    }
    const whenTrue = await this.nodeOrUnknown(t, scope);
    const whenFalse = await this.nodeOrUnknown(f, scope);
    if (!containsUnknown(whenTrue) && deepEqual(whenTrue, whenFalse)) {
      return whenTrue;
    }
    const nonNull = [whenTrue, whenFalse].every(
      v => v !== null && (!isUnknown(v) || v.nonNull),
    );
    return new Unknown(this.source(ast), nonNull);
  }

  private async nodeOrUnknown(ast: Ast, scope: Scope): Promise<TfValue> {
    try {
      return await this.node(ast, scope);
    } catch (error) {
      if (error instanceof EvaluationError)
        return new Unknown(this.source(ast), false);
      throw error;
    }
  }

  private async binary(ast: Ast, scope: Scope): Promise<TfValue> {
    const [l, r] = ast.children ?? [];
    const op = String(ast.meta?.operator);
    const left = await this.node(l, scope);
    if (op === 'logicalAnd' && left === false) return false;
    if (op === 'logicalOr' && left === true) return true;
    const right = await this.node(r, scope);
    if (op === 'logicalAnd' && right === false) return false;
    if (op === 'logicalOr' && right === true) return true;
    if (op === 'equal' || op === 'notEqual') {
      // A value Terraform guarantees is never equal to null.
      const nullCheck = (a: TfValue, b: TfValue) =>
        b === null && isUnknown(a) && a.nonNull;
      if (nullCheck(left, right) || nullCheck(right, left)) {
        return op === 'notEqual';
      }
    }
    if (isUnknown(left) || isUnknown(right)) {
      return new Unknown(this.source(ast), true);
    }
    switch (op) {
      case 'equal':
        return deepEqual(left, right);
      case 'notEqual':
        return !deepEqual(left, right);
      case 'logicalAnd':
        return toBool(left) && toBool(right);
      case 'logicalOr':
        return toBool(left) || toBool(right);
      case 'add':
        return toNumber(left) + toNumber(right);
      case 'subtract':
        return toNumber(left) - toNumber(right);
      case 'multiply':
        return toNumber(left) * toNumber(right);
      case 'divide':
        return toNumber(left) / toNumber(right);
      case 'modulo':
        return toNumber(left) % toNumber(right);
      case 'greaterThan':
        return toNumber(left) > toNumber(right);
      case 'greaterThanOrEqual':
        return toNumber(left) >= toNumber(right);
      case 'lessThan':
        return toNumber(left) < toNumber(right);
      case 'lessThanOrEqual':
        return toNumber(left) <= toNumber(right);
      default:
        return new Unknown(this.source(ast), false);
    }
  }

  private async call(ast: Ast, scope: Scope): Promise<TfValue> {
    const name = String(ast.meta?.name);
    const source = this.source(ast);
    const children = ast.children ?? [];
    if (name === 'try' || name === 'can') {
      for (const child of children) {
        try {
          const value = await this.node(child, scope);
          if (name === 'can')
            return isUnknown(value) ? new Unknown(source, true) : true;
          return value;
        } catch (error) {
          if (!(error instanceof EvaluationError)) throw error;
          if (name === 'can') return false;
        }
      }
      if (name === 'can') return false;
      throw new EvaluationError(`no argument of try succeeded in ${source}`);
    }
    let args: TfValue[] = [];
    for (const child of children)
      args.push(await this.nodeOrUnknown(child, scope));
    if (ast.meta?.expandedFinalArgument === true && args.length > 0) {
      const last = args[args.length - 1];
      if (isUnknown(last))
        return new Unknown(source, NON_NULL_RESULTS.has(name));
      args = [...args.slice(0, -1), ...listArg(last, name)];
    }
    if (name === 'coalesce') {
      for (const a of args) {
        if (isUnknown(a))
          return new Unknown(
            source,
            a.nonNull || args.some(x => isUnknown(x) && x.nonNull),
          );
        if (a !== null && a !== '') return a;
      }
      throw new EvaluationError('coalesce: no non-null argument');
    }
    if (name === 'jsonencode' && containsUnknown(args[0])) {
      return new Unknown(source, true, args[0]);
    }
    const impl = STRICT_FUNCTIONS[name];
    const blocked = STRUCTURAL_FUNCTIONS.has(name)
      ? args.some(isUnknown)
      : args.some(containsUnknown);
    if (!impl || blocked) {
      return new Unknown(source, NON_NULL_RESULTS.has(name));
    }
    return impl(args, source);
  }

  private async object(ast: Ast, scope: Scope): Promise<TfValue> {
    const children = ast.children ?? [];
    const result: TfObject = {};
    for (let i = 0; i + 1 < children.length; i += 2) {
      const keyNode = children[i];
      let key: TfValue;
      if (keyNode.children && keyNode.children.length > 0) {
        key = await this.node(keyNode.children[0], scope);
      } else if (keyNode.keyText !== undefined) {
        key = keyNode.keyText;
      } else {
        return new Unknown(this.source(ast), true);
      }
      if (isUnknown(key)) return new Unknown(this.source(ast), true);
      result[toText(key)] = await this.nodeOrUnknown(children[i + 1], scope);
    }
    return result;
  }

  private async forExpression(ast: Ast, scope: Scope): Promise<TfValue> {
    const meta = ast.meta ?? {};
    const children = ast.children ?? [];
    const isObject = this.source(ast).trim().startsWith('{');
    const hasCondition = String(meta.conditionalExpression ?? '') !== '';
    const collection = await this.node(children[0], scope);
    if (isUnknown(collection)) return new Unknown(this.source(ast), true);
    const keyNode = isObject ? children[1] : undefined;
    const valueNode = isObject ? children[2] : children[1];
    const conditionNode = hasCondition
      ? children[children.length - 1]
      : undefined;
    const entries: [TfValue, TfValue][] = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : Object.entries(objectArg(collection, 'for'));
    const keyVar = String(meta.keyVar ?? '');
    const valVar = String(meta.valVar ?? '');
    const tuple: TfValue[] = [];
    const object: TfObject = {};
    for (const [k, v] of entries) {
      const inner = withBindings(scope, {
        ...(keyVar ? { [keyVar]: k } : {}),
        [valVar]: v,
      });
      if (conditionNode) {
        const keep = await this.node(conditionNode, inner);
        if (isUnknown(keep)) return new Unknown(this.source(ast), true);
        if (!toBool(keep)) continue;
      }
      const value = await this.nodeOrUnknown(valueNode, inner);
      if (isObject && keyNode) {
        const key = await this.node(keyNode, inner);
        if (isUnknown(key)) return new Unknown(this.source(ast), true);
        if (meta.groupedValue === true) {
          const group = object[toText(key)];
          object[toText(key)] = [...(Array.isArray(group) ? group : []), value];
        } else object[toText(key)] = value;
      } else tuple.push(value);
    }
    return isObject ? object : tuple;
  }
}
