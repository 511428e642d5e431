import {
  startGithubSimulator,
  type GithubSimulator,
} from '../startGithubSimulator.ts';
import type { RenderContext } from '../render/context.ts';
import {
  deploymentPayload,
  deploymentStatusPayload,
  pullRequestPayload,
  pushPayload,
  workflowRunPayload,
} from '../webhooks/payloads.ts';
import {
  describeErrors,
  loadGithubSchemas,
} from '../__testUtils__/githubSchemas.ts';

/**
 * Every webhook payload the simulator sends, validated against GitHub's webhook payload schemas
 * (`@octokit/webhooks-schemas`, which forbid unknown properties).
 */

const schemas = loadGithubSchemas();
const NOW = new Date('2026-11-18T10:30:00Z');
let simulator: GithubSimulator;
let ctx: RenderContext;

beforeAll(async () => {
  simulator = await startGithubSimulator({ now: () => NOW });
  ctx = { api: simulator.url, html: 'https://github.com' };
});
afterAll(() => simulator.stop());

let validated = 0;

function expectValid(definition: string, payload: unknown) {
  const validate = schemas.webhook(definition);
  validate(payload);
  expect(describeErrors(validate)).toEqual([]);
  validated++;
}

beforeEach(() => {
  validated = 0;
});

describe('webhook payloads validate against @octokit/webhooks-schemas', () => {
  const repos = () => simulator.store.repositories();

  it('deployment and deployment_status, for our deployments and GitHub Actions own', () => {
    for (const state of repos()) {
      const samples = [
        state.deployments.find(
          d => d.task === 'deploy:zeroops' && d.environment === 'production',
        )!,
        state.deployments.find(d => d.task === 'deploy')!,
        state.deployments.find(d => d.transientEnvironment)!,
      ].filter(Boolean);
      for (const deployment of samples) {
        expectValid(
          'deployment$created',
          deploymentPayload(state, deployment, ctx).payload,
        );
        // `inactive` (GitHub's auto_inactive) is not a webhook state: it is never delivered.
        for (const status of deployment.statuses.filter(
          s => s.state !== 'inactive',
        )) {
          expectValid(
            'deployment_status$created',
            deploymentStatusPayload(state, deployment, status, ctx).payload,
          );
        }
      }
    }
    expect(validated).toBeGreaterThanOrEqual(20);
  });

  it('workflow_run: requested, in_progress and completed, re-runs and waiting runs', () => {
    for (const state of repos()) {
      const completed =
        state.runs.find(r => r.status === 'completed' && r.runAttempt > 1) ??
        state.runs[0];
      expectValid(
        'workflow_run$completed',
        workflowRunPayload(state, completed, 'completed', ctx).payload,
      );
      const preview = state.runs.find(r => r.pullRequests.length > 0);
      if (preview) {
        expectValid(
          'workflow_run$completed',
          workflowRunPayload(state, preview, 'completed', ctx).payload,
        );
      }
      const running = {
        ...completed,
        status: 'in_progress' as const,
        conclusion: null,
      };
      expectValid(
        'workflow_run$in_progress',
        workflowRunPayload(state, running, 'in_progress', ctx).payload,
      );
      const requested = {
        ...completed,
        status: 'queued' as const,
        conclusion: null,
        runAttempt: 1,
      };
      expectValid(
        'workflow_run$requested',
        workflowRunPayload(state, requested, 'requested', ctx).payload,
      );
    }
    expect(validated).toBeGreaterThanOrEqual(9);
  });

  it('pull_request: opened, synchronize and closed (merged)', () => {
    for (const state of repos()) {
      const merged = [...state.pulls.values()].find(p => p.mergedAt)!;
      expectValid(
        'pull_request$closed',
        pullRequestPayload(state, merged, 'closed', ctx).payload,
      );
      const open = {
        ...merged,
        mergedAt: undefined,
        closedAt: undefined,
        mergeCommitSha: undefined,
        mergedBy: undefined,
      };
      expectValid(
        'pull_request$opened',
        pullRequestPayload(state, open, 'opened', ctx).payload,
      );
      expectValid(
        'pull_request$synchronize',
        pullRequestPayload(state, open, 'synchronize', ctx).payload,
      );
    }
    expect(validated).toBeGreaterThanOrEqual(9);
  });

  it('push: commits keep their authors UTC offsets', () => {
    for (const state of repos()) {
      const commits = state.mainline
        .slice(-3)
        .map(sha => state.commits.get(sha)!);
      const delivery = pushPayload(
        state,
        'main',
        commits,
        commits[2].authorLogin
          ? {
              login: commits[2].authorLogin,
              id: 1,
              type: 'User',
              email: 'x@example.com',
            }
          : state.repository.owner,
        ctx,
      );
      expectValid('push$event', delivery.payload);
    }
    const state = repos()[0];
    const prCommits = [...state.pulls.values()]
      .flatMap(p => p.commits)
      .slice(0, 30)
      .map(sha => state.commits.get(sha)!);
    const payload = pushPayload(
      state,
      'feature',
      prCommits,
      state.repository.owner,
      ctx,
    ).payload as { commits: Array<{ timestamp: string }> };
    const offsets = new Set(payload.commits.map(c => c.timestamp.slice(-6)));
    expect(offsets.size).toBeGreaterThan(2);
    expect([...offsets].every(o => /^[+-]\d\d:\d\d$/.test(o))).toBe(true);
  });

  it('catches drift: an unknown or missing property fails validation', () => {
    const state = repos()[0];
    const deployment = state.deployments.at(-1)!;
    const { payload } = deploymentStatusPayload(
      state,
      deployment,
      deployment.statuses[0],
      ctx,
    );
    const validate = schemas.webhook('deployment_status$created');
    expect(validate(payload)).toBe(true);
    const status = payload.deployment_status as Record<string, unknown>;
    expect(
      validate({
        ...payload,
        deployment_status: { ...status, invented_field: 1 },
      }),
    ).toBe(false);
    expect(describeErrors(validate).join()).toContain(
      'must NOT have additional properties',
    );
    const { sha: _sha, ...withoutSha } = payload.deployment as Record<
      string,
      unknown
    >;
    expect(validate({ ...payload, deployment: withoutSha })).toBe(false);
    expect(describeErrors(validate).join()).toContain(
      "must have required property 'sha'",
    );
  });
});
