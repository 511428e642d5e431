/**
 * The Jest lifecycle shared by the tests that read the plugin against the AWS simulator: one
 * simulator per block, and a backend either for the whole block or started afresh by each test.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { AwsSimulator } from '@zeroops/aws-simulator';
import request from 'supertest';
import {
  startSimulatorForSdk,
  startZeroOpsBackend,
  USERS,
} from './testBackend';

type ZeroOpsTestBackend = Awaited<ReturnType<typeof startZeroOpsBackend>>;
type BackendOptions = Parameters<typeof startZeroOpsBackend>[0];

/** The Authorization header of a signed-in user of the test permission policy. */
export function asUser(user: string) {
  return { Authorization: mockCredentials.user.header(user) };
}

/** The plugin route of an entity's environments, below `/api/zeroops`. */
export function environmentsPath(name: string): string {
  return `/entities/component/default/${name}/environments`;
}

/**
 * Registers the hooks of the enclosing `describe` (or file). With `sharedBackend`, one backend
 * serves the whole block; without, each test calls `start` and gets a fresh one — nothing cached
 * from the test before — which is stopped after it, with the simulator's faults and call
 * counters reset.
 */
export function useSimulatedBackend(
  options: {
    simulator?: Parameters<typeof startSimulatorForSdk>[0];
    /** One backend for the whole block, started with these options (`{}`: the defaults). */
    sharedBackend?: BackendOptions;
  } = {},
) {
  let simulator: AwsSimulator | undefined;
  let backend: ZeroOpsTestBackend | undefined;

  beforeAll(async () => {
    simulator = await startSimulatorForSdk(options.simulator);
    if (options.sharedBackend)
      backend = await startZeroOpsBackend(options.sharedBackend);
  });

  if (!options.sharedBackend) {
    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
      simulator?.clearFaults();
      simulator?.resetCounters();
    });
  }

  afterAll(async () => {
    await backend?.stop();
    await simulator?.stop();
  });

  const harness = {
    get simulator(): AwsSimulator {
      if (!simulator) throw new Error('the simulator has not started');
      return simulator;
    },
    get backend(): ZeroOpsTestBackend {
      if (!backend) throw new Error('no backend: call start() first');
      return backend;
    },
    /** Starts a backend, replacing the one running (a test may restart with other config). */
    async start(backendOptions?: BackendOptions): Promise<ZeroOpsTestBackend> {
      await backend?.stop();
      backend = undefined;
      backend = await startZeroOpsBackend(backendOptions);
      return backend;
    },
    /** A GET of a plugin route (below `/api/zeroops`) as `user`. */
    get(path: string, user: string = USERS.alice) {
      return request(harness.backend.server)
        .get(`/api/zeroops${path}`)
        .set(asUser(user));
    },
    /** A GET that must answer 200; its body. */
    async read<T>(path: string, user: string = USERS.alice): Promise<T> {
      const res = await harness.get(path, user);
      expect(res.status).toBe(200);
      return res.body as T;
    },
  };
  return harness;
}
