import { Entity } from '@backstage/catalog-model';
import { generateScenario } from '@zeroops/aws-simulator';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsConfig } from './__testUtils__/testBackend';
import { componentEntity } from './__testUtils__/componentEntity';

jest.setTimeout(60_000);

const SERVICES = 25;
const names = Array.from(
  { length: SERVICES },
  (_, i) => `svc-${String(i + 1).padStart(3, '0')}`,
);
const entities: Entity[] = names.map(name =>
  componentEntity(
    name,
    { 'zeroops.io/service-name': name },
    { type: 'service', owner: 'group:default/team-bench' },
  ),
);

describe('DescribeServices batches of the catalog roster', () => {
  const zeroops = useSimulatedBackend({
    simulator: { scenario: generateScenario({ services: SERVICES }) },
    sharedBackend: {
      entities,
      config: zeroopsConfig({
        environments: ['production', 'staging'].map(name => ({
          name,
          kind: 'persistent',
          accountId: name === 'production' ? '111111111111' : '222222222222',
          region: 'us-east-1',
          cluster: `zeroops-${name}`,
        })),
      }),
    },
  });

  async function read(name: string) {
    const body = await zeroops.read<EntityEnvironmentsResponse>(
      environmentsPath(name),
    );
    for (const env of body.environments) {
      expect(env.error).toBeUndefined();
      expect(env.service?.status).toBe('ACTIVE');
    }
    return body;
  }

  const describeCalls = () =>
    zeroops.simulator.callCount({ operation: 'DescribeServices' });

  it('describes only the viewed service’s batch of 10 when cold, each batch once per TTL', async () => {
    await read('svc-013');
    // svc-011 … svc-020 in each of the two clusters; not the whole roster.
    expect(describeCalls()).toBe(2);

    await Promise.all(['svc-011', 'svc-020', 'svc-013'].map(read));
    expect(describeCalls()).toBe(2);

    await Promise.all(names.map(read));
    // ⌈25 / 10⌉ = 3 batches per cluster, whatever the number of views.
    expect(describeCalls()).toBe(6);
    await Promise.all(names.map(read));
    expect(describeCalls()).toBe(6);
  });
});
