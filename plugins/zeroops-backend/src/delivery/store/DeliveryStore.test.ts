import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DeliveryStore, DeploymentInput } from './DeliveryStore';

jest.setTimeout(60_000);

// SQLITE_3 always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or
// ..._POSTGRES17_CONNECTION_STRING is set (scripts/lib/services.sh does it when it listens).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'POSTGRES_17'],
});

const REPO = 'Zeroops-Demo/Payments-API';
const repo = 'zeroops-demo/payments-api';
const ARN =
  'arn:aws:ecs:us-east-1:111111111111:service-deployment/zeroops-production/payments-api/abc123';
const sha = (n: number) => n.toString(16).padStart(40, '0');

function deployment(
  id: number,
  environment: string,
  createdAt: string,
  extra: Partial<DeploymentInput> = {},
): DeploymentInput {
  return {
    repository: REPO,
    deploymentId: id,
    environment,
    sha: sha(id),
    ref: 'main',
    createdAt,
    ...extra,
  };
}

describe.each(databases.eachSupportedId())('DeliveryStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DeliveryStore.create(mockServices.database({ knex }));
  }

  it('keeps the newest status, the first finish and the ECS ARN whatever the arrival order', async () => {
    const store = await createStore();
    await store.upsertDeployment(
      deployment(1, 'production', '2026-03-01T10:00:00Z', {
        workflowRunId: 77,
        workflowRunUrl:
          'https://github.com/zeroops-demo/payments-api/actions/runs/77',
        creator: 'octocat',
      }),
    );
    // The success (id 3) arrives before the in_progress status (id 2) that preceded it.
    await store.applyStatus(REPO, 1, {
      id: 3,
      state: 'success',
      createdAt: '2026-03-01T10:07:00Z',
      description: `ECS ${ARN}`,
    });
    await store.applyStatus(REPO, 1, {
      id: 2,
      state: 'in_progress',
      createdAt: '2026-03-01T10:01:00Z',
    });
    expect(
      await store.applyStatus(REPO, 999, {
        id: 9,
        state: 'success',
        createdAt: '2026-03-01T10:07:00Z',
      }),
    ).toBe(false);

    const [stored] = await store.reader.listDeployments({
      repositories: [REPO],
      since: '2026-01-01T00:00:00Z',
    });
    expect(stored).toEqual({
      repository: repo,
      deploymentId: 1,
      environment: 'production',
      sha: sha(1),
      ref: 'main',
      createdAt: '2026-03-01T10:00:00.000Z',
      state: 'success',
      updatedAt: '2026-03-01T10:07:00.000Z',
      finishedAt: '2026-03-01T10:07:00.000Z',
      ecsServiceDeploymentArn: ARN,
      workflowRunId: 77,
      workflowRunUrl:
        'https://github.com/zeroops-demo/payments-api/actions/runs/77',
      creator: 'octocat',
    });
  });

  it('links the run named by the payload to the log URL of its statuses', async () => {
    const store = await createStore();
    const runUrl = (run: number) =>
      `https://github.com/zeroops-demo/payments-api/actions/runs/${run}`;
    await store.upsertDeployment(
      deployment(1, 'production', '2026-03-01T10:00:00Z', {
        workflowRunId: 77,
      }),
    );
    await store.upsertDeployment(
      deployment(2, 'staging', '2026-03-01T11:00:00Z'),
    );
    // A status of another run does not rename the payload's run or lend it its URL.
    await store.applyStatus(REPO, 1, {
      id: 1,
      state: 'in_progress',
      createdAt: '2026-03-01T10:01:00Z',
      runUrl: runUrl(88),
    });
    await store.applyStatus(REPO, 1, {
      id: 2,
      state: 'success',
      createdAt: '2026-03-01T10:07:00Z',
      runUrl: runUrl(77),
    });
    // An older workflow's deployment names no run: its status's log URL does.
    await store.applyStatus(REPO, 2, {
      id: 3,
      state: 'success',
      createdAt: '2026-03-01T11:07:00Z',
      runUrl: runUrl(91),
    });

    const stored = await store.reader.listDeployments({
      repositories: [REPO],
      since: '2026-01-01T00:00:00Z',
    });
    expect(
      stored.map(d => [d.deploymentId, d.workflowRunId, d.workflowRunUrl]),
    ).toEqual([
      [1, 77, runUrl(77)],
      [2, 91, runUrl(91)],
    ]);
  });

  it('keeps a rollback seen by AWS and a failure GitHub later marks inactive', async () => {
    const store = await createStore();
    await store.upsertDeployment(
      deployment(1, 'production', '2026-03-01T10:00:00Z'),
    );
    await store.upsertDeployment(
      deployment(2, 'staging', '2026-03-01T11:00:00Z'),
    );
    await store.applyStatus(REPO, 1, {
      id: 1,
      state: 'success',
      createdAt: '2026-03-01T10:05:00Z',
      description: `ECS ${ARN}`,
    });
    expect(await store.markRolledBack(ARN, 'circuit-breaker')).toBe(1);
    expect(await store.markRolledBack(ARN, 'circuit-breaker')).toBe(0);
    await store.applyStatus(REPO, 1, {
      id: 5,
      state: 'success',
      createdAt: '2026-03-01T10:30:00Z',
    });
    await store.applyStatus(REPO, 2, {
      id: 6,
      state: 'failure',
      createdAt: '2026-03-01T11:05:00Z',
    });
    await store.applyStatus(REPO, 2, {
      id: 7,
      state: 'inactive',
      createdAt: '2026-03-01T12:00:00Z',
    });
    const records = await store.reader.listDeployments({
      repositories: [repo],
      since: '2026-03-01T00:00:00Z',
    });
    expect(
      records.map(r => [r.deploymentId, r.state, r.rollbackReason]),
    ).toEqual([
      [1, 'rolled_back', 'circuit-breaker'],
      [2, 'failure', undefined],
    ]);
    // The environment heads follow: production has no success left, only the rollback.
    const states = await store.reader.environmentStates([REPO]);
    expect(
      states.map(s => [
        s.environment,
        s.current?.deploymentId,
        s.lastFailure?.deploymentId,
      ]),
    ).toEqual([
      ['production', undefined, 1],
      ['staging', undefined, 2],
    ]);
  });

  it('filters by window and environment and joins what is known of the commit', async () => {
    const store = await createStore();
    await store.upsertDeployment(
      deployment(1, 'production', '2026-02-28T23:59:59Z'),
    );
    await store.upsertDeployment(
      deployment(2, 'production', '2026-03-01T00:00:00Z'),
    );
    await store.upsertDeployment(
      deployment(3, 'staging', '2026-03-02T00:00:00Z'),
    );
    await store.upsertDeployment(
      deployment(4, 'production', '2026-03-03T00:00:00Z'),
    );
    await store.upsertCommit(REPO, sha(2), {
      commitAt: '2026-02-28T20:00:00Z',
      pushFirstCommitAt: '2026-02-28T18:00:00Z',
    });
    await store.upsertCommit(REPO, sha(2), {
      pullRequest: 12,
      pullRequestFirstCommitAt: '2026-02-27T09:00:00Z',
      resolved: true,
    });
    await store.upsertCommit(REPO, sha(4), {
      commitAt: '2026-03-02T22:00:00Z',
    });

    const records = await store.reader.listDeployments({
      repositories: [repo, 'someone/else'],
      since: new Date('2026-03-01T00:00:00Z'),
      until: '2026-03-03T00:00:00Z',
      environment: 'production',
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      deploymentId: 2,
      commitAt: '2026-02-28T20:00:00.000Z',
      firstCommitAt: '2026-02-27T09:00:00.000Z',
      pullRequest: 12,
    });
    const [withoutPr] = await store.reader.listDeployments({
      repositories: [repo],
      since: '2026-03-03T00:00:00Z',
    });
    expect(withoutPr.firstCommitAt).toBe('2026-03-02T22:00:00.000Z');
    expect(
      await store.unresolvedShas(REPO, 'production', new Date('2026-01-01')),
    ).toEqual(expect.arrayContaining([sha(1), sha(4)]));
    expect(
      await store.unresolvedShas(REPO, 'production', new Date('2026-01-01')),
    ).not.toContain(sha(2));
  });

  it('gives per environment the newest success, run and failure, without torn-down previews', async () => {
    const store = await createStore();
    const steps: Array<
      [
        number,
        string,
        string,
        'success' | 'failure' | 'in_progress' | 'inactive',
      ]
    > = [
      [1, 'production', '2026-03-01T10:00:00Z', 'success'],
      [2, 'production', '2026-03-02T10:00:00Z', 'failure'],
      [3, 'production', '2026-03-03T10:00:00Z', 'success'],
      [4, 'production', '2026-03-04T10:00:00Z', 'in_progress'],
      [5, 'staging', '2026-03-04T09:00:00Z', 'success'],
      [6, 'pr-7', '2026-03-01T09:00:00Z', 'inactive'],
      [7, 'pr-8', '2026-03-04T09:00:00Z', 'success'],
    ];
    for (const [n, environment, createdAt, state] of steps) {
      await store.upsertDeployment(deployment(n, environment, createdAt));
      await store.applyStatus(REPO, n, { id: n, state, createdAt });
    }
    const states = await store.reader.environmentStates([REPO, 'other/repo']);
    expect(
      states.map(s => ({
        environment: s.environment,
        current: s.current?.deploymentId,
        inProgress: s.inProgress?.deploymentId,
        lastFailure: s.lastFailure?.deploymentId,
      })),
    ).toEqual([
      {
        environment: 'pr-8',
        current: 7,
        inProgress: undefined,
        lastFailure: undefined,
      },
      { environment: 'production', current: 3, inProgress: 4, lastFailure: 2 },
      {
        environment: 'staging',
        current: 5,
        inProgress: undefined,
        lastFailure: undefined,
      },
    ]);
    expect(states[1].current).toMatchObject({ repository: repo, sha: sha(3) });
  });

  it('runs a webhook delivery once and writes nothing when it fails', async () => {
    const store = await createStore();
    const work = (n: number) => async (tx: DeliveryStore) => {
      await tx.upsertDeployment(
        deployment(n, 'staging', '2026-03-01T10:00:00Z'),
      );
    };
    expect(
      await store.withDelivery({ id: 'd-1', event: 'deployment' }, work(1)),
    ).toBe('stored');
    expect(
      await store.withDelivery({ id: 'd-1', event: 'deployment' }, work(2)),
    ).toBe('replayed');
    await expect(
      store.withDelivery({ id: 'd-2', event: 'deployment' }, async tx => {
        await work(3)(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // GitHub's redelivery of the failed one is processed.
    expect(
      await store.withDelivery({ id: 'd-2', event: 'deployment' }, work(3)),
    ).toBe('stored');
    const ids = (
      await store.reader.listDeployments({
        repositories: [REPO],
        since: '2026-01-01',
      })
    ).map(d => d.deploymentId);
    expect(ids).toEqual([1, 3]);
    expect(await store.pruneDeliveries(new Date(Date.now() + 1000))).toBe(2);
  });

  it('keeps approvals, comparisons, sync times and ETags per repository', async () => {
    const store = await createStore();
    const approval = (run: number, environment: string) => ({
      repository: REPO,
      environment,
      workflowRunId: run,
      reviewUrl: `https://github.com/zeroops-demo/payments-api/actions/runs/${run}`,
      sha: sha(run),
      waitingSince: `2026-03-0${run}T10:00:00Z`,
      reviewers: ['team-checkout', 'octocat'],
    });
    await store.replacePendingApprovals(REPO, [
      approval(2, 'production'),
      approval(1, 'production'),
    ]);
    await store.replacePendingApprovals(REPO, [], 2);
    expect(await store.reader.pendingApprovals([repo])).toEqual([
      {
        ...approval(1, 'production'),
        repository: repo,
        waitingSince: '2026-03-01T10:00:00.000Z',
      },
    ]);

    await store.saveStagingAhead(REPO, {
      productionSha: sha(1),
      stagingSha: sha(2),
      commits: 3,
      compareUrl: 'https://github.com/zeroops-demo/payments-api/compare/a...b',
      comparedAt: '2026-03-01T10:00:00Z',
    });
    await store.saveStagingAhead('a/equal', {
      productionSha: sha(5),
      stagingSha: sha(5),
      commits: 0,
      compareUrl: 'https://github.com/a/equal/compare/x...x',
      comparedAt: '2026-03-01T10:00:00Z',
    });
    const ahead = await store.reader.stagingAhead([REPO, 'a/equal']);
    expect([...ahead.keys()]).toEqual([repo]);
    expect(ahead.get(repo)?.commits).toBe(3);
    expect(await store.comparedShas('a/equal')).toEqual({
      productionSha: sha(5),
      stagingSha: sha(5),
    });

    await store.touch(REPO, new Date('2026-03-01T10:00:00Z'), {
      reconciled: true,
    });
    await store.touch('b/second', new Date('2026-03-01T11:00:00Z'));
    expect(
      await store.reader.lastSyncedAt([REPO, 'b/second', 'c/never']),
    ).toEqual(
      new Map([
        [repo, '2026-03-01T10:00:00.000Z'],
        ['b/second', '2026-03-01T11:00:00.000Z'],
      ]),
    );
    expect(
      await store.reconciliationOrder([REPO, 'b/second', 'c/never']),
    ).toEqual(['b/second', 'c/never', repo]);

    await store.saveEtag(REPO, 'deployments', 'W/"1"');
    await store.saveEtag(REPO, 'deployments', 'W/"2"');
    expect(await store.etag(repo, 'deployments')).toBe('W/"2"');
    expect(await store.etag(repo, 'runs')).toBeUndefined();
  });
});
