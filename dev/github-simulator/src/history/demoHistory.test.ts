import {
  parseEcsDeploymentDescription,
  parseZeroOpsDeploymentPayload,
} from '@zeroops/backstage-plugin-zeroops-common';
import { buildStore } from './buildStore.ts';
import { AWS_DEMO_ROLLOUTS } from './awsDemoRollouts.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimDeployment } from '../model/types.ts';

const NOW = new Date('2026-11-18T10:30:00Z');
const DAY = 86_400_000;
const store = buildStore({}, NOW, 'https://github.com');
const repo = (name: string) => store.repository('zeroops-demo', name)!;

const ours = (state: RepositoryState, environment: string) =>
  state.deployments.filter(
    d => d.task === 'deploy:zeroops' && d.environment === environment,
  );
const lastState = (d: SimDeployment) => d.statuses[d.statuses.length - 1].state;
const branchOf = (d: SimDeployment) =>
  parseZeroOpsDeploymentPayload(d.payload).branch;
/** What the environment runs: the newest deployment that succeeded (later retired or not). */
const current = (state: RepositoryState, environment: string) =>
  ours(state, environment)
    .filter(d => d.statuses.some(s => s.state === 'success'))
    .at(-1)!;
const within = (list: SimDeployment[], days: number) =>
  list.filter(d => d.createdAt.getTime() >= NOW.getTime() - days * DAY);

describe('demo history', () => {
  it('serves the demo catalog repositories', () => {
    expect(store.repositories().map(s => s.fullName)).toEqual([
      'zeroops-demo/payments-api',
      'zeroops-demo/storefront-web',
      'zeroops-demo/orders-worker',
    ]);
  });

  it('ends with the commits and ECS deployments the AWS simulator demo runs', () => {
    const payments = AWS_DEMO_ROLLOUTS['payments-api'];
    expect(current(repo('payments-api'), 'production').sha).toBe(
      payments.production.sha,
    );
    expect(current(repo('payments-api'), 'staging').sha).toBe(
      payments.staging.sha,
    );
    expect(current(repo('payments-api'), 'pr-7').sha).toBe(
      payments['pr-7'].sha,
    );
    const storefront = AWS_DEMO_ROLLOUTS['storefront-web'];
    expect(current(repo('storefront-web'), 'production').sha).toBe(
      storefront['production-previous'].sha,
    );
    const rolling = ours(repo('storefront-web'), 'production').at(-1)!;
    expect([rolling.ref, branchOf(rolling), lastState(rolling)]).toEqual([
      storefront.production.sha,
      'hotfix/checkout-button-regression',
      'in_progress',
    ]);
    expect(current(repo('storefront-web'), 'staging').sha).toBe(
      storefront.staging.sha,
    );
    expect(current(repo('storefront-web'), 'pr-42').sha).toBe(
      storefront['pr-42'].sha,
    );
    const orders = AWS_DEMO_ROLLOUTS['orders-worker'];
    expect(current(repo('orders-worker'), 'production').sha).toBe(
      orders.production.sha,
    );
    expect(current(repo('orders-worker'), 'staging').sha).toBe(
      orders.staging.sha,
    );
    const failed = ours(repo('orders-worker'), 'staging').at(-1)!;
    expect(failed.sha).toBe(orders['staging-failed'].sha);
    expect(lastState(failed)).toBe('failure');
    expect(
      parseEcsDeploymentDescription(failed.statuses.at(-1)!.description),
    ).toBe(
      `arn:aws:ecs:us-east-1:222222222222:service-deployment/zeroops-staging/orders-worker/${orders['staging-failed'].serviceDeploymentId}`,
    );
    const paymentsProduction = current(repo('payments-api'), 'production');
    expect(paymentsProduction.createdAt.getTime()).toBe(
      NOW.getTime() - payments.production.agoMinutes * 60_000,
    );
  });

  it('has exactly one production deployment waiting for approval: payments-api, staging 3 commits ahead', () => {
    const waiting = store
      .repositories()
      .flatMap(s =>
        s.runs.filter(r => r.status === 'waiting').map(r => ({ s, r })),
      );
    expect(waiting.map(w => w.s.fullName)).toEqual([
      'zeroops-demo/payments-api',
    ]);
    const { r: run } = waiting[0];
    expect(run.headSha).toBe(AWS_DEMO_ROLLOUTS['payments-api'].staging.sha);
    expect(run.pendingDeployments).toEqual([
      expect.objectContaining({
        environment: 'production',
        currentUserCanApprove: true,
      }),
    ]);
    expect(run.pendingDeployments[0].reviewers.length).toBeGreaterThan(0);
    const state = repo('payments-api');
    const comparison = state.compare(
      state.commits.get(AWS_DEMO_ROLLOUTS['payments-api'].production.sha)!,
      state.commits.get(AWS_DEMO_ROLLOUTS['payments-api'].staging.sha)!,
    );
    expect([
      comparison.status,
      comparison.aheadBy,
      comparison.behindBy,
    ]).toEqual(['ahead', 3, 0]);
  });

  it('records every final status of our deployments with the ECS service deployment ARN', () => {
    const finals = store
      .repositories()
      .flatMap(state =>
        state.deployments
          .filter(d => d.task === 'deploy:zeroops')
          .flatMap(d =>
            d.statuses.filter(
              s => s.state === 'success' || s.state === 'failure',
            ),
          ),
      );
    expect(finals.length).toBeGreaterThan(1000);
    const withoutArn = finals.filter(
      s =>
        !/^arn:aws:ecs:us-east-1:\d{12}:service-deployment\//.test(
          parseEcsDeploymentDescription(s.description) ?? '',
        ),
    );
    expect(withoutArn).toEqual([]);
  });

  it('also holds GitHub Actions own deployments (task deploy), which carry no ECS ARN', () => {
    const actions = repo('payments-api').deployments.filter(
      d => d.task === 'deploy',
    );
    expect(actions.length).toBeGreaterThan(100);
    expect(
      actions.every(d =>
        d.statuses.every(
          s => parseEcsDeploymentDescription(s.description) === undefined,
        ),
      ),
    ).toBe(true);
  });

  it('has data in the 7, 30 and 90 day windows and visibly different delivery performance', () => {
    const perDay = (name: string, days: number) =>
      within(ours(repo(name), 'production'), days).length / days;
    const failureRate = (name: string) => {
      const list = within(ours(repo(name), 'production'), 90).filter(
        d => lastState(d) !== 'in_progress',
      );
      return (
        list.filter(d => d.statuses.some(s => s.state === 'failure')).length /
        list.length
      );
    };
    expect(
      within(ours(repo('payments-api'), 'production'), 7).length,
    ).toBeGreaterThan(0);
    for (const name of ['payments-api', 'storefront-web', 'orders-worker']) {
      expect(within(ours(repo(name), 'production'), 30).length).toBeGreaterThan(
        0,
      );
    }
    expect(perDay('payments-api', 90)).toBeGreaterThan(1);
    expect(perDay('orders-worker', 90)).toBeLessThan(0.4);
    expect(failureRate('payments-api')).toBeLessThan(0.08);
    expect(failureRate('orders-worker')).toBeGreaterThan(0.15);
  });

  it('writes our deployments as the workflows do: ref = the SHA, branch and run in the payload', () => {
    for (const state of store.repositories()) {
      const written = state.deployments.map(d => ({
        task: d.task,
        ref: d.ref,
        payload: d.payload,
        logUrls: d.statuses.map(s => s.logUrl),
      }));
      const expected = state.deployments.map(d => {
        const run = d.run!;
        const logUrls = d.statuses.map(
          () => `https://github.com/${state.fullName}/actions/runs/${run.id}`,
        );
        return d.task === 'deploy:zeroops'
          ? {
              task: d.task,
              ref: d.sha,
              payload: {
                service: state.repository.name,
                branch: run.headBranch,
                workflow_run_id: run.id,
              },
              logUrls,
            }
          : // GitHub Actions' own deployment for the job's environment: the branch, no payload.
            { task: 'deploy', ref: run.headBranch, payload: {}, logUrls };
      });
      expect(written).toEqual(expected);
    }
  });

  it('tells the edge cases: hotfixes, reverts, re-runs of the same commit, pushes without a pull request, time zones', () => {
    const all = store.repositories();
    const production = all.flatMap(s => ours(s, 'production'));
    expect(production.some(d => branchOf(d)?.startsWith('hotfix/'))).toBe(true);
    expect(
      all.some(s =>
        [...s.commits.values()].some(c => c.message.startsWith('Revert "')),
      ),
    ).toBe(true);
    expect(all.some(s => s.runs.some(r => r.runAttempt > 1))).toBe(true);
    const shas = production.map(d => d.sha);
    expect(new Set(shas).size).toBeLessThan(shas.length);
    expect(
      all.every(s => s.mainline.some(sha => s.pullsOfCommit(sha).length === 0)),
    ).toBe(true);
    const offsets = new Set(
      all.flatMap(s =>
        [...s.commits.values()].map(c => c.author.date.slice(-6)),
      ),
    );
    expect(offsets).toEqual(
      expect.objectContaining({ size: expect.any(Number) }),
    );
    expect([...offsets]).toEqual(
      expect.arrayContaining(['-07:00', '+05:30', '+09:00', '+02:00']),
    );
    expect(
      production.every(d => d.productionEnvironment && !d.transientEnvironment),
    ).toBe(true);
    expect(
      all
        .flatMap(s =>
          s.deployments.filter(d => d.environment.startsWith('pr-')),
        )
        .every(d => d.transientEnvironment),
    ).toBe(true);
  });

  it('destroys the preview of a merged pull request, as the cleanup workflow does, and keeps the open ones', () => {
    const liveWithoutSuccess: string[] = [];
    const closedNotDestroyed: string[] = [];
    for (const state of store.repositories()) {
      const live = new Set(
        [...state.pulls.values()]
          .filter(pull => !pull.closedAt)
          .map(pull => `pr-${pull.number}`),
      );
      const previews = new Set(
        state.deployments
          .map(d => d.environment)
          .filter(environment => environment.startsWith('pr-')),
      );
      for (const environment of previews) {
        const states = ours(state, environment).map(lastState);
        const where = `${state.fullName} ${environment}`;
        if (live.has(environment) && !states.includes('success')) {
          liveWithoutSuccess.push(where);
        }
        if (!live.has(environment) && states.some(s => s !== 'inactive')) {
          closedNotDestroyed.push(where);
        }
      }
    }
    expect({ liveWithoutSuccess, closedNotDestroyed }).toEqual({
      liveWithoutSuccess: [],
      closedNotDestroyed: [],
    });
    // The long-lived previews the AWS demo runs are open pull requests.
    expect(lastState(current(repo('payments-api'), 'pr-7'))).toBe('success');
    expect(lastState(current(repo('storefront-web'), 'pr-42'))).toBe('success');
  });

  it('is deterministic for a seed-free build at the same instant, and ids grow with time', () => {
    const again = buildStore({}, NOW, 'https://github.com');
    const summary = (s: typeof store) =>
      s
        .repositories()
        .flatMap(r =>
          r.deployments.map(
            d =>
              `${d.id} ${d.sha} ${
                d.environment
              } ${d.createdAt.toISOString()} ${d.statuses
                .map(x => x.state)
                .join('>')}`,
          ),
        );
    expect(summary(again)).toEqual(summary(store));
    const deployments = repo('payments-api').deployments;
    for (let i = 1; i < deployments.length; i++) {
      expect(deployments[i].createdAt.getTime()).toBeGreaterThanOrEqual(
        deployments[i - 1].createdAt.getTime(),
      );
    }
  });
});
