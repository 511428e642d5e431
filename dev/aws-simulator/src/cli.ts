import { parseSimulatorArgs, runSimulatorCli } from '@zeroops/simulator-kit';
import { type AwsSimulator, startAwsSimulator } from './startAwsSimulator.ts';

/**
 * `yarn workspace @zeroops/aws-simulator start [--scenario demo|<file>] [--port 4599]`
 *
 * Runs the simulator until interrupted and prints the environment variables that point the
 * AWS SDK at it.
 */

const USAGE = `Usage: aws-simulator [--scenario demo|bench-50x4|<file.yaml>] [--port 4599] [--host 127.0.0.1] [--seed <n>]

Serves the AWS APIs ZeroOps reads (ECS, ELBv2, CloudWatch, RDS, ElastiCache, CloudFront,
Cost Explorer, Budgets, STS) from a scenario. Point the AWS SDK at it with
  AWS_ENDPOINT_URL=http://127.0.0.1:<port> AWS_ACCESS_KEY_ID=simulator AWS_SECRET_ACCESS_KEY=simulator
Control API: http://127.0.0.1:<port>/_simulator/{health,counters,faults,scenario}`;

async function main(): Promise<AwsSimulator | void> {
  const args = parseSimulatorArgs(USAGE, '4599', {
    scenario: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
  });
  if (!args) return undefined;
  const { values, port } = args;
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new Error(`--seed must be an integer, got ${values.seed}`);
  }
  const simulator = await startAwsSimulator({
    scenario: values.scenario,
    port,
    host: values.host,
    seed,
    log: message => process.stderr.write(`[aws-simulator] ${message}\n`),
  });
  const summary = simulator.scenario();
  const instances = summary.services.reduce(
    (n, s) => n + s.instances.length,
    0,
  );
  // performance.now() counts from process start: launcher and module loading included.
  const elapsed = Math.round(performance.now());
  process.stdout.write(
    `[aws-simulator] scenario "${summary.name}" (${summary.services.length} services, ${instances} environment instances) listening on ${simulator.url}, started in ${elapsed} ms\n` +
      `[aws-simulator] AWS_ENDPOINT_URL=${simulator.url} AWS_ACCESS_KEY_ID=simulator AWS_SECRET_ACCESS_KEY=simulator AWS_REGION=${summary.region}\n`,
  );
  return simulator;
}

runSimulatorCli('aws-simulator', USAGE, main);
