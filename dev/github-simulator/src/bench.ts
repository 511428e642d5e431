/**
 * `yarn workspace @zeroops/github-simulator bench [--repositories 200] [--days 365]`
 *
 * Builds the benchmark organisation (≈ 50 000 of our deployments for 200 repositories × 1 year),
 * then reads every repository's production deployments through the API the way a reconciliation
 * would, and prints the figures.
 */
import { parseArgs } from 'node:util';
import { ZEROOPS_TASK } from './contract.ts';
import { startGithubSimulator } from './startGithubSimulator.ts';

const { values } = parseArgs({
  options: {
    repositories: { type: 'string', default: '200' },
    days: { type: 'string', default: '365' },
  },
});
async function main(): Promise<void> {
  const started = performance.now();
  const simulator = await startGithubSimulator({
    preset: 'none',
    benchmark: {
      repositories: Number(values.repositories),
      days: Number(values.days),
    },
  });
  const buildMs = performance.now() - started;
  const repositories = simulator.store.repositories();
  const ours = repositories.reduce(
    (n, s) => n + s.deployments.filter(d => d.task === ZEROOPS_TASK).length,
    0,
  );

  const readStarted = performance.now();
  let read = 0;
  for (const state of repositories) {
    let url:
      | string
      | undefined = `${simulator.url}/repos/${state.fullName}/deployments?task=${ZEROOPS_TASK}&environment=production&per_page=100`;
    while (url) {
      const response: Response = await fetch(url, {
        headers: { authorization: 'token bench' },
      });
      read += ((await response.json()) as unknown[]).length;
      url = /<([^>]+)>; rel="next"/.exec(
        response.headers.get('link') ?? '',
      )?.[1];
    }
  }
  const readMs = performance.now() - readStarted;
  const requests = simulator.requestCount();
  process.stdout.write(
    `${[
      `repositories: ${repositories.length}, days: ${values.days}`,
      `deployments: ${simulator.store.deploymentCount()} (ours, task ${ZEROOPS_TASK}: ${ours})`,
      `build: ${Math.round(buildMs)} ms, resident memory ${Math.round(
        process.memoryUsage().rss / 1e6,
      )} MB`,
      `production deployments read through the API: ${read} in ${requests} requests, ${Math.round(
        readMs,
      )} ms (${Math.round(readMs / requests)} ms/request)`,
    ].join('\n')}\n`,
  );
  await simulator.stop();
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
