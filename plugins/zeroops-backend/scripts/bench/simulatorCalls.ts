/* The simulator's call counters, as seen by the benchmark (in-process or over HTTP). */
import type { CounterSnapshot } from '@zeroops/aws-simulator';

export interface SimulatorHandle {
  url: string;
  counters(): Promise<CounterSnapshot>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** A simulator started elsewhere, reached through its control API. */
export async function externalSimulator(url: string): Promise<SimulatorHandle> {
  return {
    url,
    counters: async () =>
      (await (
        await fetch(`${url}/_simulator/counters`)
      ).json()) as CounterSnapshot,
    reset: async () => {
      await fetch(`${url}/_simulator/counters`, { method: 'DELETE' });
    },
    stop: async () => undefined,
  };
}

/** `service:Operation` → calls made between two snapshots, sorted by name. */
export function callsByOperation(
  before: CounterSnapshot,
  after: CounterSnapshot,
): Array<[string, number]> {
  const key = (o: { service: string; operation: string }) =>
    `${o.service}:${o.operation}`;
  const counts = new Map<string, number>();
  for (const o of after.operations)
    counts.set(key(o), (counts.get(key(o)) ?? 0) + o.calls);
  for (const o of before.operations)
    counts.set(key(o), (counts.get(key(o)) ?? 0) - o.calls);
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}
