/**
 * The Terraform functions and operators the offline evaluator implements, and what it knows of
 * the functions it does not.
 */
import {
  deepEqual,
  EvaluationError,
  listArg,
  objectArg,
  toBool,
  toNumber,
  toText,
} from './value-conversions.ts';
import { isTfObject, Unknown } from './values.ts';
import type { TfObject, TfValue } from './values.ts';

export type FunctionImpl = (args: TfValue[], source: string) => TfValue;

/** Functions whose result is known only when every argument is known. */
export const STRICT_FUNCTIONS: Record<string, FunctionImpl> = {
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
export const STRUCTURAL_FUNCTIONS = new Set([
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
export const NON_NULL_RESULTS = new Set([
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

/** A unary operator (`!` or `-`) on a known value. */
export function applyUnaryOperator(op: string, value: TfValue): TfValue {
  return op === 'logicalNot' ? !toBool(value) : -toNumber(value);
}

/** A binary operator on two known values. */
export function applyOperator(
  op: string,
  left: TfValue,
  right: TfValue,
  source: string,
): TfValue {
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
      return new Unknown(source, false);
  }
}
