import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { ZEROOPS_DEPLOYMENT_TASK } from '@zeroops/backstage-plugin-zeroops-common';
import {
  startGithubSimulator,
  type GithubSimulator,
} from '@zeroops/github-simulator';
import { GithubApi } from '../github/GithubApi';
import { GithubRepositoryRef } from '../github/githubRepository';
import { DeliveryStore } from '../store/DeliveryStore';
import { DeliveryReconciler } from './DeliveryReconciler';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const TOKEN = 'reconciler-test-token';
const SLUGS = ['acme/payments-api', 'acme/orders-worker'];

function repositoryRef(slug: string): GithubRepositoryRef {
  const [owner, name] = slug.split('/');
  return {
    host: 'github.com',
    owner,
    name,
    slug,
    url: `https://github.com/${slug}`,
  };
}

describe('DeliveryReconciler against the GitHub simulator', () => {
  let simulator: GithubSimulator;

  beforeEach(async () => {
    simulator = await startGithubSimulator({
      preset: 'none',
      repositories: {
        [SLUGS[0]]: { profile: 'medium', days: 21 },
        [SLUGS[1]]: { profile: 'elite', days: 21 },
      },
    });
  });
  afterEach(() => simulator.stop());

  async function setUp(rateLimitReserve = 100, token = TOKEN) {
    const knex = await databases.init('SQLITE_3');
    const store = await DeliveryStore.create(mockServices.database({ knex }));
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [{ host: 'github.com', apiBaseUrl: simulator.url, token }],
        },
      }),
    );
    const api = new GithubApi(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      { rateLimitReserve },
    );
    const reconciler = new DeliveryReconciler(
      api,
      store,
      {
        productionEnvironment: 'production',
        stagingEnvironment: 'staging',
        backfillDays: 90,
      },
      mockServices.logger.mock(),
    );
    return { store, reconciler, api };
  }

  it('fills the store with every deployment of our task and its final state', async () => {
    const { store, reconciler } = await setUp();
    const outcome = await reconciler.run(SLUGS.map(repositoryRef));
    expect(outcome).toMatchObject({
      repositories: 2,
      reconciled: 2,
      failed: [],
    });

    for (const slug of SLUGS) {
      const [owner, name] = slug.split('/');
      const expected = simulator.store
        .repository(owner, name)!
        .deployments.filter(d => d.task === ZEROOPS_DEPLOYMENT_TASK);
      const stored = await store.reader.listDeployments({
        repositories: [slug],
        since: '2000-01-01T00:00:00Z',
      });
      expect(stored.map(d => d.deploymentId).sort((a, b) => a - b)).toEqual(
        expected.map(d => d.id).sort((a, b) => a - b),
      );
      // The newest GitHub status is the state; a deployment without one is pending.
      // GitHub's ref is the SHA; the branch and the run come from our payload.
      expect(
        stored.map(d => [
          d.deploymentId,
          d.environment,
          d.sha,
          d.ref,
          d.state,
          d.workflowRunId,
          d.workflowRunUrl,
        ]),
      ).toEqual(
        [...expected]
          .sort(
            (a, b) =>
              a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
          )
          .map(d => [
            d.id,
            d.environment,
            d.sha,
            d.run!.headBranch,
            d.statuses[d.statuses.length - 1]?.state ?? 'pending',
            d.run!.id,
            `https://github.com/${slug}/actions/runs/${d.run!.id}`,
          ]),
      );
      expect(expected.every(d => d.ref === d.sha)).toBe(true);
      expect(
        stored.filter(
          d => d.environment === 'production' && d.state === 'success',
        ).length,
      ).toBeGreaterThan(0);
    }
    expect((await store.reader.lastSyncedAt(SLUGS)).size).toBe(2);
  });

  it('answers an unchanged second run with 304s that cost no rate limit', async () => {
    const { store, reconciler } = await setUp();
    await reconciler.run(SLUGS.map(repositoryRef));
    // Lead-time lookups are spread over runs; let them finish so the next run is a quiet one.
    for (let i = 0; i < 20; i++) await reconciler.run(SLUGS.map(repositoryRef));
    const production = await store.reader.listDeployments({
      repositories: SLUGS,
      since: '2000-01-01T00:00:00Z',
      environment: 'production',
    });
    // Every production deployment knows when its change started, for lead time.
    expect(production.filter(d => !d.firstCommitAt || !d.commitAt)).toEqual([]);
    expect(production.some(d => d.pullRequest !== undefined)).toBe(true);
    simulator.resetRequests();

    await reconciler.run(SLUGS.map(repositoryRef));
    const lists = simulator
      .requests()
      .filter(r =>
        [
          'GET /repos/{owner}/{repo}/deployments',
          'GET /repos/{owner}/{repo}/actions/runs',
        ].includes(r.route),
      );
    expect(lists.map(r => [r.route, r.count, r.notModified])).toEqual([
      ['GET /repos/{owner}/{repo}/actions/runs', 2, 2],
      ['GET /repos/{owner}/{repo}/deployments', 2, 2],
    ]);
    const counted = simulator
      .requests()
      .reduce((sum, r) => sum + r.count - r.notModified - r.rateLimited, 0);
    expect(counted).toBe(0);
  });

  it('stops at the rate-limit reserve and starts with the rest next run', async () => {
    const [first, second] = SLUGS.map(repositoryRef);
    // What reconciling the first repository costs, measured with a token of its own.
    const measure = await setUp(0, 'measuring-token');
    await measure.reconciler.reconcile(first);
    const firstCost = measure.api.requests;

    // A reserve that lets the first repository finish and stops the second after one request.
    const { store, reconciler, api } = await setUp(5_000 - firstCost - 2);
    const outcome = await reconciler.run([first, second]);
    expect(outcome).toMatchObject({ reconciled: 1, failed: [] });
    expect(outcome.stoppedAtReserve).toMatch(/rate limit reserve reached/);
    expect(api.requests).toBe(firstCost + 2);
    expect(api.rateLimitRemaining('github.com')).toBe(5_000 - firstCost - 2);
    // Nothing was refused by GitHub: the run stopped before the limit.
    expect(
      simulator.requests().reduce((sum, r) => sum + r.rateLimited, 0),
    ).toBe(0);
    expect([...(await store.reader.lastSyncedAt(SLUGS)).keys()]).toEqual([
      first.slug,
    ]);
    expect(await store.reconciliationOrder(SLUGS)).toEqual([
      second.slug,
      first.slug,
    ]);
  });

  it('stores the demo run waiting for a production reviewer and the commits staging is ahead', async () => {
    await simulator.stop();
    simulator = await startGithubSimulator({ preset: 'demo' });
    const { store, reconciler } = await setUp();
    const payments = repositoryRef('zeroops-demo/payments-api');
    await reconciler.run([payments]);

    const [approval, ...others] = await store.reader.pendingApprovals([
      payments.slug,
    ]);
    expect(others).toEqual([]);
    expect(approval).toMatchObject({
      repository: 'zeroops-demo/payments-api',
      environment: 'production',
      reviewUrl: expect.stringMatching(
        /^https:\/\/github\.com\/zeroops-demo\/payments-api\/actions\/runs\/\d+$/,
      ),
      reviewers: expect.arrayContaining([expect.any(String)]),
    });
    const ahead = await store.reader.stagingAhead([payments.slug]);
    expect(ahead.get(payments.slug)).toMatchObject({ commits: 3 });
  });
});
