import {
  fail,
  asObject,
  asString,
  optionalString,
  optionalNumber,
  optionalBoolean,
  oneOf,
  asAccountId,
  optionalRecord,
  rejectUnknownKeys,
} from './fields.ts';
import type {
  AlarmStateValue,
  DeploymentStory,
  ScenarioEnvironment,
  ScenarioInstance,
  ScenarioService,
} from '../types.ts';

/** The environments and services of a scenario: instances and their deployment stories. */

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

export function parseEnvironment(
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
  const alarms = optionalRecord(record.alarms, `${path}.alarms`, (state, p) =>
    oneOf(state, ALARM_STATES, p),
  );
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

export function parseService(
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
