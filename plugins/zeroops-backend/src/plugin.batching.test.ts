import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { generateScenario, type AwsSimulator } from '@zeroops/aws-simulator';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import request from 'supertest';
import {
  startSimulatorForSdk,
  startZeroOpsBackend,
  USERS,
  zeroopsConfig,
} from './__testUtils__/testBackend';

jest.setTimeout(60_000);

const SERVICES = 25;
const names = Array.from(
  { length: SERVICES },
  (_, i) => `svc-${String(i + 1).padStart(3, '0')}`,
);
const entities: Entity[] = names.map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'zeroops.io/service-name': name },
  },
  spec: { type: 'service', owner: 'group:default/team-bench' },
}));

describe('DescribeServices batches of the catalog roster', () => {
  let simulator: AwsSimulator;
  let backend: Awaited<ReturnType<typeof startZeroOpsBackend>>;

  beforeAll(async () => {
    simulator = await startSimulatorForSdk({
      scenario: generateScenario({ services: SERVICES }),
    });
    backend = await startZeroOpsBackend({
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
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await simulator?.stop();
  });

  async function read(name: string) {
    const res = await request(backend.server)
      .get(`/api/zeroops/entities/component/default/${name}/environments`)
      .set({ Authorization: mockCredentials.user.header(USERS.alice) });
    expect(res.status).toBe(200);
    const body = res.body as EntityEnvironmentsResponse;
    for (const env of body.environments) {
      expect(env.error).toBeUndefined();
      expect(env.service?.status).toBe('ACTIVE');
    }
    return body;
  }

  const describeCalls = () =>
    simulator.callCount({ operation: 'DescribeServices' });

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
