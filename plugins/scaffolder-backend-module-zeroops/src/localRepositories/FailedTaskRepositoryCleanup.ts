import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { git } from './git';

/**
 * A repository that `zeroops:publish:local` created in a task that had not finished yet.
 * @public
 */
export interface CreatedLocalRepository {
  /** The scaffolder task that published the repository. */
  taskId: string;
  /** The repository's folder name under `zeroops.publish.local.baseDir`. */
  repoName: string;
  /** The commit the task created; the repository is removed only while it is still HEAD. */
  commitHash: string;
}

/**
 * The status of a scaffolder task (`open`, `processing`, `completed`, `failed`, `cancelled`,
 * …), or `unknown` when the scaffolder no longer knows it.
 * @public
 */
export type ReadTaskStatus = (taskId: string) => Promise<string>;

const FINISHED_OK = new Set(['completed', 'skipped', 'unknown']);
const FINISHED_FAILED = new Set(['failed', 'cancelled']);

/**
 * Removes a repository that `zeroops:publish:local` created when a later step of the same task
 * fails or the task is cancelled, so a failed run leaves nothing behind and can simply be run
 * again. Backstage has no rollback hook for actions, so this follows the task through the
 * scaffolder's own API until it finishes. Pending repositories are recorded in
 * `<baseDir>/.pending-cleanup/`, so a restart in between still cleans up. A repository that
 * received commits since (its HEAD moved) is kept, and the backend log says so.
 *
 * Local publishing serves one backend instance (the repositories are on its disk), so one
 * instance follows its own tasks.
 * @public
 */
export class FailedTaskRepositoryCleanup {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly options: {
      baseDir: string;
      readTaskStatus: ReadTaskStatus;
      logger: LoggerService;
      /** Time between two looks at the pending tasks. Default 2 seconds. */
      pollIntervalMs?: number;
    },
  ) {}

  private get recordsDir() {
    return path.join(this.options.baseDir, '.pending-cleanup');
  }

  /** Follows the task that created `repository` until it finishes. */
  async track(repository: CreatedLocalRepository): Promise<void> {
    await fs.mkdir(this.recordsDir, { recursive: true });
    await fs.writeFile(
      path.join(this.recordsDir, `${repository.repoName}.json`),
      JSON.stringify(repository),
    );
    this.schedule();
  }

  /** Looks at pending tasks left by a previous run of the backend, then keeps following them. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops following tasks; pending ones are picked up again on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One look at every pending task; removes the repositories of failed ones. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private schedule(delayMs = this.options.pollIntervalMs ?? 2000) {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      const pending = await this.sweep().then(
        () => this.pendingRecords(),
        error => {
          this.options.logger.warn(
            `Could not check the tasks of locally published repositories: ${error}`,
          );
          return ['retry'];
        },
      );
      if (pending.length > 0) this.schedule();
    }, delayMs);
    this.timer.unref();
  }

  private async pendingRecords(): Promise<string[]> {
    const entries = await fs.readdir(this.recordsDir).catch(() => []);
    return entries.filter(entry => entry.endsWith('.json'));
  }

  private async sweepOnce(): Promise<void> {
    for (const entry of await this.pendingRecords()) {
      const recordFile = path.join(this.recordsDir, entry);
      const record = JSON.parse(
        await fs.readFile(recordFile, 'utf8'),
      ) as CreatedLocalRepository;
      const status = await this.options.readTaskStatus(record.taskId);
      if (FINISHED_FAILED.has(status)) {
        await this.removeIfUnchanged(record, status);
      } else if (!FINISHED_OK.has(status)) {
        continue;
      }
      await fs.rm(recordFile, { force: true });
    }
  }

  private async removeIfUnchanged(
    record: CreatedLocalRepository,
    status: string,
  ) {
    const repository = path.join(this.options.baseDir, record.repoName);
    const head = await git(repository, ['rev-parse', 'HEAD']).catch(
      () => undefined,
    );
    if (head === undefined) return;
    if (head !== record.commitHash) {
      this.options.logger.warn(
        `Task ${record.taskId} ${status}; kept the local repository ${repository} it created because commits were pushed to it since. Remove it with: rm -rf '${repository}'`,
      );
      return;
    }
    await fs.rm(repository, { recursive: true, force: true });
    this.options.logger.info(
      `Task ${record.taskId} ${status}; removed the local repository ${repository} it had created`,
    );
  }
}
