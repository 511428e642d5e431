import { type ServerResponse, createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { listen, mulberry32, readBody } from '@zeroops/simulator-kit';
import {
  type CallFilter,
  type CounterSnapshot,
  Counters,
} from './control/Counters.ts';
import {
  type FaultRule,
  FaultInjector,
  parseFaultRules,
} from './control/faults.ts';
import { CONTROL_PREFIX, handleControlRequest } from './http/controlApi.ts';
import { dispatchAwsRequest } from './http/dispatchAwsRequest.ts';
import { CredentialStore } from './identity/CredentialStore.ts';
import type { HttpReply } from './protocols/HttpReply.ts';
import { buildWorld } from './scenario/buildWorld.ts';
import { loadScenario } from './scenario/loadScenario.ts';
import {
  type ScenarioSummary,
  summarizeWorld,
} from './scenario/summarizeWorld.ts';
import type { ScenarioDocument } from './scenario/types.ts';
import { validateScenario } from './scenario/validateScenario.ts';
import { SERVICES, simulatedOperations } from './services/registry.ts';

/** @public */
export interface StartAwsSimulatorOptions {
  /** A scenario object, a bundled scenario name (`demo`) or a YAML file path. Default `demo`. */
  scenario?: ScenarioDocument | string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** The simulator's clock (tests pin it). Default the system clock. */
  now?: () => Date;
  /** Overrides the scenario seed. */
  seed?: number;
  /** Receives operational messages (unexpected handler errors). */
  log?: (message: string) => void;
}

/** A running simulator. @public */
export interface AwsSimulator {
  /** Base URL for `AWS_ENDPOINT_URL`, e.g. `http://127.0.0.1:4599`. */
  url: string;
  port: number;
  stop(): Promise<void>;
  counters(): CounterSnapshot;
  /** Calls matching the filter, e.g. `{ operation: 'DescribeServices' }`. */
  callCount(filter?: CallFilter): number;
  resetCounters(): void;
  /** Replaces the active fault rules. */
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  /** Names and ids of the simulated resources. */
  scenario(): ScenarioSummary;
}

function send(response: ServerResponse, reply: HttpReply): void {
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-length': String(Buffer.byteLength(reply.body)),
  });
  response.end(reply.body);
}

/**
 * Starts the simulator and resolves once it listens.
 *
 * @public
 */
export async function startAwsSimulator(
  options: StartAwsSimulatorOptions = {},
): Promise<AwsSimulator> {
  const now = options.now ?? (() => new Date());
  const document =
    typeof options.scenario === 'object'
      ? validateScenario(options.scenario)
      : await loadScenario(options.scenario ?? 'demo');
  const world = buildWorld(document, { seed: options.seed, now: now() });
  const counters = new Counters();
  const faults = new FaultInjector(
    parseFaultRules(document.faults ?? []),
    mulberry32(world.seed),
  );
  const credentials = new CredentialStore(world.defaultAccount);
  const operations = simulatedOperations();
  const summary = () => summarizeWorld(world, operations);
  const startedAt = new Date();
  const shutdown = new AbortController();
  const heldTimers = new Set<NodeJS.Timeout>();

  const sleep = async (ms: number) => {
    try {
      await delay(ms, undefined, { signal: shutdown.signal });
    } catch {
      // stopped while sleeping: the socket is being destroyed anyway
    }
  };

  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    readBody(request, () => new Error('request body too large'))
      .then(async body => {
        if (path.startsWith(CONTROL_PREFIX)) {
          send(
            response,
            handleControlRequest(request.method ?? 'GET', path, body, {
              counters,
              faults,
              summary,
              startedAt,
            }),
          );
          return;
        }
        const outcome = await dispatchAwsRequest(
          {
            method: request.method ?? 'GET',
            path,
            headers: request.headers,
            body,
          },
          {
            world,
            credentials,
            counters,
            faults,
            services: SERVICES,
            now,
            sleep,
            log: options.log,
          },
        );
        if (shutdown.signal.aborted) return;
        if (outcome.kind === 'timeout') {
          // Like a hung endpoint: keep the socket open past the client's timeout, then drop it.
          const timer = setTimeout(() => {
            heldTimers.delete(timer);
            request.socket.destroy();
          }, outcome.holdMs);
          heldTimers.add(timer);
          return;
        }
        send(response, outcome.reply);
      })
      .catch(error => {
        options.log?.(`request failed: ${String(error)}`);
        if (!response.headersSent) {
          send(response, {
            status: 500,
            headers: { 'content-type': 'text/plain' },
            body: 'simulator error',
          });
        }
      });
  });
  server.keepAliveTimeout = 30_000;

  const { url, port } = await listen(server, options);

  return {
    url,
    port,
    async stop() {
      shutdown.abort();
      for (const timer of heldTimers) clearTimeout(timer);
      heldTimers.clear();
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    counters: () => counters.snapshot(),
    callCount: filter => counters.count(filter),
    resetCounters: () => counters.reset(),
    setFaults: rules => faults.replace(parseFaultRules(rules)),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    scenario: summary,
  };
}
