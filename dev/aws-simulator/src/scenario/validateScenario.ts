import { InputError } from '@backstage/errors';
import { parseFaultRules } from '../control/faults.ts';
import type {
  AlarmStateValue,
  DeploymentStory,
  ScenarioAccount,
  ScenarioBudget,
  ScenarioCost,
  ScenarioDocument,
  ScenarioEnvironment,
  ScenarioGenerated,
  ScenarioInstance,
  ScenarioService,
} from './types.ts';

/**
 * Checks an untrusted scenario (parsed YAML, or an object from a test) and returns it typed.
 * Messages name the offending path so a user editing YAML can find the mistake.
 */

const ACCOUNT_ID = /^\d{12}$/;
const SERVICE_NAME = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
const EPHEMERAL_INSTANCE = /^pr-([1-9][0-9]{0,4})$/;
// Mirrors MAX_SERVICE_NAME_LENGTH of the zeroops-common naming contract (derived there: 21).
const MAX_SERVICE_NAME_LENGTH = 21;

const DEPLOYMENT_STORIES: readonly DeploymentStory[] = [
  'steady',
  'blue-green-in-progress',
  'rolling-in-progress',
  'circuit-breaker-rollback',
];
const ALARM_STATES: readonly AlarmStateValue[] = [
  'OK',
  'ALARM',
  'INSUFFICIENT_DATA',
];

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new InputError(`Invalid scenario: ${path} ${message}`);
}

function asObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be an object');
  }
  return value as Json;
}

function asList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value;
}

function asString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(path, 'must be a non-empty string');
  }
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : asString(value, path);
}

function optionalNumber(
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

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function oneOf<T extends string>(
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
function asAccountId(value: unknown, path: string): string {
  const text =
    typeof value === 'number' && Number.isInteger(value)
      ? String(value).padStart(12, '0')
      : value;
  if (typeof text !== 'string' || !ACCOUNT_ID.test(text)) {
    fail(path, 'must be a 12-digit AWS account id');
  }
  return text;
}

function rejectUnknownKeys(
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

function parseAccount(raw: unknown, path: string): ScenarioAccount {
  const record = asObject(raw, path);
  rejectUnknownKeys(record, ['id', 'name'], path);
  return {
    id: asAccountId(record.id, `${path}.id`),
    name: optionalString(record.name, `${path}.name`),
  };
}

function parseEnvironment(
  raw: unknown,
  path: string,
  accounts: Set<string>,
): ScenarioEnvironment {
  const record = asObject(raw, path);
  rejectUnknownKeys(
    record,
    ['name', 'kind', 'account', 'region', 'cluster'],
    path,
  );
  const account = asAccountId(record.account, `${path}.account`);
  if (!accounts.has(account)) {
    fail(`${path}.account`, `${account} is not listed in accounts`);
  }
  return {
    name: asString(record.name, `${path}.name`),
    kind: oneOf(
      record.kind,
      ['persistent', 'ephemeral'] as const,
      `${path}.kind`,
    ),
    account,
    region: optionalString(record.region, `${path}.region`),
    cluster: optionalString(record.cluster, `${path}.cluster`),
  };
}

function parseInstance(raw: unknown, path: string): ScenarioInstance {
  const record = asObject(raw ?? {}, path);
  rejectUnknownKeys(
    record,
    [
      'desiredCount',
      'deployment',
      'strategy',
      'alarms',
      'monthlyCost',
      'createdHoursAgo',
      'distributionId',
      'unhealthyTargets',
    ],
    path,
  );
  let alarms: Record<string, AlarmStateValue> | undefined;
  if (record.alarms !== undefined) {
    const alarmRecord = asObject(record.alarms, `${path}.alarms`);
    alarms = {};
    for (const [signal, state] of Object.entries(alarmRecord)) {
      alarms[signal] = oneOf(state, ALARM_STATES, `${path}.alarms.${signal}`);
    }
  }
  return {
    desiredCount: optionalNumber(
      record.desiredCount,
      `${path}.desiredCount`,
      0,
      1000,
    ),
    deployment:
      record.deployment === undefined
        ? undefined
        : oneOf(record.deployment, DEPLOYMENT_STORIES, `${path}.deployment`),
    strategy:
      record.strategy === undefined
        ? undefined
        : oneOf(
            record.strategy,
            ['ROLLING', 'BLUE_GREEN'] as const,
            `${path}.strategy`,
          ),
    alarms,
    monthlyCost: optionalNumber(record.monthlyCost, `${path}.monthlyCost`, 0),
    createdHoursAgo: optionalNumber(
      record.createdHoursAgo,
      `${path}.createdHoursAgo`,
      0,
    ),
    distributionId: optionalString(
      record.distributionId,
      `${path}.distributionId`,
    ),
    unhealthyTargets: optionalNumber(
      record.unhealthyTargets,
      `${path}.unhealthyTargets`,
      0,
      1000,
    ),
  };
}

function parseService(
  raw: unknown,
  path: string,
  environments: ScenarioEnvironment[],
): ScenarioService {
  const record = asObject(raw, path);
  rejectUnknownKeys(
    record,
    [
      'name',
      'type',
      'cpu',
      'memory',
      'port',
      'database',
      'cache',
      'cdn',
      'instances',
    ],
    path,
  );
  const name = asString(record.name, `${path}.name`);
  if (
    name.length > MAX_SERVICE_NAME_LENGTH ||
    !SERVICE_NAME.test(name) ||
    name.includes('--')
  ) {
    fail(
      `${path}.name`,
      `"${name}" must be a lowercase DNS label of at most ${MAX_SERVICE_NAME_LENGTH} characters`,
    );
  }
  const instancesRecord = asObject(record.instances, `${path}.instances`);
  const instances: Record<string, ScenarioInstance> = {};
  const persistentNames = environments
    .filter(e => e.kind === 'persistent')
    .map(e => e.name);
  const hasEphemeral = environments.some(e => e.kind === 'ephemeral');
  for (const [instanceName, instanceRaw] of Object.entries(instancesRecord)) {
    const instancePath = `${path}.instances.${instanceName}`;
    if (EPHEMERAL_INSTANCE.test(instanceName)) {
      if (!hasEphemeral) {
        fail(
          instancePath,
          'is a pull request instance but no environment has kind ephemeral',
        );
      }
    } else if (!persistentNames.includes(instanceName)) {
      fail(
        instancePath,
        `must be a persistent environment (${persistentNames.join(
          ', ',
        )}) or pr-<n>`,
      );
    }
    instances[instanceName] = parseInstance(instanceRaw, instancePath);
  }
  return {
    name,
    type: oneOf(
      record.type,
      ['api', 'website', 'worker'] as const,
      `${path}.type`,
    ),
    cpu: optionalNumber(record.cpu, `${path}.cpu`, 256, 16384),
    memory: optionalNumber(record.memory, `${path}.memory`, 512, 122880),
    port: optionalNumber(record.port, `${path}.port`, 1, 65535),
    database: optionalBoolean(record.database, `${path}.database`),
    cache: optionalBoolean(record.cache, `${path}.cache`),
    cdn: optionalBoolean(record.cdn, `${path}.cdn`),
    instances,
  };
}

function parseBudget(
  raw: unknown,
  path: string,
  serviceNames: Set<string>,
): ScenarioBudget {
  const record = asObject(raw, path);
  rejectUnknownKeys(
    record,
    ['name', 'service', 'limit', 'consumedPercent'],
    path,
  );
  const budget: ScenarioBudget = {
    name: asString(record.name, `${path}.name`),
    service: optionalString(record.service, `${path}.service`),
    limit: optionalNumber(record.limit, `${path}.limit`, 0.01),
    consumedPercent: optionalNumber(
      record.consumedPercent,
      `${path}.consumedPercent`,
      1,
      1000,
    ),
  };
  if ((budget.limit === undefined) === (budget.consumedPercent === undefined)) {
    fail(path, 'must set exactly one of limit and consumedPercent');
  }
  if (budget.service !== undefined && !serviceNames.has(budget.service)) {
    fail(
      `${path}.service`,
      `${budget.service} is not a service of the scenario`,
    );
  }
  return budget;
}

function parseCost(raw: unknown, path: string): ScenarioCost {
  const record = asObject(raw, path);
  rejectUnknownKeys(
    record,
    [
      'months',
      'monthlyGrowth',
      'noise',
      'pageSize',
      'shared',
      'closedPullRequests',
    ],
    path,
  );
  let shared: Record<string, number> | undefined;
  if (record.shared !== undefined) {
    shared = {};
    for (const [env, amount] of Object.entries(
      asObject(record.shared, `${path}.shared`),
    )) {
      shared[env] = optionalNumber(amount, `${path}.shared.${env}`, 0) ?? 0;
    }
  }
  return {
    months: optionalNumber(record.months, `${path}.months`, 1, 36),
    monthlyGrowth: optionalNumber(
      record.monthlyGrowth,
      `${path}.monthlyGrowth`,
      -0.5,
      1,
    ),
    noise: optionalNumber(record.noise, `${path}.noise`, 0, 0.5),
    pageSize: optionalNumber(record.pageSize, `${path}.pageSize`, 1, 100000),
    shared,
    closedPullRequests: optionalNumber(
      record.closedPullRequests,
      `${path}.closedPullRequests`,
      0,
      1000,
    ),
  };
}

function parseGenerated(raw: unknown, path: string): ScenarioGenerated {
  const record = asObject(raw, path);
  rejectUnknownKeys(record, ['services', 'environments'], path);
  const services = optionalNumber(record.services, `${path}.services`, 1, 999);
  if (services === undefined) fail(`${path}.services`, 'is required');
  return {
    services,
    environments: asList(record.environments, `${path}.environments`).map(
      (env, i) => asString(env, `${path}.environments[${i}]`),
    ),
  };
}

export function validateScenario(input: unknown): ScenarioDocument {
  const record = asObject(input, 'scenario');
  rejectUnknownKeys(
    record,
    [
      'name',
      'description',
      'seed',
      'region',
      'accounts',
      'defaultAccount',
      'costAccount',
      'environments',
      'services',
      'budgets',
      'cost',
      'faults',
      'generated',
    ],
    'scenario',
  );
  const accounts = asList(record.accounts, 'accounts').map((a, i) =>
    parseAccount(a, `accounts[${i}]`),
  );
  const accountIds = new Set(accounts.map(a => a.id));
  const defaultAccount = asAccountId(record.defaultAccount, 'defaultAccount');
  if (!accountIds.has(defaultAccount)) {
    fail('defaultAccount', `${defaultAccount} is not listed in accounts`);
  }
  const costAccount =
    record.costAccount === undefined
      ? undefined
      : asAccountId(record.costAccount, 'costAccount');
  if (costAccount !== undefined && !accountIds.has(costAccount)) {
    fail('costAccount', `${costAccount} is not listed in accounts`);
  }
  const environments = asList(record.environments, 'environments').map((e, i) =>
    parseEnvironment(e, `environments[${i}]`, accountIds),
  );
  const envNames = new Set<string>();
  for (const env of environments) {
    if (envNames.has(env.name)) fail('environments', `lists ${env.name} twice`);
    envNames.add(env.name);
  }
  if (environments.filter(e => e.kind === 'ephemeral').length > 1) {
    fail('environments', 'may have at most one environment of kind ephemeral');
  }
  const services = asList(record.services ?? [], 'services').map((s, i) =>
    parseService(s, `services[${i}]`, environments),
  );
  const serviceNames = new Set<string>();
  for (const service of services) {
    if (serviceNames.has(service.name))
      fail('services', `lists ${service.name} twice`);
    serviceNames.add(service.name);
  }
  const generated =
    record.generated === undefined
      ? undefined
      : parseGenerated(record.generated, 'generated');
  for (const envName of generated?.environments ?? []) {
    const env = environments.find(e => e.name === envName);
    if (!env || env.kind !== 'persistent') {
      fail(
        'generated.environments',
        `${envName} is not a persistent environment`,
      );
    }
  }
  return {
    name: asString(record.name, 'name'),
    description: optionalString(record.description, 'description'),
    seed: optionalNumber(record.seed, 'seed', 0, 2 ** 32 - 1),
    region: optionalString(record.region, 'region'),
    accounts,
    defaultAccount,
    costAccount,
    environments,
    services,
    budgets: asList(record.budgets ?? [], 'budgets').map((b, i) =>
      parseBudget(b, `budgets[${i}]`, serviceNames),
    ),
    cost:
      record.cost === undefined ? undefined : parseCost(record.cost, 'cost'),
    faults:
      record.faults === undefined ? undefined : parseFaultRules(record.faults),
    generated,
  };
}
