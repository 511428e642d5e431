/*
 * The scale targets of the warm phase: what a user waits for (p99 at the offered rate), what
 * the backend costs to run (RSS) and what it costs in AWS calls (per cache TTL, against one
 * DescribeServices per 10 services and environment).
 */
import type { PhaseResult } from './phases';
import { printTargets } from './report';

export const WARM_P99_TARGET_MS = 200;
export const RSS_TARGET_MB = 1024;

export function printScaleTargets(options: {
  services: number;
  environments: number;
  ttlSeconds: number;
  rate: number;
  warm: PhaseResult;
  warmCalls: Array<[string, number]>;
  rssMb?: number;
}) {
  const { warm, warmCalls, ttlSeconds } = options;
  const perTtl = (calls: number) => (calls * ttlSeconds) / warm.seconds;
  const total = warmCalls.reduce((n, [, calls]) => n + calls, 0);
  const describe =
    warmCalls.find(([op]) => op === 'ecs:DescribeServices')?.[1] ?? 0;
  const bound = (options.services * options.environments) / 10;
  printTargets(
    `Scale targets (${options.services} services × ${options.environments} environments, ${options.rate} req/s, TTL ${ttlSeconds} s)`,
    [
      {
        what: `warm p99 at ${options.rate} req/s`,
        value: warm.p99,
        limit: WARM_P99_TARGET_MS,
        unit: 'ms',
      },
      ...(options.rssMb !== undefined
        ? [
            {
              what: 'backend peak RSS',
              value: options.rssMb,
              limit: RSS_TARGET_MB,
              unit: 'MB',
            },
          ]
        : []),
      {
        what: 'AWS calls per TTL, all operations',
        value: perTtl(total),
        limit: bound,
        unit: 'calls',
      },
      {
        what: 'DescribeServices per TTL',
        value: perTtl(describe),
        limit: bound,
        unit: 'calls',
      },
    ],
  );
}
