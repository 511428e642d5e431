import { Octokit } from '@octokit/rest';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookBody } from './webhooks/sendWebhook.ts';
import {
  type GithubSimulator,
  startGithubSimulator,
} from './startGithubSimulator.ts';
import { getJson } from './__testUtils__/api.ts';

const NOW = new Date('2026-11-18T10:30:00Z');

describe('startGithubSimulator through @octokit/rest v19', () => {
  let simulator: GithubSimulator;
  let octokit: Octokit;

  beforeAll(async () => {
    simulator = await startGithubSimulator({
      now: () => NOW,
      preset: 'none',
      repositories: { 'acme/api': { profile: 'elite', days: 60 } },
    });
    octokit = new Octokit({ auth: 'test-token', baseUrl: simulator.url });
  });
  afterAll(() => simulator.stop());

  it('paginates deployments through the Link header, every deployment exactly once, newest first', async () => {
    const state = simulator.store.repository('acme', 'api')!;
    expect(state.deployments.length).toBeGreaterThan(150);
    simulator.resetRequests();
    const all = await octokit.paginate(
      'GET /repos/{owner}/{repo}/deployments',
      {
        owner: 'acme',
        repo: 'api',
        per_page: 50,
      },
    );
    expect(all.map(d => d.id)).toEqual(
      state.deployments.map(d => d.id).reverse(),
    );
    expect(
      simulator.requestCount('GET /repos/{owner}/{repo}/deployments'),
    ).toBe(Math.ceil(state.deployments.length / 50));
  });

  it('filters deployments by task and environment as GitHub does', async () => {
    const production = await octokit.paginate(
      'GET /repos/{owner}/{repo}/deployments',
      {
        owner: 'acme',
        repo: 'api',
        task: 'deploy:zeroops',
        environment: 'production',
        per_page: 100,
      },
    );
    expect(production.length).toBeGreaterThan(20);
    expect(
      production.every(
        d =>
          d.task === 'deploy:zeroops' &&
          d.environment === 'production' &&
          d.production_environment,
      ),
    ).toBe(true);
    const actions = await octokit.rest.repos.listDeployments({
      owner: 'acme',
      repo: 'api',
      task: 'deploy',
      per_page: 5,
    });
    expect(actions.data.map(d => d.task)).toEqual([
      'deploy',
      'deploy',
      'deploy',
      'deploy',
      'deploy',
    ]);
  });

  it('paginates workflow runs and filters them by status and created range', async () => {
    const runs = await octokit.paginate(
      'GET /repos/{owner}/{repo}/actions/runs',
      { owner: 'acme', repo: 'api', per_page: 100, created: '>=2026-11-01' },
    );
    expect(runs.length).toBeGreaterThan(10);
    expect(
      runs.every(r => Date.parse(r.created_at) >= Date.parse('2026-11-01')),
    ).toBe(true);
    const completed = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner: 'acme',
      repo: 'api',
      status: 'success',
      per_page: 3,
    });
    expect(completed.data.workflow_runs.map(r => r.conclusion)).toEqual([
      'success',
      'success',
      'success',
    ]);
  });

  it('answers 304 to a conditional request with the current ETag, without using the rate limit', async () => {
    const first = await octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const error = await octokit.rest.repos
      .get({
        owner: 'acme',
        repo: 'api',
        headers: { 'if-none-match': first.headers.etag },
      })
      .catch(e => e);
    expect(error.status).toBe(304);
    const after = await getJson(simulator.url, '/rate_limit');
    expect(after.body.resources.core.remaining).toBe(remaining);
    expect(after.headers.get('x-ratelimit-resource')).toBe('core');
  });

  it('refuses requests without Authorization with 401 and GitHub message', async () => {
    const anonymous = new Octokit({ baseUrl: simulator.url });
    const error = await anonymous.rest.repos
      .get({ owner: 'acme', repo: 'api' })
      .catch(e => e);
    expect(error.status).toBe(401);
    expect(error.response.data).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });

  it('answers unknown routes and repositories with 404 Not Found', async () => {
    const route = await getJson(simulator.url, '/repos/acme/api/unknown-thing');
    expect(route.status).toBe(404);
    expect(route.body).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
    const error = await octokit.rest.repos
      .get({ owner: 'acme', repo: 'nope' })
      .catch(e => e);
    expect(error.status).toBe(404);
  });

  it('refuses with 403 once a token has used its 5000 requests of the hour', async () => {
    simulator.setRateLimitUsed('exhausted-token', 4999);
    const client = new Octokit({
      auth: 'exhausted-token',
      baseUrl: simulator.url,
    });
    const last = await client.rest.repos.get({ owner: 'acme', repo: 'api' });
    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    const error = await client.rest.repos
      .get({ owner: 'acme', repo: 'api' })
      .catch(e => e);
    expect(error.status).toBe(403);
    expect(error.response.headers['x-ratelimit-remaining']).toBe('0');
    expect(error.response.data.message).toMatch(/^API rate limit exceeded/);
    // Another token keeps its own budget.
    const other = await octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    expect(other.status).toBe(200);
  });

  it('counts requests per route for benchmarks', async () => {
    simulator.resetRequests();
    await octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    await octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    await octokit.rest.rateLimit.get();
    expect(simulator.requests()).toEqual([
      { route: 'GET /rate_limit', count: 1, notModified: 0, rateLimited: 0 },
      {
        route: 'GET /repos/{owner}/{repo}',
        count: 2,
        notModified: 0,
        rateLimited: 0,
      },
    ]);
    expect(simulator.requestCount()).toBe(3);
  });
});

describe('writes deliver their webhooks', () => {
  it('POST deployments and statuses emit signed deployment and deployment_status deliveries', async () => {
    const received: Array<{
      headers: IncomingMessage['headers'];
      body: string;
    }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        received.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>(resolve =>
      receiver.listen(0, '127.0.0.1', resolve),
    );
    const url = `http://127.0.0.1:${
      (receiver.address() as AddressInfo).port
    }/hooks`;
    const simulator = await startGithubSimulator({
      now: () => NOW,
      preset: 'none',
      repositories: { 'acme/api': { profile: 'medium', days: 5 } },
      webhook: { url, secret: 's3cret' },
    });
    try {
      const octokit = new Octokit({ auth: 't', baseUrl: simulator.url });
      const { data: deployment } = await octokit.rest.repos.createDeployment({
        owner: 'acme',
        repo: 'api',
        ref: 'main',
        environment: 'staging',
        task: 'deploy:zeroops',
        auto_merge: false,
        required_contexts: [],
      });
      if (!('id' in deployment))
        throw new Error('expected a created deployment');
      await octokit.rest.repos.createDeploymentStatus({
        owner: 'acme',
        repo: 'api',
        deployment_id: deployment.id,
        state: 'in_progress',
      });
      await simulator.flushWebhooks();
      expect(received.map(r => r.headers['x-github-event'])).toEqual([
        'deployment',
        'deployment_status',
      ]);
      for (const delivery of received) {
        expect(delivery.headers['x-hub-signature-256']).toBe(
          signWebhookBody(delivery.body, 's3cret'),
        );
        expect(delivery.headers['x-github-delivery']).toMatch(
          /^[0-9a-f-]{36}$/,
        );
        expect(delivery.headers['user-agent']).toMatch(/^GitHub-Hookshot\//);
        expect(delivery.headers['content-type']).toBe('application/json');
      }
      const status = JSON.parse(received[1].body);
      expect(status.deployment.id).toBe(deployment.id);
      expect(status.deployment_status.state).toBe('in_progress');
      const listed = await octokit.rest.repos.listDeploymentStatuses({
        owner: 'acme',
        repo: 'api',
        deployment_id: deployment.id,
      });
      expect(listed.data.map(s => s.state)).toEqual(['in_progress']);
    } finally {
      await simulator.stop();
      await new Promise(resolve => receiver.close(resolve));
    }
  });
});
