import type { ScenarioDocument } from '@zeroops/aws-simulator';

/** The account of the contract world: moto's base account and the role's account. */
export const CONTRACT_ACCOUNT = '111111111111';
export const CONTRACT_REGION = 'us-east-1';

/**
 * moto reports this many running tasks for every ECS service (its MOTO_ECS_SERVICE_RUNNING
 * switch); the world's services all desire this many so that both sides are steady.
 */
export const MOTO_RUNNING_TASKS = 2;

/** The one state of a service instance moto represents (see below): steady and rolling. */
const MOTO_STEADY_INSTANCE = {
  desiredCount: MOTO_RUNNING_TASKS,
  deployment: 'steady',
  strategy: 'ROLLING',
} as const;

/**
 * The one seed description both seeders start from: the simulator loads it as its scenario,
 * {@link seedMoto} replays the world the simulator resolves from it through the AWS APIs.
 *
 * It holds what moto can represent: services in a steady state (moto derives every
 * deployment from MOTO_ECS_SERVICE_RUNNING, one PRIMARY deployment per service), the
 * ROLLING strategy (moto drops `deploymentConfiguration`), no ElastiCache Serverless (moto
 * 5.2.6 lacks it). The README of the simulator lists what this leaves out.
 */
export function contractScenario(): ScenarioDocument {
  return {
    name: 'moto-contract',
    seed: 12,
    region: CONTRACT_REGION,
    accounts: [{ id: CONTRACT_ACCOUNT, name: 'contract' }],
    defaultAccount: CONTRACT_ACCOUNT,
    environments: [
      {
        name: 'production',
        kind: 'persistent',
        account: CONTRACT_ACCOUNT,
        cluster: 'zeroops-production',
      },
      {
        name: 'ephemeral',
        kind: 'ephemeral',
        account: CONTRACT_ACCOUNT,
        cluster: 'zeroops-ephemeral',
      },
    ],
    services: [
      {
        name: 'shop',
        type: 'api',
        database: true,
        instances: {
          production: {
            ...MOTO_STEADY_INSTANCE,
            alarms: { 'p99-latency': 'ALARM', 'cpu-high': 'OK' },
          },
          'pr-7': { ...MOTO_STEADY_INSTANCE },
        },
      },
      {
        name: 'ledger',
        type: 'worker',
        database: true,
        instances: {
          production: {
            ...MOTO_STEADY_INSTANCE,
            alarms: { 'memory-high': 'ALARM' },
          },
        },
      },
    ],
    budgets: [{ name: 'shop-monthly', service: 'shop', limit: 240 }],
  };
}
