/*
 * Benchmark of the delivery reads (`yarn bench:delivery`). Prints figures; asserts nothing.
 *
 * Seeds the delivery store (the real DeliveryStore, migrations included) in a SQLite file under
 * .zeroops/ and, when reachable, in a PostgreSQL database on 127.0.0.1:5432, with
 *   (a) one service with 90 days of history (about 4 changes a day), and
 *   (b) 200 services with a year of history (about 50,000 deployments in all),
 * mixing staging, production and pull-request deployments, failures, re-runs, hotfixes and ECS
 * rollbacks. Then it measures, through the real DeliveryReadService (and through HTTP on the
 * plugin's router), p50/p95/p99 of
 *   - DORA of one service over 90 days (target p99 ≤ 50 ms), and
 *   - the delivery overview of 200 services (target p99 ≤ 300 ms),
 * each warm (production history cached per repository, the normal case: it is read again only
 * when the repository was synced) and cold (every request reads the database). It prints the
 * GitHub request budget per hour for 10/50/200 repositories and counts the requests that left
 * the process during the page views (GitHub's must be 0: page views read the database only).
 *
 * The history is written in bulk (scripts/benchDelivery/seed.ts: the rows the store's write path
 * leaves, multi-row inserts; seconds instead of minutes), then ANALYZEd. Every figure line ends
 * with the 1-minute load average (the box is shared: read figures next to it).
 *
 * Options: --services 200 --deployments 50000 --iterations 300 --postgres auto|on|off
 *          --breakdown (each read-path query and the DORA computation alone, and query plans)
 */
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type {
  BackstageCredentials,
  DatabaseService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { CatalogServiceIndex } from '../src/catalog/CatalogServiceIndex';
import { deliveryRequestBudget } from '../src/delivery/ingest/requestBudget';
import { DeliveryReadService } from '../src/delivery/read/DeliveryReadService';
import { DeliveryStore } from '../src/delivery/store/DeliveryStore';
import { createRouter } from '../src/service/createRouter';
import { EntityResolver } from '../src/service/EntityResolver';
import { ZeroOpsReadService } from '../src/service/ZeroOpsReadService';
import { printBreakdown } from './benchDelivery/breakdown';
import { measure, row } from './benchDelivery/measure';
import { generateRepository, seedRepositories } from './benchDelivery/seed';
import { componentEntity } from '../src/__testUtils__/componentEntity';

const ROOT = path.resolve(__dirname, '../../..');

const { values: args } = parseArgs({
  options: {
    services: { type: 'string', default: '200' },
    deployments: { type: 'string', default: '50000' },
    iterations: { type: 'string', default: '300' },
    postgres: { type: 'string', default: 'auto' },
    breakdown: { type: 'boolean', default: false },
  },
});

/** The 1, 5 and 15 minute load averages, printed next to the figures (the box is shared). */
function loadAverage() {
  return os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
}

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
} as unknown as BackstageCredentials;

function entityOf(index: number): Entity {
  const name = `svc-${String(index).padStart(3, '0')}`;
  return componentEntity(
    name,
    {
      'zeroops.io/service-name': name,
      'github.com/project-slug': `bench/${name}`,
    },
    { type: 'service', owner: `team-${index % 20}` },
  );
}

/** The catalog's two reads the service makes, over a fixed list (the bench measures ours). */
function catalogOf(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [`component:default/${e.metadata.name}`, e]),
  );
  return {
    getEntities: async () => ({ items: entities }),
    getEntityByRef: async (ref: string) => byRef.get(ref),
  } as unknown as CatalogService;
}

function readService(
  records: DeliveryStore['reader'],
  entities: Entity[],
  historyTtlMs: number,
) {
  const catalog = catalogOf(entities);
  const auth = { getOwnServiceCredentials: async () => credentials } as never;
  const permissions: PermissionsService = {
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async () => [],
  };
  return new DeliveryReadService({
    enabled: true,
    permissions,
    entities: new EntityResolver(catalog, auth),
    index: new CatalogServiceIndex(catalog, auth),
    records,
    demoData: false,
    historyTtlMs,
  });
}

/** Counts requests leaving the process for any host but this machine's. */
function countOutboundRequests() {
  const hosts: string[] = [];
  const local = (host?: string | null) =>
    !host || host === 'localhost' || host.startsWith('127.') || host === '::1';
  for (const mod of [http, https]) {
    const original = mod.request;
    (mod as { request: unknown }).request = (...a: unknown[]) => {
      const target = a[0] as string | URL | http.RequestOptions;
      const host =
        typeof target === 'string'
          ? new URL(target).hostname
          : (target as URL).hostname ?? (target as http.RequestOptions).host;
      if (!local(host)) hosts.push(String(host));
      return (original as (...x: unknown[]) => http.ClientRequest)(...a);
    };
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!local(url.hostname)) hosts.push(url.hostname);
    return originalFetch(input, init);
  };
  return hosts;
}

async function benchDatabase(label: string, knex: Knex) {
  const services = Number(args.services);
  const iterations = Number(args.iterations);
  const now = Date.now();
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as unknown as DatabaseService;
  const store = await DeliveryStore.create(database);

  console.log(`\n${label}`);
  let t = Date.now();
  const single = await seedRepositories(
    knex,
    [
      {
        repository: 'bench/one-service',
        seeded: generateRepository('bench/one-service', {
          days: 90,
          changesPerDay: 4,
          now,
          seed: 9999,
        }),
      },
    ],
    now,
  );
  // About 2.85 deployments per change (pull request, staging, production, re-runs).
  const changesPerDay = Number(args.deployments) / services / 365 / 2.85;
  const many = await seedRepositories(
    knex,
    Array.from({ length: services }, (_, i) => {
      const repository = `bench/${entityOf(i).metadata.name}`;
      return {
        repository,
        seeded: generateRepository(repository, {
          days: 365,
          changesPerDay,
          now,
          seed: i + 1,
        }),
      };
    }),
    now,
  );
  console.log(
    `  seeded (a) 1 service × 90 days = ${single} deployments, (b) ${services} services × 365 days = ${many} deployments in ${(
      (Date.now() - t) /
      1000
    ).toFixed(1)} s (load average ${loadAverage()})`,
  );
  // A live database has planner statistics (autovacuum keeps them); a bulk-loaded one has none
  // until ANALYZE, and PostgreSQL then plans a nested loop over 20,000 rows.
  await knex.raw('ANALYZE');
  if (args.breakdown) {
    await printBreakdown(knex, store, {
      one: 'bench/one-service',
      many: Array.from(
        { length: services },
        (_, i) => `bench/${entityOf(i).metadata.name}`,
      ),
      iterations,
    });
  }

  const oneService: Entity = {
    ...entityOf(0),
    metadata: {
      name: 'one-service',
      namespace: 'default',
      annotations: {
        'zeroops.io/service-name': 'one-service',
        'github.com/project-slug': 'bench/one-service',
      },
    },
  };
  const entities = Array.from({ length: services }, (_, i) => entityOf(i));
  const warm = readService(store.reader, [oneService, ...entities], 60_000);
  const cold = readService(store.reader, [oneService, ...entities], 0);
  const ref = 'component:default/one-service';
  const overviewOnly = readService(store.reader, entities, 60_000);
  const overviewCold = readService(store.reader, entities, 0);

  t = Date.now();
  row(
    'DORA, 1 service, 90 days (warm: history cached)',
    await measure(iterations * 10, () => warm.entityDora(ref, 90, credentials)),
    50,
  );
  row(
    'DORA, 1 service, 90 days (cold: database every time)',
    await measure(iterations * 3, () => cold.entityDora(ref, 90, credentials)),
    50,
  );
  row(
    `Overview, ${services} services, 90 days (warm)`,
    await measure(iterations, () => overviewOnly.overview(90, credentials)),
    300,
  );
  row(
    `Overview, ${services} services, 30 days (warm)`,
    await measure(iterations, () => overviewOnly.overview(30, credentials)),
    300,
  );
  row(
    `Overview, ${services} services, 90 days (cold)`,
    await measure(iterations, () => overviewCold.overview(90, credentials)),
    300,
  );

  // Through HTTP: the plugin's router (OpenAPI request validation) on a local port.
  const httpAuth = {
    credentials: async () => credentials,
  } as unknown as HttpAuthService;
  const doraServer = await serveRouter(httpAuth, warm);
  row(
    'HTTP GET /entities/component/default/one-service/dora',
    await measure(iterations * 3, () =>
      doraServer.get('/entities/component/default/one-service/dora?window=90'),
    ),
    50,
  );
  const overviewServer = await serveRouter(httpAuth, overviewOnly);
  row(
    `HTTP GET /delivery/overview?window=90 (${services} services)`,
    await measure(iterations, () =>
      overviewServer.get('/delivery/overview?window=90'),
    ),
    300,
  );
  doraServer.close();
  overviewServer.close();
  return (Date.now() - t) / 1000;
}

/** The plugin's router over `delivery` on a local port, and a GET that fails on an error status. */
async function serveRouter(
  httpAuth: HttpAuthService,
  delivery: DeliveryReadService,
) {
  const router = await createRouter({
    httpAuth,
    reads: {} as ZeroOpsReadService,
    delivery,
  });
  const server = express().use(router).listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: async (p: string) => {
      const res = await fetch(`${base}${p}`);
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close: () => server.close(),
  };
}

async function postgres(): Promise<Knex | undefined> {
  if (args.postgres === 'off') return undefined;
  const admin = knexFactory({
    client: 'pg',
    connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
  });
  try {
    await admin.raw('DROP DATABASE IF EXISTS zeroops_bench_delivery');
    await admin.raw('CREATE DATABASE zeroops_bench_delivery');
  } catch (error) {
    if (args.postgres === 'on') throw error;
    console.log(`\nPostgreSQL not reachable (${error}); skipped`);
    return undefined;
  } finally {
    await admin.destroy();
  }
  return knexFactory({
    client: 'pg',
    connection: {
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'zeroops_bench_delivery',
    },
  });
}

async function main() {
  const outbound = countOutboundRequests();
  const dir = path.join(ROOT, '.zeroops');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench-delivery.sqlite');
  fs.rmSync(file, { force: true });
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const viewsBefore = outbound.length;
  await benchDatabase(`SQLite (${path.relative(ROOT, file)})`, sqlite);
  await sqlite.destroy();
  const pg = await postgres();
  if (pg) {
    await benchDatabase(
      'PostgreSQL (127.0.0.1:5432/zeroops_bench_delivery)',
      pg,
    );
    await pg.destroy();
  }
  const github = outbound
    .slice(viewsBefore)
    .filter(host => host.includes('github'));
  console.log(
    `\nRequests to GitHub during all page views above: ${
      github.length
    } (requests to any other host: ${
      outbound.length - viewsBefore - github.length
    })`,
  );

  console.log(
    '\nGitHub request budget (deliveryRequestBudget; reconcile every 15 min, 6 deployments, 2 production changes and 1 approval per repository and day; independent of page views):',
  );
  for (const repositories of [10, 50, 200]) {
    const budget = deliveryRequestBudget({ repositories, intervalMinutes: 15 });
    console.log(
      `  ${String(repositories).padStart(3)} repositories: ${String(
        budget.requestsPerHour,
      ).padStart(5)} requests/hour sent, ${String(
        budget.rateLimitedPerHour,
      ).padStart(4)} count against the 5,000/hour limit`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
