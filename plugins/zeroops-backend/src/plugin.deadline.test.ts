import {
  EntityEnvironment,
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsConfig } from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const HUNG_ACCOUNT = '222222222222';
const DEADLINE_MS = 6_000;

/**
 * One account stops answering: its calls hold the socket (then drop it) instead of replying.
 * The request deadline is generous for a loaded machine, and far below what the hung account
 * costs (one hold of 15 s per attempt).
 */
describe('request deadline with a hung account', () => {
  const zeroops = useSimulatedBackend({
    sharedBackend: {
      config: zeroopsConfig({
        requestDeadline: `${DEADLINE_MS}ms`,
        aws: { maxAttempts: 2, requestTimeout: '60s' },
      }),
    },
  });
  const get = (path: string) => zeroops.get(path);

  const stagingDescribeCalls = () =>
    zeroops.simulator.callCount({
      operation: 'DescribeServices',
      account: HUNG_ACCOUNT,
    });

  function byName(envs: EntityEnvironment[]) {
    return Object.fromEntries(envs.map(e => [e.name, e]));
  }

  it('answers by the deadline with the hung account pending, then completes it from the background read', async () => {
    zeroops.simulator.setFaults([
      { account: HUNG_ACCOUNT, timeoutRate: 1, timeoutHoldMs: 15_000 },
    ]);

    const started = Date.now();
    const first = await get(environmentsPath('payments-api'));
    const elapsed = Date.now() - started;
    expect(first.status).toBe(200);
    // Well before the hung account could have answered or failed (15 s per attempt).
    expect(elapsed).toBeLessThan(DEADLINE_MS + 5_000);
    const envs = byName(
      (first.body as EntityEnvironmentsResponse).environments,
    );
    expect(envs.production.pending).toBeUndefined();
    expect(envs.production.error).toBeUndefined();
    expect(envs.production.service?.status).toBe('ACTIVE');
    expect(envs.staging).toMatchObject({
      pending: true,
      health: { status: 'unknown' },
    });
    expect(envs.staging.error).toBeUndefined();

    // The overview, asked meanwhile, joins the same read instead of starting another.
    const callsWhilePending = stagingDescribeCalls();
    const overview = await get('/overview');
    expect(overview.status).toBe(200);
    const payments = (overview.body as OverviewResponse).services.find(
      s => s.entityRef === 'component:default/payments-api',
    );
    expect(
      payments?.environments.find(e => e.name === 'staging'),
    ).toMatchObject({ pending: true, health: 'unknown' });
    expect(
      payments?.environments.find(e => e.name === 'production')?.pending,
    ).toBeUndefined();
    expect(stagingDescribeCalls()).toBe(callsWhilePending);

    // The account recovers: the held socket drops, the SDK's retry succeeds, and the result
    // lands in the cache for whoever asks next.
    zeroops.simulator.clearFaults();
    let staging: EntityEnvironment | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      await new Promise(resolve => setTimeout(resolve, 1_000));
      const later = await get(environmentsPath('payments-api'));
      staging = byName(
        (later.body as EntityEnvironmentsResponse).environments,
      ).staging;
      if (!staging.pending) break;
    }
    expect(staging?.pending).toBeUndefined();
    expect(staging?.error).toBeUndefined();
    expect(staging?.service?.status).toBe('ACTIVE');
  });
});
