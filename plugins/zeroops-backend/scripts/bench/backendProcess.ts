/*
 * packages/backend as a child process on the embedded default config plus a generated
 * overlay (catalog of N services, environments, TTL, deadline), pointed at the simulator.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BenchStores, storesConfig } from './stores';

const ROOT = path.resolve(__dirname, '../../../..');

/** Account of an environment in the generated scenario (see generateScenario). */
export function benchAccountOf(environment: string): string {
  return environment === 'production' ? '111111111111' : '222222222222';
}

export interface BackendProcess {
  child: ChildProcess;
  port: number;
  dir: string;
  logFile: string;
  /**
   * Rejects as soon as the process exits or reports that its start-up failed, with the errors
   * of its log.
   */
  failed: Promise<never>;
  /** Messages of the error entries the backend has logged so far. */
  loggedErrors: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function memoryOf(
  pid: number,
): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Polls `probe` until it returns a value. Gives up at `timeoutMs`, or at once when `abort`
 * rejects (the backend exited): a backend that failed its config validation is reported in
 * seconds, with its own error, instead of after minutes of polling.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  abort?: Promise<never>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let aborted: unknown;
  abort?.catch(error => {
    aborted = error ?? new Error('aborted');
  });
  for (;;) {
    if (aborted) throw aborted;
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    if (aborted) throw aborted;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Promise.race([
      new Promise(r => setTimeout(r, 500)),
      abort?.catch(() => undefined),
    ]);
  }
}

/**
 * What the backend's log says went wrong: the messages of its error entries (the JSON log
 * lines of a production start), or the end of the log when it has none.
 */
export function startupFailure(log: string): string {
  const lines = log.split('\n').filter(Boolean);
  const errors = lines.flatMap(errorMessageOf);
  // A crash before the logger exists (e.g. a syntax error) is plain text: its message and
  // source line, without the stack frames.
  const shown =
    errors.length > 0
      ? errors.slice(-10)
      : lines.filter(line => !/^\s+at /.test(line)).slice(0, 10);
  return shown.map(line => `  ${line}`).join('\n');
}

/** The message of an error entry of the log (JSON in production), or nothing. */
function errorMessageOf(line: string): string[] {
  try {
    const entry = JSON.parse(line) as { level?: string; message?: string };
    return entry.level === 'error' && entry.message ? [entry.message] : [];
  } catch {
    return /\bError\b/.test(line) ? [line] : [];
  }
}

function isStartupFailure(line: string): boolean {
  return (
    line.includes('BackendStartupError') ||
    line.includes('threw an error during startup')
  );
}

export async function startBackend(options: {
  simulatorUrl: string;
  services: string[];
  environments: string[];
  ttl: string;
  restingTtl?: string;
  decisionCacheTtl?: string;
  requestDeadline?: string;
  stores: BenchStores;
  /** Names this run's databases and cache namespace (bench/stores.ts). */
  runId: string;
}): Promise<BackendProcess> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-bench-'));
  const catalogFile = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(
    catalogFile,
    [
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-bench\nspec:\n  type: team\n  children: []\n',
      ...options.services.map(
        name =>
          `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    zeroops.io/service-name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/team-bench\n`,
      ),
    ].join('---\n'),
  );
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port },
        ...storesConfig(options.stores, options.runId),
      },
      // The load runs with NODE_ENV=production; the embedded default signs in as guest.
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      catalog: { locations: [{ type: 'file', target: catalogFile }] },
      zeroops: {
        demoData: true,
        environments: options.environments.map(name => ({
          name,
          kind: 'persistent',
          accountId: benchAccountOf(name),
          region: 'us-east-1',
          cluster: `zeroops-${name}`,
        })),
        costExplorer: { accountId: '999999999999', region: 'us-east-1' },
        cache: {
          ttl: options.ttl,
          ...(options.restingTtl !== undefined && {
            restingTtl: options.restingTtl,
          }),
        },
        ...(options.requestDeadline !== undefined && {
          requestDeadline: options.requestDeadline,
        }),
        ...(options.decisionCacheTtl !== undefined && {
          permissions: { decisionCacheTtl: options.decisionCacheTtl },
        }),
      },
    }),
  );
  const logFile = path.join(dir, 'backend.log');
  const child = spawn(
    process.execPath,
    [
      // e.g. ZEROOPS_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile.
      // No --enable-source-maps: the production image runs without it, and keeping every
      // module's source map costs the process memory the RSS figure must not include. Add it
      // here for readable stack traces in backend.log.
      ...(process.env.ZEROOPS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ??
        []),
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AWS_ENDPOINT_URL: options.simulatorUrl,
        AWS_ACCESS_KEY_ID: 'simulator',
        AWS_SECRET_ACCESS_KEY: 'simulator',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = fs.createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const loggedErrors: string[] = [];
  const failed = new Promise<never>((_, reject) => {
    const fail = (why: string) =>
      // Let the log stream flush what the process wrote last.
      setTimeout(() => {
        const text = fs.existsSync(logFile)
          ? fs.readFileSync(logFile, 'utf8')
          : '';
        reject(
          Object.assign(
            new Error(
              `the backend ${why}; full log: ${logFile}\n${startupFailure(
                text,
              )}`,
            ),
            { name: 'BackendStartError' },
          ),
        );
      }, 200);
    child.once('exit', (code, signal) =>
      fail(`exited (${signal ?? `exit code ${code}`})`),
    );
    // A plugin that fails to start does not end the process: Backstage logs
    // BackendStartupError and keeps the other plugins (and their ports) running.
    let pending = '';
    const watch = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      loggedErrors.push(...lines.flatMap(errorMessageOf));
      if (lines.some(isStartupFailure)) fail('failed to start');
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
  });
  // Observed here so that a normal stop at the end is not an unhandled rejection.
  failed.catch(() => undefined);
  return { child, port, dir, logFile, failed, loggedErrors };
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Waits for guest sign-in and the catalog to hold every service; returns the auth header. */
export async function waitUntilReady(
  backend: BackendProcess,
  serviceCount: number,
): Promise<string> {
  const base = `http://127.0.0.1:${backend.port}`;
  const token = await waitFor(
    'the backend (guest sign-in)',
    async () => {
      const res = await fetch(`${base}/api/auth/guest/refresh`);
      if (!res.ok) return undefined;
      const body = (await res.json()) as {
        backstageIdentity?: { token?: string };
      };
      return body.backstageIdentity?.token;
    },
    180_000,
    backend.failed,
  );
  const authHeader = `Bearer ${token}`;
  await waitFor(
    `${serviceCount} catalog entities`,
    async () => {
      const res = await fetch(
        `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
        { headers: { authorization: authHeader } },
      );
      const body = (await res.json()) as { totalItems?: number };
      return (body.totalItems ?? 0) >= serviceCount ? true : undefined;
    },
    // The catalog processes a large file in batches: about a minute per 1,000 entities here.
    180_000 + serviceCount * 120,
    backend.failed,
  );
  return authHeader;
}
