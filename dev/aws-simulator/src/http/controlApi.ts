import { isError } from '@backstage/errors';
import type { Counters } from '../control/Counters.ts';
import { type FaultInjector, parseFaultRules } from '../control/faults.ts';
import type { HttpReply } from '../protocols/HttpReply.ts';
import type { ScenarioSummary } from '../scenario/summarizeWorld.ts';

/**
 * The control API under `/_simulator/`: health, call counters, fault injection and the
 * resolved scenario. It is plain JSON and needs no signature.
 */

export const CONTROL_PREFIX = '/_simulator/';

export interface ControlDependencies {
  counters: Counters;
  faults: FaultInjector;
  summary: () => ScenarioSummary;
  startedAt: Date;
}

function json(status: number, value: unknown): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}

function noContent(): HttpReply {
  return { status: 204, headers: {}, body: '' };
}

export function handleControlRequest(
  method: string,
  path: string,
  body: string,
  deps: ControlDependencies,
): HttpReply {
  const route = path
    .split('?')[0]
    .slice(CONTROL_PREFIX.length)
    .replace(/\/$/, '');
  const key = `${method} ${route}`;
  switch (key) {
    case 'GET health': {
      const summary = deps.summary();
      return json(200, {
        status: 'ok',
        scenario: summary.name,
        seed: summary.seed,
        startedAt: deps.startedAt.toISOString(),
        uptimeSeconds: Math.round(
          (Date.now() - deps.startedAt.getTime()) / 1000,
        ),
        // Resident memory of the whole process: what "uses under 100 MB" is measured against.
        rssBytes: process.memoryUsage.rss(),
      });
    }
    case 'GET counters':
      return json(200, deps.counters.snapshot());
    case 'DELETE counters':
      deps.counters.reset();
      return noContent();
    case 'GET faults':
      return json(200, { faults: deps.faults.list() });
    case 'PUT faults': {
      try {
        const parsed: unknown = body.trim() === '' ? [] : JSON.parse(body);
        const rules = parseFaultRules(
          Array.isArray(parsed)
            ? parsed
            : (parsed as { faults?: unknown })?.faults,
        );
        deps.faults.replace(rules);
        return json(200, { faults: deps.faults.list() });
      } catch (error) {
        return json(400, {
          error: isError(error) ? error.message : String(error),
          expected:
            '{"faults":[{"service":"ecs","operation":"DescribeServices","throttleRate":1}]}',
        });
      }
    }
    case 'DELETE faults':
      deps.faults.clear();
      return noContent();
    case 'GET scenario':
      return json(200, deps.summary());
    default:
      return json(404, {
        error: `${method} ${path} is not a control API endpoint`,
        endpoints: [
          'GET /_simulator/health',
          'GET /_simulator/counters',
          'DELETE /_simulator/counters',
          'GET /_simulator/faults',
          'PUT /_simulator/faults',
          'DELETE /_simulator/faults',
          'GET /_simulator/scenario',
        ],
      });
  }
}
