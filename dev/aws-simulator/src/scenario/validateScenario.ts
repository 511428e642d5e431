import { parseFaultRules } from '../control/faults.ts';
import {
  fail,
  asObject,
  asList,
  asString,
  optionalString,
  optionalNumber,
  asAccountId,
  rejectUnknownKeys,
} from './scenarioValidation/fields.ts';
import type {
  ScenarioAccount,
  ScenarioDocument,
  ScenarioGenerated,
} from './types.ts';
import { parseBudget, parseCost } from './scenarioValidation/parseCost.ts';
import {
  parseEnvironment,
  parseService,
} from './scenarioValidation/parseServices.ts';

/**
 * Checks an untrusted scenario (parsed YAML, or an object from a test) and returns it typed.
 * Messages name the offending path so a user editing YAML can find the mistake.
 */

function parseAccount(raw: unknown, path: string): ScenarioAccount {
  const record = asObject(raw, path);
  rejectUnknownKeys(record, ['id', 'name'], path);
  return {
    id: asAccountId(record.id, `${path}.id`),
    name: optionalString(record.name, `${path}.name`),
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
