import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from './bench/runBench.ts';

/**
 * `yarn workspace @zeroops/aws-simulator bench [--url http://127.0.0.1:4599] [--concurrency 32] [--seconds 5]`
 *
 * Measures how many DescribeServices requests per second one simulator process serves. Without
 * --url it starts its own simulator process (demo scenario, no injected latency), so the load
 * generator and the server do not share a thread.
 */

async function startSimulatorProcess(): Promise<{
  url: string;
  startupMs: number;
  stop: () => void;
}> {
  const started = performance.now();
  // The same launcher as `yarn start`, so the measured process is the one users run.
  const launcher = fileURLToPath(
    new URL('../bin/aws-simulator.mjs', import.meta.url),
  );
  const child = spawn(process.execPath, [launcher, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s,]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', code =>
      reject(new Error(`simulator exited with ${code}`)),
    );
  });
  return {
    url,
    startupMs: performance.now() - started,
    stop: () => child.kill('SIGTERM'),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      concurrency: { type: 'string', default: '32' },
      seconds: { type: 'string', default: '5' },
    },
  });
  const concurrency = Number(values.concurrency);
  const durationMs = Number(values.seconds) * 1000;
  const own = values.url ? undefined : await startSimulatorProcess();
  const url = values.url ?? own!.url;
  if (own) {
    process.stdout.write(
      `simulator start (process spawn to listening, demo scenario): ${Math.round(
        own.startupMs,
      )} ms\n`,
    );
  }
  try {
    // Warm up connections and the JIT before measuring.
    await runBench({ url, concurrency, durationMs: 1000 });
    const result = await runBench({ url, concurrency, durationMs });
    const health = await fetch(new URL('/_simulator/health', url)).then(r =>
      r.json(),
    );
    process.stdout.write(
      `DescribeServices (3 services per call) against ${url}, concurrency ${concurrency}, ${Math.round(
        result.durationMs,
      )} ms:\n` +
        `  ${result.requests} requests, ${result.errors} errors\n` +
        `  ${Math.round(
          result.requestsPerSecond,
        )} requests/s, p50 ${result.p50Ms.toFixed(
          1,
        )} ms, p99 ${result.p99Ms.toFixed(1)} ms\n` +
        `  simulator RSS after the run: ${Math.round(
          health.rssBytes / 1024 / 1024,
        )} MB\n`,
    );
    if (result.errors > 0) process.exitCode = 1;
  } finally {
    own?.stop();
  }
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
