/**
 * The demo backend as a child process, the way the smoke tests boot it: `yarn workspace backend
 * start` from the repository root, in a process group of its own so that stopping it ends the
 * whole tree (yarn, the CLI and the backend).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../src';

/** Polls `attempt` every 500 ms until it returns a value; the last error names what failed. */
export async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${lastError ?? 'no result'}`);
}

export interface BackendProcess {
  /** Waits for the readiness endpoint; a failure carries everything the backend printed. */
  waitUntilReady(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export function startBackendProcess(options: {
  port: number;
  /** Arguments after `yarn workspace backend start`. */
  args?: string[];
  env: NodeJS.ProcessEnv;
}): BackendProcess {
  const baseUrl = `http://localhost:${options.port}`;
  const backend: ChildProcess = spawn(
    'yarn',
    ['workspace', 'backend', 'start', ...(options.args ?? [])],
    { cwd: repoRoot, detached: true, env: options.env },
  );
  let output = '';
  backend.stdout?.on('data', chunk => (output += chunk));
  backend.stderr?.on('data', chunk => (output += chunk));

  return {
    async waitUntilReady(timeoutMs) {
      await waitFor(
        'backend readiness',
        async () => {
          if (backend.exitCode !== null) {
            throw new Error(`the backend exited with ${backend.exitCode}`);
          }
          const response = await fetch(
            `${baseUrl}/.backstage/health/v1/readiness`,
          );
          return response.ok ? true : undefined;
        },
        timeoutMs,
      ).catch(error => {
        throw new Error(`${error.message}\n--- backend output ---\n${output}`);
      });
    },
    async stop() {
      if (backend.pid && backend.exitCode === null) {
        process.kill(-backend.pid, 'SIGTERM');
        await new Promise(resolve => backend.once('exit', resolve));
      }
    },
  };
}
