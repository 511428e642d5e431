import { Entity } from '@backstage/catalog-model';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { componentEntity } from '../__testUtils__/componentEntity';
import {
  environmentsPath,
  useSimulatedBackend,
} from '../__testUtils__/simulatedBackend';
import { ENTITIES } from '../__testUtils__/testBackend';
import { annotationTenancyError } from './annotationTenancy';

jest.setTimeout(120_000);

const ARN_ANNOTATION = 'aws.amazon.com/amazon-ecs-service-arn';

function annotated(name: string, arn: string): Entity {
  return componentEntity(
    name,
    { [ARN_ANNOTATION]: arn },
    { type: 'service', owner: 'group:default/team-checkout' },
  );
}

const FOREIGN_ACCOUNT = annotated(
  'foreign-account',
  'arn:aws:ecs:us-east-1:333333333333:service/their-cluster/payments-api',
);
const FOREIGN_REGION = annotated(
  'foreign-region',
  'arn:aws:ecs:eu-west-1:111111111111:service/zeroops-production/payments-api',
);

describe('annotationTenancyError', () => {
  const environments = [
    {
      name: 'production',
      kind: 'persistent' as const,
      accountId: '111111111111',
      region: 'us-east-1',
      cluster: 'zeroops-production',
    },
  ];

  it('accepts any cluster in a configured account and region', () => {
    expect(
      annotationTenancyError(
        {
          accountId: '111111111111',
          region: 'us-east-1',
          cluster: 'legacy',
          serviceName: 'shop',
        },
        environments,
      ),
    ).toBeUndefined();
  });

  it('rejects another account or region as a configuration error', () => {
    expect(
      annotationTenancyError(
        {
          accountId: '111111111111',
          region: 'eu-west-1',
          cluster: 'zeroops-production',
          serviceName: 'shop',
        },
        environments,
      ),
    ).toMatchObject({
      code: 'configuration',
      message: expect.stringContaining(
        'names account 111111111111 in eu-west-1',
      ),
    });
  });
});

describe('ECS ARN annotations outside the configured environments', () => {
  const zeroops = useSimulatedBackend({
    sharedBackend: {
      entities: [...ENTITIES, FOREIGN_ACCOUNT, FOREIGN_REGION],
    },
  });

  const environments = (name: string) =>
    zeroops.read<EntityEnvironmentsResponse>(environmentsPath(name));

  it('makes no AWS call for them and says why, without the backend principal', async () => {
    // Warm up: the configured accounts' roles are assumed and the roster read.
    await environments('legacy-payments');
    zeroops.simulator.resetCounters();

    for (const [name, account, region] of [
      ['foreign-account', '333333333333', 'us-east-1'],
      ['foreign-region', '111111111111', 'eu-west-1'],
    ]) {
      const body = await environments(name);
      expect(body.environments).toHaveLength(1);
      const [env] = body.environments;
      expect(env.health.status).toBe('unknown');
      expect(env.error).toMatchObject({ code: 'configuration', source: 'ecs' });
      expect(env.error?.message).toContain(ARN_ANNOTATION);
      expect(env.error?.message).toContain(
        `names account ${account} in ${region}`,
      );
      expect(env.error?.message).toContain(
        'Configured: 111111111111 (us-east-1), 222222222222 (us-east-1).',
      );
      expect(JSON.stringify(body)).not.toMatch(/arn:aws:(sts|iam)::/);
    }
    // No AssumeRole into the foreign account, no read anywhere.
    expect(zeroops.simulator.callCount({ operation: 'AssumeRole' })).toBe(0);
    expect(zeroops.simulator.callCount({ account: '333333333333' })).toBe(0);
    expect(zeroops.simulator.callCount({ service: 'ecs' })).toBe(0);
  });
});

describe('access denials', () => {
  const zeroops = useSimulatedBackend();

  it('shows an access denial without the principal AWS names in it', async () => {
    // Before any read, so that the denial is what AWS answers, not a cached success.
    zeroops.simulator.setFaults([
      { account: '111111111111', service: 'ecs', accessDenied: true },
    ]);
    await zeroops.start();
    const body = await zeroops.read<EntityEnvironmentsResponse>(
      environmentsPath('legacy-payments'),
    );
    const [env] = body.environments;
    expect(env.error?.code).toBe('access-denied');
    expect(env.error?.message).toBe(
      "ecs:DescribeServices failed (AccessDeniedException, HTTP 400): the backend's AWS identity is not authorized to perform ecs:DescribeServices",
    );
    expect(JSON.stringify(body)).not.toMatch(/arn:aws:(sts|iam)::/);
    // The denial came from AWS (the simulator), not from a check of the backend.
    expect(
      zeroops.simulator.callCount({ service: 'ecs', account: '111111111111' }),
    ).toBeGreaterThan(0);
  });
});
