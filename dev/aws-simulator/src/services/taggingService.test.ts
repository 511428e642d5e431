import {
  GetResourcesCommand,
  PaginationTokenExpiredException,
  paginateGetResources,
  ThrottledException,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { FIXED_NOW, assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { generateScenario } from '../scenario/generateScenario.ts';
import { startAwsSimulator } from '../startAwsSimulator.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('Resource Groups Tagging API GetResources through its official client', () => {
  const demo = useSimulator();

  afterEach(() => demo.simulator.setFaults([]));

  it('finds a service’s ECS services by tag in the caller’s account, with their tags', async () => {
    const staging = clients.tagging(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
    });
    const out = await staging.send(
      new GetResourcesCommand({
        TagFilters: [{ Key: 'zeroops:service', Values: ['payments-api'] }],
        ResourceTypeFilters: ['ecs:service'],
      }),
    );
    expect(out.ResourceTagMappingList!.map(m => m.ResourceARN)).toEqual([
      'arn:aws:ecs:us-east-1:222222222222:service/zeroops-ephemeral/payments-api-pr-7',
      'arn:aws:ecs:us-east-1:222222222222:service/zeroops-staging/payments-api',
    ]);
    expect(out.ResourceTagMappingList![1].Tags).toEqual([
      { Key: 'zeroops:service', Value: 'payments-api' },
      { Key: 'zeroops:environment', Value: 'staging' },
    ]);
    expect(out.PaginationToken).toBe('');

    const production = clients.tagging(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const prod = await production.send(
      new GetResourcesCommand({
        TagFilters: [
          { Key: 'zeroops:service', Values: ['payments-api'] },
          { Key: 'zeroops:environment', Values: ['production'] },
        ],
      }),
    );
    expect(prod.ResourceTagMappingList!.map(m => m.ResourceARN)).toEqual([
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
    ]);
  });

  it('lists nothing for resource types it does not hold, and everything for the ecs service', async () => {
    const tagging = clients.tagging(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const rds = await tagging.send(
      new GetResourcesCommand({ ResourceTypeFilters: ['rds:cluster'] }),
    );
    expect(rds.ResourceTagMappingList).toEqual([]);
    const ecs = await tagging.send(
      new GetResourcesCommand({
        ResourceTypeFilters: ['ecs'],
        TagFilters: [{ Key: 'zeroops:service' }],
      }),
    );
    expect(ecs.ResourceTagMappingList!.map(m => m.ResourceARN)).toEqual([
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/orders-worker',
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/storefront-web',
    ]);
  });

  it('pages with ResourcesPerPage, each resource exactly once, and rejects a foreign token', async () => {
    const big = await startAwsSimulator({
      scenario: generateScenario({ services: 23 }),
      now: () => FIXED_NOW,
    });
    try {
      const tagging = clients.tagging(big, {
        credentials: await assumeRoleIn(big, '222222222222'),
      });
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateGetResources(
        { client: tagging },
        { ResourcesPerPage: 10, ResourceTypeFilters: ['ecs:service'] },
      )) {
        pages += 1;
        seen.push(...page.ResourceTagMappingList!.map(m => m.ResourceARN!));
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);

      const first = await tagging.send(
        new GetResourcesCommand({ ResourcesPerPage: 10 }),
      );
      await expect(
        tagging.send(
          new GetResourcesCommand({
            ResourcesPerPage: 5,
            PaginationToken: first.PaginationToken,
          }),
        ),
      ).rejects.toBeInstanceOf(PaginationTokenExpiredException);
    } finally {
      await big.stop();
    }
  });

  it('surfaces injected throttling as the SDK’s ThrottledException after its retries', async () => {
    demo.simulator.setFaults([
      { operation: 'GetResources', account: '222222222222', throttleRate: 1 },
    ]);
    demo.simulator.resetCounters();
    const tagging = clients.tagging(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
      maxAttempts: 3,
    });
    await expect(
      tagging.send(new GetResourcesCommand({})),
    ).rejects.toBeInstanceOf(ThrottledException);
    expect(
      demo.simulator.callCount({
        service: 'tagging',
        operation: 'GetResources',
      }),
    ).toBe(3);
  });
});
