import { parseSimulatorArgs, runSimulatorCli } from '@zeroops/simulator-kit';
import { DEFAULT_GITHUB_SIMULATOR_PORT } from './constants.ts';
import {
  type GithubSimulator,
  startGithubSimulator,
} from './startGithubSimulator.ts';

const USAGE = `Usage: github-simulator [--port ${DEFAULT_GITHUB_SIMULATOR_PORT}] [--host 127.0.0.1]
                        [--webhook-url <url> --webhook-secret <secret>] [--live [--live-interval 20]]
                        [--benchmark <repositories>x<days>]

Serves GitHub's REST API (deployments, statuses, workflow runs, approvals, compare, commits, pull
requests, rate limit) with the demo organisation's delivery history. Point octokit at it with
  baseUrl: http://127.0.0.1:<port>   (any token: "Authorization: token <anything>")
The port defaults to $ZEROOPS_GITHUB_SIMULATOR_PORT or ${DEFAULT_GITHUB_SIMULATOR_PORT}.`;

async function main(): Promise<GithubSimulator | void> {
  const args = parseSimulatorArgs(
    USAGE,
    process.env.ZEROOPS_GITHUB_SIMULATOR_PORT ??
      String(DEFAULT_GITHUB_SIMULATOR_PORT),
    {
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      live: { type: 'boolean', default: false },
      'live-interval': { type: 'string', default: '20' },
      benchmark: { type: 'string' },
    },
  );
  if (!args) return undefined;
  const { values, port } = args;
  const webhookUrl = values['webhook-url'];
  const webhookSecret = values['webhook-secret'];
  if ((webhookUrl === undefined) !== (webhookSecret === undefined)) {
    throw new Error('--webhook-url and --webhook-secret go together');
  }
  if (values.live && !webhookUrl) {
    throw new Error('--live needs --webhook-url and --webhook-secret');
  }
  const interval = Number(values['live-interval']);
  if (!(interval >= 1)) {
    throw new Error(
      `--live-interval must be at least 1 second, got ${values['live-interval']}`,
    );
  }
  let benchmark: { repositories: number; days: number } | undefined;
  if (values.benchmark) {
    const match = /^(\d+)x(\d+)$/.exec(values.benchmark);
    if (!match)
      throw new Error(
        `--benchmark is <repositories>x<days>, got ${values.benchmark}`,
      );
    benchmark = { repositories: Number(match[1]), days: Number(match[2]) };
  }
  const simulator = await startGithubSimulator({
    port,
    host: values.host,
    preset: benchmark ? 'none' : 'demo',
    benchmark,
    webhook:
      webhookUrl && webhookSecret
        ? { url: webhookUrl, secret: webhookSecret }
        : undefined,
    live: values.live ? { intervalSeconds: interval } : undefined,
    log: message => process.stderr.write(`[github-simulator] ${message}\n`),
  });
  const repositories = simulator.store.repositories();
  const elapsed = Math.round(performance.now());
  process.stdout.write(
    `[github-simulator] ${
      repositories.length
    } repositories, ${simulator.store.deploymentCount()} deployments, listening on ${
      simulator.url
    }, started in ${elapsed} ms\n` +
      `[github-simulator] ZEROOPS_GITHUB_API_URL=${simulator.url}${
        webhookUrl
          ? ` webhooks → ${webhookUrl}${
              values.live ? ` (live, every ${interval} s)` : ''
            }`
          : ''
      }\n`,
  );
  return simulator;
}

runSimulatorCli('github-simulator', USAGE, main);
