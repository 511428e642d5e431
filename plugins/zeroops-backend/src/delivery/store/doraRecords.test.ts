import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  buildDoraHistoryOfRecords,
  computeDora,
  computeDoraOfHistories,
  doraRecordOf,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DeliveryStore } from './DeliveryStore';
import { seededRandom } from '../../__testUtils__/seededRandom';

// Four months of history written status by status through the store: minutes on a loaded
// PostgreSQL, seconds on a quiet one.
jest.setTimeout(300_000);

// SQLITE_3 always; PostgreSQL when scripts/lib/services.sh set its connection string.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'POSTGRES_17'],
});

const REPOSITORIES = ['acme/orders', 'Acme/Payments'];
const NOW = Date.parse('2025-06-30T12:00:00Z');
const DAY = 86_400_000;
const MINUTE = 60_000;
const sha = (n: number) => n.toString(16).padStart(40, '0');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Four months of history per repository through the store's write API, with the cases DORA
 * treats specially: commits known by their pull request, their push or only their own time,
 * deployed SHAs GitHub was never asked about, failures re-run and hotfixed, ECS rollbacks
 * (one of a rollout GitHub never saw finish), rollouts still running, an older SHA deployed
 * again, and times with a millisecond part.
 */
async function writeHistory(store: DeliveryStore) {
  const rnd = seededRandom(42);
  const next = { deployment: 1, status: 1 };
  const deploy = async (
    repository: string,
    environment: string,
    target: number,
    start: number,
    states: Array<'success' | 'failure' | 'error' | 'inactive'>,
    arn?: string,
  ) => {
    const deploymentId = next.deployment++;
    await store.upsertDeployment({
      repository,
      deploymentId,
      environment,
      sha: sha(target),
      ref: 'main',
      createdAt: iso(start),
    });
    let t = start;
    for (const state of states) {
      t += Math.floor((3 + rnd() * 10) * MINUTE) + 1;
      await store.applyStatus(repository, deploymentId, {
        id: next.status++,
        state,
        createdAt: iso(t),
        description: arn ? `ECS ${arn}` : undefined,
      });
    }
    return t;
  };
  for (const [r, repository] of REPOSITORIES.entries()) {
    for (let n = 0; n < 120; n++) {
      const commit = r * 1000 + n;
      const at =
        NOW - 120 * DAY + n * DAY + Math.floor(rnd() * 10 * 3_600_000) + 7;
      const kind = n % 4;
      if (kind !== 3) {
        await store.upsertCommit(repository, sha(commit), {
          commitAt: iso(at),
          pullRequestFirstCommitAt:
            kind === 0 ? iso(at - 5 * 3_600_000) : undefined,
          pushFirstCommitAt: kind === 1 ? iso(at - 2 * 3_600_000) : undefined,
          resolved: true,
        });
      }
      await deploy(repository, 'staging', commit, at, ['success']);
      const roll = rnd();
      const arn = `arn:aws:ecs:us-east-1:111111111111:service-deployment/prod/svc/r${r}c${commit}`;
      if (roll < 0.05) {
        // Rolled back by ECS before GitHub saw the rollout end: no finishedAt.
        await deploy(
          repository,
          'production',
          commit,
          at + 30 * MINUTE,
          [],
          arn,
        );
        await store.applyStatus(repository, next.deployment - 1, {
          id: next.status++,
          state: 'in_progress',
          createdAt: iso(at + 31 * MINUTE),
          description: `ECS ${arn}`,
        });
        await store.markRolledBack(arn, 'circuit-breaker');
        continue;
      }
      const failed = roll > 0.85;
      const done = await deploy(
        repository,
        'production',
        commit,
        at + 30 * MINUTE,
        failed ? ['failure', 'inactive'] : ['success', 'inactive'],
        arn,
      );
      if (roll > 0.8 && roll <= 0.85) await store.markRolledBack(arn, 'alarm');
      if (failed)
        await deploy(repository, 'production', commit, done + 20 * MINUTE, [
          'success',
        ]);
      if (n % 17 === 0 && n > 0) {
        // An older SHA deployed again: not a new change.
        await deploy(repository, 'production', commit - 1, done + 60 * MINUTE, [
          'success',
        ]);
      }
    }
    // The newest rollout is still running.
    await store.upsertDeployment({
      repository,
      deploymentId: next.deployment++,
      environment: 'production',
      sha: sha(r * 1000 + 500),
      ref: 'main',
      createdAt: iso(NOW - 10 * MINUTE),
    });
  }
}

describe.each(databases.eachSupportedId())('doraRecords on %s', id => {
  it('reads what DORA needs exactly as the full deployment read gives it', async () => {
    const knex = await databases.init(id);
    const store = await DeliveryStore.create(mockServices.database({ knex }));
    await writeHistory(store);

    const deployments = await store.reader.listDeployments({
      repositories: REPOSITORIES,
      since: new Date(0),
      environment: 'production',
    });
    const records = await store.reader.doraRecords(REPOSITORIES, 'production');
    const byKey = (r: { repository: string; deploymentId: number }) =>
      `${r.repository}/${String(r.deploymentId).padStart(6, '0')}`;
    const sorted = [...records].sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1));
    expect(sorted).toEqual(
      [...deployments]
        .sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1))
        .map(doraRecordOf),
    );
    expect(records.length).toBeGreaterThan(240);
    expect(
      records.some(
        r => r.state === 'rolled_back' && r.finishedAt === undefined,
      ),
    ).toBe(true);
    expect(records.some(r => r.state === 'pending')).toBe(true);
    expect(records.some(r => r.firstCommitAt === undefined)).toBe(true);

    // The same DORA, window by window, for each repository and for the two together.
    for (const repositories of [[REPOSITORIES[0]], REPOSITORIES]) {
      const wanted = new Set(repositories.map(r => r.toLowerCase()));
      const mine = records.filter(r => wanted.has(r.repository));
      for (const windowDays of [7, 30, 90] as const) {
        expect(
          computeDoraOfHistories({
            histories: [buildDoraHistoryOfRecords(mine)],
            now: NOW,
            windowDays,
          }),
        ).toEqual(
          computeDora({
            deployments: deployments.filter(d => wanted.has(d.repository)),
            now: NOW,
            windowDays,
          }),
        );
      }
    }
  });
});
