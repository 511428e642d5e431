import { AwsError } from '../protocols/AwsError.ts';
import type { CostLine } from './costModel.ts';

/**
 * Cost Explorer `Expression` evaluation (the `Filter` of GetCostAndUsage and
 * GetCostForecast) over cost lines: And / Or / Not, Dimensions and Tags, with the match
 * options ZeroOps and the AWS console use.
 */

/** Dimensions the simulator can filter and group by. */
export const SUPPORTED_DIMENSIONS = [
  'SERVICE',
  'LINKED_ACCOUNT',
  'REGION',
  'RECORD_TYPE',
] as const;

export type CostDimension = (typeof SUPPORTED_DIMENSIONS)[number];

const MATCH_OPTIONS = [
  'EQUALS',
  'ABSENT',
  'STARTS_WITH',
  'ENDS_WITH',
  'CONTAINS',
  'CASE_SENSITIVE',
  'CASE_INSENSITIVE',
] as const;

type MatchOption = (typeof MATCH_OPTIONS)[number];

export type LinePredicate = (line: CostLine) => boolean;

function validation(message: string): AwsError {
  return new AwsError({ code: 'ValidationException', message });
}

export function dimensionValue(line: CostLine, key: CostDimension): string {
  switch (key) {
    case 'SERVICE':
      return line.awsService;
    case 'LINKED_ACCOUNT':
      return line.account;
    case 'REGION':
      return line.region;
    case 'RECORD_TYPE':
      return 'Usage';
    default:
      throw validation(`Dimension ${String(key)} is not supported`);
  }
}

export function asDimension(key: unknown): CostDimension {
  if (
    typeof key !== 'string' ||
    !(SUPPORTED_DIMENSIONS as readonly string[]).includes(key)
  ) {
    throw validation(
      `Dimension ${String(
        key,
      )} is not supported by the simulator; use one of ${SUPPORTED_DIMENSIONS.join(
        ', ',
      )}`,
    );
  }
  return key as CostDimension;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validation(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw validation(`${what} must be a list of strings`);
  }
  return value as string[];
}

function matchOptions(value: unknown, what: string): Set<MatchOption> {
  const options = stringList(value, what);
  for (const option of options) {
    if (!(MATCH_OPTIONS as readonly string[]).includes(option)) {
      throw validation(`${what} contains unsupported match option ${option}`);
    }
  }
  return new Set(options as MatchOption[]);
}

function valueMatcher(
  values: string[],
  options: Set<MatchOption>,
): (actual: string | undefined) => boolean {
  const insensitive = options.has('CASE_INSENSITIVE');
  const norm = (s: string) => (insensitive ? s.toLowerCase() : s);
  const wanted = values.map(norm);
  if (options.has('ABSENT')) {
    return actual => actual === undefined || actual === '';
  }
  let test = (a: string, w: string) => a === w;
  if (options.has('STARTS_WITH')) test = (a, w) => a.startsWith(w);
  else if (options.has('ENDS_WITH')) test = (a, w) => a.endsWith(w);
  else if (options.has('CONTAINS')) test = (a, w) => a.includes(w);
  return actual => {
    // An empty value stands for "resources without this tag", as in the console.
    if (actual === undefined || actual === '') return wanted.includes('');
    const a = norm(actual);
    return wanted.some(w => w !== '' && test(a, w));
  };
}

/** Compiles and validates an Expression; throws ValidationException like AWS. */
export function compileCostFilter(expression: unknown): LinePredicate {
  const record = asRecord(expression, 'Expression');
  const operators = [
    'And',
    'Or',
    'Not',
    'Dimensions',
    'Tags',
    'CostCategories',
  ].filter(key => record[key] !== undefined);
  if (operators.length !== 1) {
    throw validation(
      'Expression must specify exactly one of And, Or, Not, Dimensions, Tags, CostCategories',
    );
  }
  const [operator] = operators;
  switch (operator) {
    case 'And':
    case 'Or': {
      const items = record[operator];
      if (!Array.isArray(items) || items.length < 2) {
        throw validation(`${operator} must contain at least two expressions`);
      }
      const compiled = items.map(compileCostFilter);
      return operator === 'And'
        ? line => compiled.every(p => p(line))
        : line => compiled.some(p => p(line));
    }
    case 'Not': {
      const inner = compileCostFilter(record.Not);
      return line => !inner(line);
    }
    case 'Dimensions': {
      const dims = asRecord(record.Dimensions, 'Dimensions');
      const key = asDimension(dims.Key);
      const match = valueMatcher(
        stringList(dims.Values, 'Dimensions.Values'),
        matchOptions(dims.MatchOptions, 'Dimensions.MatchOptions'),
      );
      return line => match(dimensionValue(line, key));
    }
    case 'Tags': {
      const tags = asRecord(record.Tags, 'Tags');
      if (typeof tags.Key !== 'string' || tags.Key.length === 0) {
        throw validation('Tags.Key is required');
      }
      const tagKey = tags.Key;
      const match = valueMatcher(
        stringList(tags.Values, 'Tags.Values'),
        matchOptions(tags.MatchOptions, 'Tags.MatchOptions'),
      );
      return line => match(line.tags[tagKey]);
    }
    default:
      throw validation(
        'CostCategories filters are not supported by the simulator',
      );
  }
}
