import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { pythonTool } from '../src';

/** A running `moto_server`: every AWS service moto implements, on one port. */
export interface MotoServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `moto_server exited with code ${child.exitCode}:\n${output()}`,
      );
    }
    try {
      // moto's own management API answers once the WSGI app is up.
      const response = await fetch(`${url}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(
    `moto_server did not answer within ${timeoutMs} ms:\n${output()}`,
  );
}

/**
 * Starts moto 5 in server mode on a free port. `env` carries moto's own switches (e.g.
 * `MOTO_ACCOUNT_ID`, the account of base credentials). Boot takes seconds on a loaded machine,
 * hence the generous readiness wait.
 */
export async function startMotoServer(
  env: Record<string, string>,
  readyTimeoutMs = 90_000,
): Promise<MotoServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    pythonTool('moto_server'),
    ['-H', '127.0.0.1', '-p', String(port)],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    // Keep the tail only: every request is logged.
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilReady(url, child, () => log, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
