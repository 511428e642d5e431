import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { EnvironmentKind } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * One platform environment: an entry of `zeroops.environments`, or of a
 * `ZeroOpsEnvironmentSupplier`.
 *
 * @public
 */
export interface PlatformEnvironment {
  /** Shown on the entity page, e.g. `production`. */
  name: string;
  /** `ephemeral`: a cluster of pull-request services (`<service>-pr-<n>`). */
  kind: EnvironmentKind;
  /** AWS account of the cluster, read with the role of `aws.accounts`. */
  accountId: string;
  /** AWS region of the cluster, e.g. `eu-west-1`. */
  region: string;
  /** ECS cluster name. */
  cluster: string;
}

/** Cost metric of Cost Explorer that the snapshots hold. */
export type CostMetric = 'UnblendedCost' | 'AmortizedCost' | 'NetUnblendedCost';

/** `zeroops.costExplorer`. */
export interface CostExplorerSettings {
  accountId: string;
  region: string;
  refreshIntervalMs: number;
  metric: CostMetric;
  forecast: 'run-rate' | 'cost-explorer';
  budgetWarningPercent: number;
}

/** `zeroops.delivery`: GitHub delivery records (webhooks and reconciliation). */
export interface DeliverySettings {
  enabled: boolean;
  reconcileIntervalMs: number;
  /** First reconciliation after start, short so a fresh demo fills at once. */
  reconcileInitialDelayMs: number;
  /** Stop a reconciliation when this few GitHub requests are left in the hour. */
  rateLimitReserve: number;
  /** How far back a first reconciliation reads deployments. */
  backfillDays: number;
  maxPayloadBytes: number;
  productionEnvironment: string;
  stagingEnvironment: string;
}

/** Everything the plugin reads from `zeroops.*`, validated once at startup. */
export interface ZeroOpsConfig {
  environments: PlatformEnvironment[];
  costExplorer?: CostExplorerSettings;
  cacheTtlMs: number;
  /** TTL of ECS services at rest (see servicesAtRest); default four times {@link cacheTtlMs}. */
  restingTtlMs: number;
  /** How long a user's permission decision is reused; 0 turns the reuse off. */
  decisionCacheTtlMs: number;
  requestTimeoutMs: number;
  /**
   * Budget of one API request: environments not read by then are answered as `pending` while
   * their read goes on into the shared cache.
   */
  requestDeadlineMs: number;
  maxAttempts: number;
  /** When ALB target health is read; see needsTargetHealth. */
  targetHealth: 'always' | 'on-symptom';
  demoData: boolean;
  delivery: DeliverySettings;
}

const DURATION_VALUE = 'value';
const DEFAULT_CACHE_TTL_MS = 15_000;
/** Services at rest are re-read this many times less often than others (servicesAtRest.ts). */
const RESTING_TTL_FACTOR = 4;
const DEFAULT_DECISION_CACHE_TTL_MS = 5_000;
/** Three cost refreshes a day: within the Cost Explorer request budget (see costRequestBudget.ts). */
const DEFAULT_REFRESH_INTERVAL_MS = 8 * 60 * 60 * 1000;
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_DEADLINE_MS = 1_500;
// Webhooks are the primary path; the reconciliation is a backstop. Every 15 minutes, 200
// repositories cost 1,600 requests an hour, mostly 304s that GitHub does not count.
const DEFAULT_RECONCILE_INTERVAL_MS = 15 * 60 * 1000;
const RECONCILE_INITIAL_DELAY_MS = 15_000;
// GitHub's own limit is 25 MB; our five events are 5-60 KB (a push lists at most 20 commits).
// 1 MiB leaves 15x headroom and bounds what an unauthenticated sender makes the backend parse
// before the signature check, below the events backend's 5 MB.
const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
// A tenth of a token's 5,000 requests an hour stays for other users of the same credentials.
const DEFAULT_RATE_LIMIT_RESERVE = 500;
// The longest DORA window.
const DEFAULT_BACKFILL_DAYS = 90;
/** What an environment name may be (it is part of AWS resource names). */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const METRICS: CostMetric[] = [
  'UnblendedCost',
  'AmortizedCost',
  'NetUnblendedCost',
];

function readDurationMs(
  config: Config,
  key: string,
  defaultMs: number,
  options: { allowZero?: boolean } = {},
): number {
  if (!config.has(key)) return defaultMs;
  // Parse the effective value only. Given the layered root config, readDurationFromConfig
  // type-checks every layer, so a user's `{ minutes: 1 }` over our `6h` default would fail
  // with "got string, wanted object" although the user's layer alone is valid.
  const effective = new ConfigReader(
    { [DURATION_VALUE]: config.getOptional(key) ?? null },
    `zeroops.${key}`,
  );
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(effective, { key: DURATION_VALUE }),
    );
  } catch (error) {
    throw new InputError(
      `zeroops config: ${key} is not a duration; write it as a string such as '15s', '6h' or 'PT15S'`,
      error,
    );
  }
  if (options.allowZero ? !(ms >= 0) : !(ms > 0)) {
    throw new InputError(
      `zeroops config: ${key} must be a ${
        options.allowZero ? 'non-negative' : 'positive'
      } duration`,
    );
  }
  return ms;
}

function readAccountId(config: Config, key: string, where: string): string {
  // YAML turns an unquoted 12-digit id into a number; accept both.
  const raw = config.get(key);
  const value = typeof raw === 'number' ? String(raw).padStart(12, '0') : raw;
  if (typeof value !== 'string' || !ACCOUNT_ID_PATTERN.test(value)) {
    throw new InputError(
      `zeroops config: ${where}.${key} must be a 12-digit AWS account id, got ${JSON.stringify(
        raw,
      )}`,
    );
  }
  return value;
}

function readEnvironment(config: Config, index: number): PlatformEnvironment {
  const where = `zeroops.environments[${index}]`;
  const name = config.getString('name');
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    throw new InputError(
      `zeroops config: ${where}.name "${name}" must be a lowercase label (a-z, 0-9, -)`,
    );
  }
  const kind = config.getString('kind');
  if (kind !== 'persistent' && kind !== 'ephemeral') {
    throw new InputError(
      `zeroops config: ${where}.kind must be "persistent" or "ephemeral", got "${kind}"`,
    );
  }
  return {
    name,
    kind,
    accountId: readAccountId(config, 'accountId', where),
    region: config.getString('region'),
    cluster: config.getOptionalString('cluster') ?? `zeroops-${name}`,
  };
}

function readCostExplorer(config: Config): CostExplorerSettings {
  const metric = config.getOptionalString('metric') ?? 'UnblendedCost';
  if (!METRICS.includes(metric as CostMetric)) {
    throw new InputError(
      `zeroops config: zeroops.costExplorer.metric must be one of ${METRICS.join(
        ', ',
      )}`,
    );
  }
  const forecast = config.getOptionalString('forecast') ?? 'run-rate';
  if (forecast !== 'run-rate' && forecast !== 'cost-explorer') {
    throw new InputError(
      'zeroops config: zeroops.costExplorer.forecast must be "run-rate" or "cost-explorer"',
    );
  }
  const budgetWarningPercent =
    config.getOptionalNumber('budgetWarningPercent') ?? 80;
  return {
    accountId: readAccountId(config, 'accountId', 'zeroops.costExplorer'),
    region: config.getOptionalString('region') ?? 'us-east-1',
    refreshIntervalMs: readDurationMs(
      config,
      'refreshInterval',
      DEFAULT_REFRESH_INTERVAL_MS,
    ),
    metric: metric as CostMetric,
    forecast,
    budgetWarningPercent,
  };
}

function readPositiveInteger(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `zeroops config: zeroops.delivery.${key} must be a positive integer`,
    );
  }
  return value;
}

/**
 * Reads `zeroops.delivery`. Delivery is on by default when `integrations.github` is configured
 * (Backstage adds an anonymous github.com integration otherwise, which the rate limit of 60
 * requests an hour makes useless); `zeroops.delivery.enabled` overrides it either way.
 */
export function readDeliverySettings(rootConfig: Config): DeliverySettings {
  const config =
    rootConfig.getOptionalConfig('zeroops.delivery') ?? new ConfigReader({});
  const environment = (key: string, fallback: string) => {
    const name = config.getOptionalString(key) ?? fallback;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/.test(name)) {
      throw new InputError(
        `zeroops config: zeroops.delivery.${key} "${name}" is not a GitHub environment name`,
      );
    }
    return name;
  };
  return {
    enabled:
      config.getOptionalBoolean('enabled') ??
      rootConfig.has('integrations.github'),
    reconcileIntervalMs: readDurationMs(
      rootConfig.getOptionalConfig('zeroops') ?? new ConfigReader({}),
      'delivery.reconcileInterval',
      DEFAULT_RECONCILE_INTERVAL_MS,
    ),
    reconcileInitialDelayMs: RECONCILE_INITIAL_DELAY_MS,
    rateLimitReserve: readPositiveInteger(
      config,
      'rateLimitReserve',
      DEFAULT_RATE_LIMIT_RESERVE,
    ),
    backfillDays: readPositiveInteger(
      config,
      'backfillDays',
      DEFAULT_BACKFILL_DAYS,
    ),
    maxPayloadBytes: readPositiveInteger(
      config,
      'webhooks.maxPayloadBytes',
      DEFAULT_MAX_PAYLOAD_BYTES,
    ),
    productionEnvironment: environment('productionEnvironment', 'production'),
    stagingEnvironment: environment('stagingEnvironment', 'staging'),
  };
}

/** Reads and validates `zeroops.*`; throws an InputError naming the bad key. */
export function readZeroOpsConfig(rootConfig: Config): ZeroOpsConfig {
  const config =
    rootConfig.getOptionalConfig('zeroops') ?? new ConfigReader({});
  const environments = (
    config.getOptionalConfigArray('environments') ?? []
  ).map(readEnvironment);
  const seen = new Set<string>();
  for (const env of environments) {
    if (seen.has(env.name)) {
      throw new InputError(
        `zeroops config: environment "${env.name}" is listed twice in zeroops.environments`,
      );
    }
    seen.add(env.name);
  }
  const costConfig = config.getOptionalConfig('costExplorer');
  const maxAttempts = config.getOptionalNumber('aws.maxAttempts') ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InputError(
      'zeroops config: zeroops.aws.maxAttempts must be a positive integer',
    );
  }
  const targetHealth =
    config.getOptionalString('health.targetHealth') ?? 'on-symptom';
  if (targetHealth !== 'always' && targetHealth !== 'on-symptom') {
    throw new InputError(
      'zeroops config: zeroops.health.targetHealth must be "always" or "on-symptom"',
    );
  }
  const cacheTtlMs = readDurationMs(config, 'cache.ttl', DEFAULT_CACHE_TTL_MS);
  return {
    environments,
    costExplorer: costConfig ? readCostExplorer(costConfig) : undefined,
    cacheTtlMs,
    restingTtlMs: readDurationMs(
      config,
      'cache.restingTtl',
      RESTING_TTL_FACTOR * cacheTtlMs,
    ),
    decisionCacheTtlMs: readDurationMs(
      config,
      'permissions.decisionCacheTtl',
      DEFAULT_DECISION_CACHE_TTL_MS,
      { allowZero: true },
    ),
    requestTimeoutMs: readDurationMs(
      config,
      'aws.requestTimeout',
      DEFAULT_REQUEST_TIMEOUT_MS,
    ),
    requestDeadlineMs: readDurationMs(
      config,
      'requestDeadline',
      DEFAULT_REQUEST_DEADLINE_MS,
    ),
    maxAttempts,
    targetHealth,
    demoData: config.getOptionalBoolean('demoData') ?? false,
    delivery: readDeliverySettings(rootConfig),
  };
}
