import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { assumeRoleIn, clients } from '../../__testUtils__/clients.ts';
import type { ScenarioDocument } from '../../scenario/types.ts';
import { useSimulator } from '../../__testUtils__/useSimulator.ts';

/**
 * A scenario says "no ECS service here" by leaving the environment out of a service's
 * `instances` (`instances: {}` for a service nothing was deployed to yet): ECS then answers
 * DescribeServices with a MISSING failure, as AWS does for a service not created yet.
 */
const SCENARIO: ScenarioDocument = {
  name: 'not-deployed',
  seed: 7,
  accounts: [{ id: '111111111111' }, { id: '222222222222' }],
  defaultAccount: '111111111111',
  environments: [
    { name: 'production', kind: 'persistent', account: '111111111111' },
    { name: 'staging', kind: 'persistent', account: '222222222222' },
  ],
  services: [
    // Deployed to staging, not promoted to production yet.
    { name: 'shop', type: 'api', instances: { staging: {} } },
    // Registered by the template a minute ago.
    { name: 'inventory', type: 'worker', instances: {} },
  ],
};

describe('a service without an ECS service in an environment', () => {
  const demo = useSimulator({ scenario: SCENARIO });

  async function describeShopAndInventory(account: string, cluster: string) {
    const ecs = clients.ecs(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, account),
    });
    return ecs.send(
      new DescribeServicesCommand({ cluster, services: ['shop', 'inventory'] }),
    );
  }

  it('is MISSING where the scenario has no instance of it', async () => {
    const production = await describeShopAndInventory(
      '111111111111',
      'zeroops-production',
    );
    expect(production.services).toEqual([]);
    expect(production.failures?.map(f => [f.arn, f.reason])).toEqual([
      [
        'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/shop',
        'MISSING',
      ],
      [
        'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/inventory',
        'MISSING',
      ],
    ]);

    const staging = await describeShopAndInventory(
      '222222222222',
      'zeroops-staging',
    );
    expect(staging.services?.map(s => s.serviceName)).toEqual(['shop']);
    expect(staging.failures?.map(f => f.reason)).toEqual(['MISSING']);
  });
});
