import os from 'node:os';
import { percentile } from '../openLoopLoad';

/** p50, p95 and p99 in milliseconds of `iterations` runs after a few warm-up runs. */
export async function measure(
  iterations: number,
  run: () => Promise<unknown> | unknown,
): Promise<number[]> {
  for (let i = 0; i < Math.min(10, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return [50, 95, 99].map(p => percentile(samples, p));
}

/** Prints one figure line with the 1-minute load average; with a target, whether p99 meets it. */
export function row(label: string, figures: number[], target?: number) {
  const [p50, p95, p99] = figures.map(f => f.toFixed(2).padStart(8));
  let verdict = '';
  if (target) verdict = figures[2] <= target ? '  meets' : '  MISSES';
  console.log(
    `  ${label.padEnd(58)} p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms${
      target ? `  (target p99 ≤ ${target} ms)${verdict}` : ''
    }  [load ${os.loadavg()[0].toFixed(1)}]`,
  );
}
