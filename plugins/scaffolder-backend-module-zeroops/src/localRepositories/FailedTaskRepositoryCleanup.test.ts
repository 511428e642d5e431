import { mockServices } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FailedTaskRepositoryCleanup } from './FailedTaskRepositoryCleanup';
import { publishLocalRepository } from './publishLocalRepository';

describe('FailedTaskRepositoryCleanup', () => {
  let baseDir: string;
  let statuses: Map<string, string>;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  const cleanupFor = () =>
    new FailedTaskRepositoryCleanup({
      baseDir,
      readTaskStatus: async taskId => statuses.get(taskId) ?? 'unknown',
      logger,
    });

  async function publish(repoName: string) {
    const sourceDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-src-'));
    await fs.writeFile(path.join(sourceDir, 'README.md'), `# ${repoName}\n`);
    return publishLocalRepository({
      baseDir,
      repoName,
      sourceDir,
      defaultBranch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
  }

  beforeEach(async () => {
    baseDir = path.join(
      await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-cleanup-')),
      'repositories',
    );
    statuses = new Map();
    logger = mockServices.logger.mock();
  });

  it('removes what a task published once the task fails or is cancelled, and keeps what completed tasks published', async () => {
    const cleanup = cleanupFor();
    for (const [taskId, repoName] of [
      ['t-failed', 'failed-svc'],
      ['t-cancelled', 'cancelled-svc'],
      ['t-completed', 'completed-svc'],
      ['t-running', 'running-svc'],
    ]) {
      const { commitHash } = await publish(repoName);
      await cleanup.track({ taskId, repoName, commitHash });
      statuses.set(taskId, 'processing');
    }
    await cleanup.sweep();
    expect((await fs.readdir(baseDir)).sort()).toEqual([
      '.pending-cleanup',
      'cancelled-svc',
      'completed-svc',
      'failed-svc',
      'running-svc',
    ]);

    statuses.set('t-failed', 'failed');
    statuses.set('t-cancelled', 'cancelled');
    statuses.set('t-completed', 'completed');
    await cleanup.sweep();
    expect((await fs.readdir(baseDir)).sort()).toEqual([
      '.pending-cleanup',
      'completed-svc',
      'running-svc',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      `Task t-failed failed; removed the local repository ${baseDir}/failed-svc it had created`,
    );
    // Only the running task is still followed.
    expect(await fs.readdir(path.join(baseDir, '.pending-cleanup'))).toEqual([
      'running-svc.json',
    ]);
    await cleanup.stop();
  });

  it('keeps a repository that received commits since, and says how to remove it', async () => {
    const cleanup = cleanupFor();
    const { commitHash, path: repository } = await publish('svc');
    await cleanup.track({ taskId: 't1', repoName: 'svc', commitHash });
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Dev',
        '-c',
        'user.email=dev@example.com',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        'Work',
      ],
      { cwd: repository },
    );
    statuses.set('t1', 'failed');
    await cleanup.sweep();
    expect(await fs.readdir(baseDir)).toContain('svc');
    expect(logger.warn).toHaveBeenCalledWith(
      `Task t1 failed; kept the local repository ${repository} it created because commits were pushed to it since. Remove it with: rm -rf '${repository}'`,
    );
    await cleanup.stop();
  });

  it('cleans up after a restart of the backend, and on its own once started', async () => {
    const { commitHash } = await publish('svc');
    const before = cleanupFor();
    await before.track({ taskId: 't1', repoName: 'svc', commitHash });
    await before.stop();

    statuses.set('t1', 'failed');
    const after = new FailedTaskRepositoryCleanup({
      baseDir,
      readTaskStatus: async taskId => statuses.get(taskId) ?? 'unknown',
      logger,
      pollIntervalMs: 50,
    });
    after.start();
    const deadline = Date.now() + 30_000;
    while ((await fs.readdir(baseDir)).includes('svc')) {
      if (Date.now() > deadline) throw new Error('svc was not removed');
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    await after.stop();
    expect(await fs.readdir(path.join(baseDir, '.pending-cleanup'))).toEqual(
      [],
    );
  });
});
