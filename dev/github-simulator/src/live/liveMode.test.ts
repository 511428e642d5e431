import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEcsDeploymentDescription } from '@zeroops/backstage-plugin-zeroops-common';
import { startGithubSimulator } from '../startGithubSimulator.ts';

describe('live mode', () => {
  it('re-runs a preview rollout step by step and delivers its webhooks, leaving production and staging alone', async () => {
    const events: Array<{ event: string; action?: string; state?: string }> =
      [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        events.push({
          event: String(req.headers['x-github-event']),
          action: body.action,
          state: body.deployment_status?.state,
        });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>(resolve =>
      receiver.listen(0, '127.0.0.1', resolve),
    );
    const simulator = await startGithubSimulator({
      now: () => new Date('2026-11-18T10:30:00Z'),
      webhook: {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
        secret: 's',
      },
      live: { intervalSeconds: 3600 },
    });
    try {
      const state = simulator.store.repository('zeroops-demo', 'payments-api')!;
      const before = state.deployments.filter(
        d => d.environment === 'production' || d.environment === 'staging',
      ).length;
      simulator.live!.step();
      simulator.live!.step();
      await simulator.flushWebhooks();
      expect(events).toEqual([
        { event: 'workflow_run', action: 'requested' },
        { event: 'workflow_run', action: 'in_progress' },
        { event: 'deployment', action: 'created' },
        { event: 'deployment_status', action: 'created', state: 'in_progress' },
        { event: 'deployment_status', action: 'created', state: 'success' },
        { event: 'workflow_run', action: 'completed' },
      ]);
      const rollout = simulator.store
        .repositories()
        .flatMap(s => s.deployments)
        .sort((a, b) => b.id - a.id)[0];
      expect(rollout.environment).toMatch(/^pr-\d+$/);
      expect(
        parseEcsDeploymentDescription(rollout.statuses.at(-1)!.description),
      ).toBeDefined();
      expect(rollout.run!.runAttempt).toBeGreaterThan(1);
      expect(
        state.deployments.filter(
          d => d.environment === 'production' || d.environment === 'staging',
        ).length,
      ).toBe(before);
    } finally {
      await simulator.stop();
      await new Promise(resolve => receiver.close(resolve));
    }
  });
});
