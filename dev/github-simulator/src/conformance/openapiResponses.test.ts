import { AWS_DEMO_ROLLOUTS } from '../history/awsDemoRollouts.ts';
import {
  type GithubSimulator,
  startGithubSimulator,
} from '../startGithubSimulator.ts';
import {
  describeErrors,
  loadGithubSchemas,
} from '../__testUtils__/githubSchemas.ts';
import { getJson } from '../__testUtils__/api.ts';

/**
 * Every route the simulator serves, answered and validated against the response schema of the
 * matching operation in GitHub's OpenAPI description (api.github.com, `@octokit/openapi`).
 */

const schemas = loadGithubSchemas();
const NOW = new Date('2026-11-18T10:30:00Z');
const REPO = '/repos/zeroops-demo/payments-api';
const payments = AWS_DEMO_ROLLOUTS['payments-api'];
let simulator: GithubSimulator;

beforeAll(async () => {
  simulator = await startGithubSimulator({ now: () => NOW });
});
afterAll(() => simulator.stop());

function expectValid(operationId: string, status: number, body: unknown) {
  const validate = schemas.response(operationId, status);
  validate(body);
  expect(describeErrors(validate)).toEqual([]);
}

/** The route's path in the OpenAPI description must be the one the simulator serves. */
function expectRoute(operationId: string, method: string, path: string) {
  expect(schemas.operation(operationId)).toEqual({ method, path });
}

describe('responses validate against GitHub OpenAPI description', () => {
  const store = () =>
    simulator.store.repository('zeroops-demo', 'payments-api')!;
  const waitingRun = () => store().runs.find(r => r.status === 'waiting')!;
  const rerun = () =>
    store().runs.find(r => r.runAttempt > 1) ?? store().runs[0];
  const mergedPull = () => [...store().pulls.values()].find(p => p.mergedAt)!;

  it.each([
    ['repos/get', 'get', '/repos/{owner}/{repo}', () => REPO],
    [
      'repos/list-deployments',
      'get',
      '/repos/{owner}/{repo}/deployments',
      () => `${REPO}/deployments?per_page=100`,
    ],
    [
      'repos/list-deployments',
      'get',
      '/repos/{owner}/{repo}/deployments',
      () =>
        `${REPO}/deployments?environment=production&task=deploy:zeroops&per_page=100&page=2`,
    ],
    [
      'repos/get-deployment',
      'get',
      '/repos/{owner}/{repo}/deployments/{deployment_id}',
      () => `${REPO}/deployments/${store().deployments.at(-1)!.id}`,
    ],
    [
      'repos/list-deployment-statuses',
      'get',
      '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      () => `${REPO}/deployments/${store().deployments[0].id}/statuses`,
    ],
    [
      'actions/list-workflow-runs-for-repo',
      'get',
      '/repos/{owner}/{repo}/actions/runs',
      () => `${REPO}/actions/runs?per_page=100`,
    ],
    [
      'actions/list-workflow-runs-for-repo',
      'get',
      '/repos/{owner}/{repo}/actions/runs',
      () => `${REPO}/actions/runs?status=waiting`,
    ],
    [
      'actions/get-workflow-run',
      'get',
      '/repos/{owner}/{repo}/actions/runs/{run_id}',
      () => `${REPO}/actions/runs/${waitingRun().id}`,
    ],
    [
      'actions/get-workflow-run',
      'get',
      '/repos/{owner}/{repo}/actions/runs/{run_id}',
      () => `${REPO}/actions/runs/${rerun().id}`,
    ],
    [
      'actions/get-pending-deployments-for-run',
      'get',
      '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
      () => `${REPO}/actions/runs/${waitingRun().id}/pending_deployments`,
    ],
    [
      'repos/compare-commits',
      'get',
      '/repos/{owner}/{repo}/compare/{base}...{head}',
      () =>
        `${REPO}/compare/${payments.production.sha}...${payments.staging.sha}`,
    ],
    [
      'repos/get-commit',
      'get',
      '/repos/{owner}/{repo}/commits/{ref}',
      () => `${REPO}/commits/${payments.staging.sha}`,
    ],
    [
      'repos/list-pull-requests-associated-with-commit',
      'get',
      '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      () => `${REPO}/commits/${mergedPull().mergeCommitSha}/pulls`,
    ],
    [
      'pulls/get',
      'get',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      () => `${REPO}/pulls/${mergedPull().number}`,
    ],
    [
      'pulls/get',
      'get',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      () => `${REPO}/pulls/7`,
    ],
    [
      'pulls/list-commits',
      'get',
      '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
      () => `${REPO}/pulls/7/commits`,
    ],
    ['rate-limit/get', 'get', '/rate_limit', () => '/rate_limit'],
  ])('%s (%s %s)', async (operationId, method, path, url) => {
    expectRoute(operationId, method, path);
    const response = await getJson(simulator.url, url());
    expect(response.status).toBe(200);
    expectValid(operationId, 200, response.body);
  });

  it('creates deployments and statuses in the shapes GitHub documents', async () => {
    expectRoute(
      'repos/create-deployment',
      'post',
      '/repos/{owner}/{repo}/deployments',
    );
    const created = await getJson(simulator.url, `${REPO}/deployments`, {
      method: 'POST',
      body: {
        ref: 'main',
        environment: 'pr-99',
        task: 'deploy:zeroops',
        transient_environment: true,
        production_environment: false,
        auto_merge: false,
        required_contexts: [],
      },
    });
    expect(created.status).toBe(201);
    expectValid('repos/create-deployment', 201, created.body);

    expectRoute(
      'repos/create-deployment-status',
      'post',
      '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    );
    const status = await getJson(
      simulator.url,
      `${REPO}/deployments/${created.body.id}/statuses`,
      {
        method: 'POST',
        body: {
          state: 'success',
          description:
            'ECS arn:aws:ecs:us-east-1:222222222222:service-deployment/zeroops-ephemeral/payments-api-pr-99/abc',
          log_url:
            'https://github.com/zeroops-demo/payments-api/actions/runs/1',
        },
      },
    );
    expect(status.status).toBe(201);
    expectValid('repos/create-deployment-status', 201, status.body);
  });

  it('answers errors with the bodies GitHub documents', async () => {
    const missing = await getJson(simulator.url, `${REPO}/deployments/1`);
    expect(missing.status).toBe(404);
    expectValid('repos/get-deployment', 404, missing.body);

    const badCompare = await getJson(
      simulator.url,
      `${REPO}/compare/nope...main`,
    );
    expect(badCompare.status).toBe(404);
    expectValid('repos/compare-commits', 404, badCompare.body);

    const unknownRef = await getJson(simulator.url, `${REPO}/deployments`, {
      method: 'POST',
      body: { ref: 'no-such-branch' },
    });
    expect(unknownRef.status).toBe(422);
    expect(unknownRef.body.message).toBe('No ref found for: no-such-branch');

    const unauthenticated = await getJson(simulator.url, REPO, { token: null });
    expect(unauthenticated.status).toBe(401);
    expectValid('users/get-authenticated', 401, unauthenticated.body);
  });

  it('catches drift: a response missing a field or with a wrong type fails validation', async () => {
    const response = await getJson(
      simulator.url,
      `${REPO}/deployments/${store().deployments[0].id}`,
    );
    const validate = schemas.response('repos/get-deployment', 200);
    expect(validate(response.body)).toBe(true);

    const { node_id: _dropped, ...withoutNodeId } = response.body;
    expect(validate(withoutNodeId)).toBe(false);
    expect(describeErrors(validate).join()).toContain(
      "must have required property 'node_id'",
    );

    expect(validate({ ...response.body, created_at: 1_700_000_000 })).toBe(
      false,
    );
    expect(describeErrors(validate).join()).toContain(
      '/created_at must be string',
    );

    const run = await getJson(
      simulator.url,
      `${REPO}/actions/runs/${waitingRun().id}`,
    );
    const runValidate = schemas.response('actions/get-workflow-run', 200);
    expect(
      runValidate({
        ...run.body,
        repository: { ...run.body.repository, full_name: undefined },
      }),
    ).toBe(false);
  });
});
