/*
 * An open-loop load driver: requests start at a constant rate whatever the server's latency,
 * and each latency is measured from the moment the request was DUE, not from when a free
 * connection finally sent it. That is how a fleet of browsers behaves, and it keeps the
 * percentiles honest when the server falls behind (no "coordinated omission", as in wrk2).
 *
 * Why not autocannon's `overallRate`: it lets every connection send its share of the second
 * back to back and then pause until the next second, so "500 req/s" arrives as a 500-request
 * burst at the top of each second, and its latency histogram is "corrected" with an interval
 * of 1 ms. The bench keeps autocannon behind `--driver autocannon` for comparison.
 */
import http from 'node:http';

export interface OpenLoopOptions {
  /** e.g. http://127.0.0.1:7007 */
  origin: string;
  /** Request paths (with query), picked uniformly at random per request. */
  paths: string[];
  headers: Record<string, string>;
  /** Requests started per second. */
  rate: number;
  durationSeconds: number;
  /** Keep-alive sockets at most; requests due while all are busy wait (and that counts). */
  maxConnections: number;
  /** A request not answered within this time counts as a timeout. */
  timeoutMs?: number;
  random?: () => number;
}

export interface OpenLoopResult {
  /** Requests due during the run (all of them are sent). */
  sent: number;
  /** Requests answered with 2xx. */
  ok: number;
  non2xx: number;
  /** Socket errors and timeouts. */
  failed: number;
  /** Latencies in ms from the due time of each answered request, sorted ascending. */
  latencies: number[];
  /** Seconds from the first due time to the last answer. */
  seconds: number;
  /** Most requests outstanding at once. */
  maxOutstanding: number;
}

/** The p-th percentile (nearest rank) of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export async function runOpenLoop(
  options: OpenLoopOptions,
): Promise<OpenLoopResult> {
  const url = new URL(options.origin);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.maxConnections,
  });
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = Math.round(options.rate * options.durationSeconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let failed = 0;
  let outstanding = 0;
  let maxOutstanding = 0;
  let lastAnswer = 0;

  const start = performance.now();
  const finished = new Promise<void>(resolve => {
    let settled = 0;
    const settle = () => {
      outstanding--;
      lastAnswer = performance.now();
      if (++settled === total) resolve();
    };
    const fire = (dueAt: number) => {
      outstanding++;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      const path = options.paths[Math.floor(random() * options.paths.length)];
      let done = false;
      const finish = (outcome: 'ok' | 'non2xx' | 'failed') => {
        if (done) return;
        done = true;
        if (outcome === 'failed') {
          failed++;
        } else {
          if (outcome === 'ok') ok++;
          else non2xx++;
          latencies.push(performance.now() - dueAt);
        }
        settle();
      };
      const req = http.get(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path,
          headers: options.headers,
          timeout: timeoutMs,
        },
        res => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            finish(status >= 200 && status < 300 ? 'ok' : 'non2xx');
          });
          res.on('error', () => finish('failed'));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish('failed'));
    };

    let next = 0;
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out, so a late timer never lowers the offered rate.
      const due = Math.min(total, Math.floor((now - start) / intervalMs) + 1);
      while (next < due) {
        fire(start + next * intervalMs);
        next++;
      }
      if (next < total) {
        setTimeout(
          tick,
          Math.max(0, start + next * intervalMs - performance.now()),
        );
      }
    };
    if (total === 0) resolve();
    else tick();
  });

  await finished;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok,
    non2xx,
    failed,
    latencies,
    seconds: (Math.max(lastAnswer, start) - start) / 1000,
    maxOutstanding,
  };
}
