import {
  HealthReason,
  healthStatusOf,
} from '@zeroops/backstage-plugin-zeroops-common';
import type { ReadRecords } from './readWorld';

/** One field that the simulator and moto yield differently. */
export interface Difference {
  record: string;
  path: string;
  simulator: unknown;
  moto: unknown;
}

export interface Comparison {
  equal: string[];
  differing: string[];
  differences: Difference[];
}

/**
 * Fields that differ by construction, each replaced by a placeholder on both sides (never
 * dropped silently: the field must still be present on both sides to compare equal).
 */
const TIME_FIELDS = new Set([
  // The simulator places every resource at a seeded offset before "now"; moto stamps it with
  // the moment the seeder created it.
  'createdAt',
  'startedAt',
  'updatedAt',
  'stoppedAt',
  'since',
  // When the reader read it.
  'fetchedAt',
]);

const GENERATED_IDS: [RegExp, string][] = [
  // ECS deployment ids are random numbers (moto) or seeded ones (simulator); they also appear
  // inside rolloutStateReason ("ECS deployment ecs-svc/… completed.").
  [/ecs-svc\/\d+/g, 'ecs-svc/<id>'],
  // Target group ARNs end in an id AWS generates at creation.
  [/(:targetgroup\/[^/]+\/)[0-9a-f]{16}/g, '$1<id>'],
];

/**
 * Fields whose values cannot agree because moto does not model what produces them; their
 * value is replaced by a placeholder on both sides (a field missing on one side still fails).
 */
const UNMODELLED_FIELDS = new Set([
  // ECS's scheduler writes service events over time; they cannot be created through the API,
  // and moto writes none.
  'events',
]);

/**
 * Fields that moto omits; they are removed from the simulator's records only, so the rest of
 * each record is still compared.
 */
const MOTO_OMITS: { field: string; when: (parent: object) => boolean }[] = [
  // The service-deployments API (ECS native blue/green lifecycle) is not in moto 5.2.6, so
  // its services have no current service deployment.
  { field: 'currentServiceDeployment', when: () => true },
  // moto's DescribeServices has no createdAt for a service (its deployments have one, mapped
  // to startedAt). Services are the records with a runningCount.
  { field: 'createdAt', when: parent => 'runningCount' in parent },
];

/**
 * The same gap makes the honest roll-up add `cache-unreadable` (and so `unknown` where all else is
 * healthy) on moto's side only; that reason is removed and the verdict taken without it.
 */
const MOTO_GAP_REASON = 'cache-unreadable';

function withoutMotoGap(value: object): object {
  const health = (value as { health?: unknown }).health as
    | { status: string; reasons: { code: string; severity: string }[] }
    | undefined;
  if (!health || !Array.isArray(health.reasons)) return value;
  const reasons = health.reasons.filter(r => r.code !== MOTO_GAP_REASON);
  if (reasons.length === health.reasons.length) return value;
  // The roll-up's verdict without the gap, by the roll-up's own rule.
  return {
    ...value,
    health: {
      status: healthStatusOf(reasons as HealthReason[]),
      reasons,
    },
  };
}

/** Budget spend is computed by AWS from billing data; moto has none and reports 0. */
const BUDGET_SPEND_FIELDS = new Set(['actual', 'forecast']);

/**
 * moto 5.2.6 does not implement ElastiCache DescribeServerlessCaches; the composed records
 * read from moto carry that call's classified error, which is removed (the world has no
 * caches, so the simulator's records have none to compare).
 */
function isMotoGapError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { source?: unknown }).source === 'elasticache'
  );
}

function normaliseValue(
  value: unknown,
  side: 'simulator' | 'moto',
  record: string,
  key = '',
): unknown {
  if (typeof value === 'string') {
    return GENERATED_IDS.reduce(
      (text, [pattern, replacement]) => text.replace(pattern, replacement),
      value,
    );
  }
  if (Array.isArray(value)) {
    const items =
      side === 'moto' && key === 'partialErrors'
        ? value.filter(item => !isMotoGapError(item))
        : value;
    return items.map(item => normaliseValue(item, side, record));
  }
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    const compared = side === 'moto' ? withoutMotoGap(value) : value;
    for (const [field, fieldValue] of Object.entries(compared)) {
      if (
        side === 'simulator' &&
        MOTO_OMITS.some(rule => rule.field === field && rule.when(value))
      ) {
        continue;
      }
      if (UNMODELLED_FIELDS.has(field)) {
        result[field] = '<not modelled by moto>';
      } else if (TIME_FIELDS.has(field) && typeof fieldValue === 'string') {
        result[field] = '<time>';
      } else if (
        record.startsWith('budgets:') &&
        BUDGET_SPEND_FIELDS.has(field)
      ) {
        result[field] = '<spend>';
      } else {
        result[field] = normaliseValue(fieldValue, side, record, field);
      }
    }
    return result;
  }
  return value;
}

/** Applies the normalisation above to every record of one side. */
export function normaliseRecords(
  records: ReadRecords,
  side: 'simulator' | 'moto',
): ReadRecords {
  return Object.fromEntries(
    Object.entries(records).map(([name, value]) => [
      name,
      normaliseValue(value, side, name),
    ]),
  );
}

function diff(
  record: string,
  path: string,
  simulator: unknown,
  moto: unknown,
  out: Difference[],
): void {
  if (
    simulator &&
    moto &&
    typeof simulator === 'object' &&
    typeof moto === 'object' &&
    Array.isArray(simulator) === Array.isArray(moto)
  ) {
    const a = simulator as Record<string, unknown>;
    const b = moto as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      diff(record, path ? `${path}.${key}` : key, a[key], b[key], out);
    }
    return;
  }
  if (JSON.stringify(simulator) !== JSON.stringify(moto)) {
    out.push({ record, path, simulator, moto });
  }
}

/** Compares both sides record by record, field by field, after normalisation. */
export function compareRecords(
  simulator: ReadRecords,
  moto: ReadRecords,
): Comparison {
  const a = normaliseRecords(simulator, 'simulator');
  const b = normaliseRecords(moto, 'moto');
  const comparison: Comparison = { equal: [], differing: [], differences: [] };
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const name of names) {
    const found: Difference[] = [];
    diff(name, '', a[name], b[name], found);
    (found.length === 0 ? comparison.equal : comparison.differing).push(name);
    comparison.differences.push(...found);
  }
  return comparison;
}
