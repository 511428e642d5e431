import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ZeroOpsReadService } from '../service/ZeroOpsReadService';
import {
  deliveryWorld,
  MALLORY,
  SHA_B,
  SHA_C,
} from '../delivery/read/__testUtils__/deliveryWorld';
import { registerActions } from './registerActions';

function setup() {
  const { delivery } = deliveryWorld();
  const actionsRegistry = actionsRegistryServiceMock();
  // The services' own lookup is tested with the health actions; here names are entity refs.
  const reads = {
    findEntityRef: async (query: string) => `component:default/${query}`,
  } as Partial<ZeroOpsReadService> as ZeroOpsReadService;
  registerActions({ actionsRegistry, reads, delivery });
  return actionsRegistry;
}

describe('delivery actions', () => {
  it('tells an MCP client what waits for approval and what staging has ahead', async () => {
    const actions = setup();
    const { output } = await actions.invoke({
      id: 'test:get-delivery-state',
      input: { service: 'payments' },
      credentials: mockCredentials.user('user:default/alice'),
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/payments',
      repository: 'acme/payments',
      stagingAheadBy: 3,
      lastFailure: { sha: SHA_B, state: 'failure' },
      environments: [
        {
          name: 'production',
          current: { sha: SHA_B, state: 'success' },
          pendingApprovals: [
            {
              reviewUrl: 'https://github.com/Acme/Payments/actions/runs/555',
              sha: SHA_C,
            },
          ],
        },
        { name: 'staging', current: { sha: SHA_C } },
        { name: 'pr-12', inProgress: { state: 'in_progress' } },
      ],
    });
  });

  it('gives the DORA metrics of the asked window with units, bands and targets', async () => {
    const actions = setup();
    const { output } = await actions.invoke({
      id: 'test:get-dora-metrics',
      input: { service: 'payments', windowDays: 7 },
      credentials: mockCredentials.user('user:default/alice'),
    });
    expect(output).toMatchObject({
      windowDays: 7,
      leadTime: {
        value: 75,
        unit: 'minutes (median)',
        band: 'elite',
        target: 30,
        meetsTarget: false,
      },
      changeFailureRate: { value: 0.5, band: 'low' },
      timeToRestore: { value: 30 },
      openIncidents: 0,
    });
  });

  it('refuses a caller who may not read the service, and a window that is not 7, 30 or 90', async () => {
    const actions = setup();
    await expect(
      actions.invoke({
        id: 'test:get-dora-metrics',
        input: { service: 'payments' },
        credentials: mockCredentials.user(MALLORY),
      }),
    ).rejects.toThrow('You are not allowed to read component:default/payments');
    await expect(
      actions.invoke({
        id: 'test:get-dora-metrics',
        input: { service: 'payments', windowDays: 14 },
        credentials: mockCredentials.user('user:default/alice'),
      }),
    ).rejects.toThrow(/windowDays/);
  });
});
