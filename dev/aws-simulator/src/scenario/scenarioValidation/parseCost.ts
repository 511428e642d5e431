import {
  fail,
  asObject,
  asString,
  optionalString,
  optionalNumber,
  optionalRecord,
  rejectUnknownKeys,
} from './fields.ts';
import type { ScenarioBudget, ScenarioCost } from '../types.ts';

/** The cost section of a scenario: budgets and cost settings. */

export function parseBudget(
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

export function parseCost(raw: unknown, path: string): ScenarioCost {
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
  const shared = optionalRecord(
    record.shared,
    `${path}.shared`,
    (amount, amountPath) => optionalNumber(amount, amountPath, 0) ?? 0,
  );
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
