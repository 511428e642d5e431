import {
  DescribeServerlessCachesCommand,
  ServerlessCacheNotFoundFault,
  paginateDescribeServerlessCaches,
} from '@aws-sdk/client-elasticache';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('ElastiCache DescribeServerlessCaches through @aws-sdk/client-elasticache', () => {
  const demo = useSimulator();

  it('describes a Valkey serverless cache', async () => {
    const elasticache = clients.elasticache(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const out = await elasticache.send(
      new DescribeServerlessCachesCommand({
        ServerlessCacheName: 'payments-api-production',
      }),
    );
    expect(out.ServerlessCaches).toHaveLength(1);
    const [cache] = out.ServerlessCaches!;
    expect(cache).toMatchObject({
      ServerlessCacheName: 'payments-api-production',
      Status: 'available',
      Engine: 'valkey',
      MajorEngineVersion: '8',
      ARN: 'arn:aws:elasticache:us-east-1:111111111111:serverlesscache:payments-api-production',
      CacheUsageLimits: { DataStorage: { Maximum: 10, Unit: 'GB' } },
    });
    expect(cache.Endpoint!.Port).toBe(6379);
    expect(cache.Endpoint!.Address).toMatch(
      /\.serverless\.use1\.cache\.amazonaws\.com$/,
    );
    expect(cache.SubnetIds).toHaveLength(3);
    expect(cache.SecurityGroupIds![0]).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(cache.CreateTime).toBeInstanceOf(Date);
  });

  it('pages through every cache exactly once', async () => {
    const elasticache = clients.elasticache(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
    });
    const names: string[] = [];
    for await (const page of paginateDescribeServerlessCaches(
      { client: elasticache, pageSize: 1 },
      {},
    )) {
      names.push(...page.ServerlessCaches!.map(c => c.ServerlessCacheName!));
    }
    expect(names).toEqual(['payments-api-pr-7', 'payments-api-staging']);
  });

  it('answers ServerlessCacheNotFoundFault for an unknown cache', async () => {
    await expect(
      clients
        .elasticache(demo.simulator)
        .send(
          new DescribeServerlessCachesCommand({ ServerlessCacheName: 'nope' }),
        ),
    ).rejects.toBeInstanceOf(ServerlessCacheNotFoundFault);
  });
});
