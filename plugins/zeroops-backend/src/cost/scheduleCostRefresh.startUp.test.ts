import {
  LifecycleService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { AwsClients } from '../aws/AwsClients';
import { CostExplorerSettings } from '../config/ZeroOpsConfig';
import { CostSnapshotStore } from './CostSnapshotStore';
import {
  COST_REFRESH_TASK_ID,
  scheduleCostRefresh,
} from './scheduleCostRefresh';

const settings: CostExplorerSettings = {
  accountId: '999999999999',
  region: 'us-east-1',
  refreshIntervalMs: 6 * 3600_000,
  metric: 'UnblendedCost',
  forecast: 'run-rate',
  budgetWarningPercent: 80,
};

const running = () =>
  new ConflictError(`Task ${COST_REFRESH_TASK_ID} is currently running`);

/** Starts the schedule with the given trigger behaviour and runs the start-up hook. */
async function start(options: {
  triggerTask: SchedulerService['triggerTask'];
  /** Finish times of the newest snapshot, one per isStale() check (undefined: none). */
  snapshots?: Array<Date | undefined>;
  maxStartUpAttempts?: number;
}) {
  const startupHooks: Array<() => void | Promise<void>> = [];
  const shutdownHooks: Array<() => void | Promise<void>> = [];
  const lifecycle: LifecycleService = {
    addStartupHook: hook => startupHooks.push(hook),
    addShutdownHook: hook => shutdownHooks.push(hook),
  };
  const scheduler = {
    scheduleTask: jest.fn(async () => undefined),
    triggerTask: jest.fn(options.triggerTask),
  } as unknown as SchedulerService & {
    triggerTask: jest.Mock;
  };
  const snapshots = [...(options.snapshots ?? [])];
  const store = {
    latestSuccessful: jest.fn(async () => {
      const finishedAt =
        snapshots.length > 1 ? snapshots.shift() : snapshots[0];
      return finishedAt ? { finishedAt: finishedAt.toISOString() } : undefined;
    }),
  } as unknown as CostSnapshotStore;
  const logger = mockServices.logger.mock();
  await scheduleCostRefresh({
    settings,
    clients: {} as AwsClients,
    store,
    scheduler,
    lifecycle,
    logger,
    retryDelayMs: 5,
    maxStartUpAttempts: options.maxStartUpAttempts,
  });
  for (const hook of startupHooks) await hook();
  const shutdown = async () => {
    for (const hook of shutdownHooks) await hook();
  };
  return { scheduler, logger, shutdown };
}

const settle = (ms = 100) => new Promise(resolve => setTimeout(resolve, ms));

describe('the start-up cost refresh', () => {
  it('triggers the task when there is no snapshot yet', async () => {
    const { scheduler, logger, shutdown } = await start({
      triggerTask: async () => undefined,
    });
    await settle(20);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(COST_REFRESH_TASK_ID);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('refresh triggered on start'),
    );
    await shutdown();
  });

  it('does nothing when the snapshot is fresh', async () => {
    const { scheduler, shutdown } = await start({
      triggerTask: async () => undefined,
      snapshots: [new Date()],
    });
    await settle(20);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    await shutdown();
  });

  it('retries while a lock left by a stopped backend holds the task', async () => {
    let calls = 0;
    const { scheduler, shutdown } = await start({
      triggerTask: async () => {
        calls += 1;
        if (calls <= 2) throw running();
      },
    });
    await settle();
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(3);
    await shutdown();
  });

  it('stops retrying once another instance has refreshed', async () => {
    const { scheduler, shutdown } = await start({
      triggerTask: async () => {
        throw running();
      },
      snapshots: [undefined, new Date()],
    });
    await settle();
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
    await shutdown();
  });

  it('warns when it gives up, and on errors other than a running task', async () => {
    const { scheduler, logger, shutdown } = await start({
      triggerTask: async () => {
        throw new Error('database is not reachable');
      },
      maxStartUpAttempts: 3,
    });
    await settle();
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenLastCalledWith(
      expect.stringContaining('not triggered after 3 attempts'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database is not reachable'),
    );
    await shutdown();
  });

  it('stops retrying when the backend shuts down', async () => {
    const { scheduler, shutdown } = await start({
      triggerTask: async () => {
        throw running();
      },
    });
    await shutdown();
    await settle();
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
  });
});
