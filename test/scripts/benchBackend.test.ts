import { spawnSync } from 'node:child_process';
import { repoRoot } from '../src';

/**
 * `yarn bench:backend` must keep working from a clean clone. This runs it small (3 services,
 * one environment, 3 s of 20 req/s) and checks that it reports every figure; the figures
 * themselves are for the bench's reader, not for a test on a shared machine.
 */
describe('yarn bench:backend', () => {
  jest.setTimeout(240_000);

  it('runs the backend against the simulator and prints every figure', () => {
    const run = spawnSync(
      'yarn',
      [
        'bench:backend',
        '--services',
        '3',
        '--environments',
        'production',
        '--latency',
        '5',
        '--jitter',
        '0',
        '--rate',
        '20',
        '--duration',
        '3',
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        // The bench sets NODE_ENV for the backend; Jest's NODE_ENV=test must not leak into it.
        env: { ...process.env, NODE_ENV: 'production' },
        timeout: 230_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, output }).toMatchObject({ status: 0 });

    const row = (phase: string) => {
      const line = run.stdout.split('\n').find(l => l.startsWith(phase));
      expect(line).toBeDefined();
      const [requests, , errors] = (line as string)
        .slice(36)
        .trim()
        .split(/\s+/)
        .map(Number);
      return { requests, errors };
    };
    expect(row('cold (each entity once)')).toEqual({ requests: 3, errors: 0 });
    expect(row('warm (20 req/s open loop, 3 s)')).toEqual({
      requests: 60,
      errors: 0,
    });
    expect(run.stdout).toMatch(/backend memory: RSS \d+ MB/);
    expect(run.stdout).toMatch(/ecs:DescribeServices\s+\d+/);
    expect(run.stdout).toContain('Cost Explorer calls from page views: 0');
    expect(run.stdout).toMatch(/slowest single environment\s+p50 \d+/);
  });
});
