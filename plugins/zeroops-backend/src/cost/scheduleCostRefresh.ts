import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { AwsClients } from '../aws/AwsClients';
import { CostExplorerSettings } from '../config/ZeroOpsConfig';
import { CostRefresher } from './CostRefresher';
import { CostSnapshotStore } from './CostSnapshotStore';
import { CostRefreshStartUpTrigger } from './CostRefreshStartUpTrigger';

/** Scheduler task id; global, so one backend instance runs it per interval. */
export const COST_REFRESH_TASK_ID = 'zeroops-cost-refresh';

/**
 * Schedules the Cost Explorer refresh as a global task (the scheduler's database lock makes
 * one instance run it per interval however many instances there are) and, on start, triggers
 * it when the newest snapshot is older than the interval. The refresher itself skips a run
 * when a fresh snapshot exists, so racing triggers from several instances cost nothing.
 */
export async function scheduleCostRefresh(options: {
  settings: CostExplorerSettings;
  clients: AwsClients;
  store: CostSnapshotStore;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
  /** Wait between start-up triggers that found the task running. Default 1 minute. */
  retryDelayMs?: number;
  /** Start-up triggers at most (20 × 1 min outlasts the task's 15-minute timeout). */
  maxStartUpAttempts?: number;
}): Promise<CostRefresher> {
  const { settings, scheduler, logger } = options;
  const refresher = new CostRefresher(
    settings,
    options.clients,
    options.store,
    logger,
  );
  await scheduler.scheduleTask({
    id: COST_REFRESH_TASK_ID,
    scope: 'global',
    frequency: { milliseconds: settings.refreshIntervalMs },
    timeout: { minutes: 15 },
    fn: async () => {
      const outcome = await refresher.run();
      if (outcome.status === 'skipped') {
        logger.info(`ZeroOps cost refresh skipped: ${outcome.reason}`);
      }
    },
  });
  const startUp = new CostRefreshStartUpTrigger(refresher, scheduler, logger, {
    taskId: COST_REFRESH_TASK_ID,
    retryDelayMs: options.retryDelayMs ?? 60_000,
    maxAttempts: options.maxStartUpAttempts ?? 20,
  });
  options.lifecycle.addStartupHook(() => startUp.start());
  options.lifecycle.addShutdownHook(() => startUp.stop());
  return refresher;
}
