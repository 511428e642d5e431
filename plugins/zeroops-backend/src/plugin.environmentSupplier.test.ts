import { createBackendModule } from '@backstage/backend-plugin-api';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsEnvironmentsExtensionPoint } from './extensions';
import { PlatformEnvironment } from './config/ZeroOpsConfig';

jest.setTimeout(60_000);

/** What an adopter's inventory might answer: production only, under its own name. */
const INVENTORY: PlatformEnvironment[] = [
  {
    name: 'live',
    kind: 'persistent',
    accountId: '111111111111',
    region: 'us-east-1',
    cluster: 'zeroops-production',
  },
];

const inventoryModule = createBackendModule({
  pluginId: 'zeroops',
  moduleId: 'test-inventory',
  register(reg) {
    reg.registerInit({
      deps: { environments: zeroopsEnvironmentsExtensionPoint },
      async init({ environments }) {
        environments.setEnvironmentSupplier({
          getEnvironments: async () => INVENTORY,
        });
      },
    });
  },
});

describe('zeroopsEnvironmentsExtensionPoint', () => {
  const zeroops = useSimulatedBackend();

  it('reads the environments a module supplies instead of zeroops.environments', async () => {
    await zeroops.start({ extraFeatures: [inventoryModule] });
    const body = await zeroops.read<EntityEnvironmentsResponse>(
      environmentsPath('payments-api'),
    );
    expect(body.environments.map(e => e.name)).toEqual(['live']);
    const [live] = body.environments;
    expect(live.location).toMatchObject({
      accountId: '111111111111',
      cluster: 'zeroops-production',
      ecsServiceName: 'payments-api',
    });
    expect(live.service?.status).toBe('ACTIVE');
  });

  it('reads zeroops.environments when no module supplies any', async () => {
    await zeroops.start();
    const body = await zeroops.read<EntityEnvironmentsResponse>(
      environmentsPath('payments-api'),
    );
    expect(body.environments.map(e => e.platformEnvironment)).toEqual([
      'production',
      'staging',
      'ephemeral',
    ]);
  });
});
