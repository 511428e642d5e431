import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { CostRefresher } from './CostRefresher';

/**
 * Triggers the refresh on start while the newest snapshot is stale. A trigger that finds the
 * task running is retried: the run may be another instance's (then the snapshot is fresh at
 * the next attempt and nothing more happens) or a lock left by a backend that was stopped in
 * the middle of a refresh, which the scheduler only releases after the task's timeout; without
 * the retry, cost would stay stale until the next interval, 6 hours later by default.
 */
export class CostRefreshStartUpTrigger {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly refresher: CostRefresher,
    private readonly scheduler: SchedulerService,
    private readonly logger: LoggerService,
    private readonly options: {
      taskId: string;
      retryDelayMs: number;
      maxAttempts: number;
    },
  ) {}

  start() {
    void this.attempt(1);
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async attempt(attempt: number): Promise<void> {
    if (this.stopped) return;
    try {
      if (!(await this.refresher.isStale())) return;
      await this.scheduler.triggerTask(this.options.taskId);
      this.logger.info(
        'ZeroOps: cost snapshot is stale; refresh triggered on start',
      );
      return;
    } catch (error) {
      const running = error instanceof ConflictError;
      if (attempt >= this.options.maxAttempts) {
        this.logger.warn(
          `ZeroOps: start-up cost refresh not triggered after ${attempt} attempts (${error}); the schedule runs it at the next interval`,
        );
        return;
      }
      const message = `ZeroOps: start-up cost refresh not triggered (${error}); retrying in ${Math.round(
        this.options.retryDelayMs / 1000,
      )} s`;
      // A run in progress is expected with several instances; anything else is worth a warning.
      if (running) this.logger.info(message);
      else this.logger.warn(message);
    }
    if (this.stopped) return;
    this.timer = setTimeout(
      () => this.attempt(attempt + 1),
      this.options.retryDelayMs,
    );
    this.timer.unref?.();
  }
}
