/*
 * `--breakdown`: each store query of the delivery read path timed on its own, the DORA
 * reduction and measure on the rows it returns, and the query plans of the two reads that
 * grow with history, so the figure that dominates a page view is visible.
 */
import {
  buildDoraHistoryOfRecords,
  computeDoraOfHistories,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { DeliveryStore } from '../../src/delivery/store/DeliveryStore';
import { measure, row } from './measure';

/** Prints the plan of the last statement `run` sends (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE). */
async function printPlan(
  knex: Knex,
  label: string,
  run: () => Promise<unknown>,
) {
  let last: { sql: string; bindings: readonly unknown[] } | undefined;
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    last = { sql: query.sql, bindings: query.bindings ?? [] };
  };
  knex.on('query', listener);
  await run();
  knex.off('query', listener);
  if (!last) return;
  const pg = knex.client.config.client === 'pg';
  const explain = pg ? 'EXPLAIN (ANALYZE, COSTS OFF)' : 'EXPLAIN QUERY PLAN';
  // The query event gives PostgreSQL's $n placeholders; knex.raw binds `?`.
  const sql = pg ? last.sql.replace(/\$\d+/g, '?') : last.sql;
  const result = await knex.raw(
    `${explain} ${sql}`,
    last.bindings as Knex.RawBinding[],
  );
  const lines: string[] = pg
    ? result.rows.map((r: Record<string, string>) => r['QUERY PLAN'])
    : result.map((r: { detail: string }) => r.detail);
  console.log(`  plan of ${label}:`);
  for (const line of lines) console.log(`    ${line}`);
}

export async function printBreakdown(
  knex: Knex,
  store: DeliveryStore,
  options: { one: string; many: string[]; iterations: number },
) {
  const reader = store.reader;
  const n = options.iterations;
  console.log('  breakdown (each query alone, from the database):');
  for (const [label, repositories] of [
    ['1 service', [options.one]],
    [`${options.many.length} services`, options.many],
  ] as const) {
    // The reads of a page view, each alone.
    for (const query of [
      'environmentStates',
      'pendingApprovals',
      'stagingAhead',
      'lastSyncedAt',
    ] as const) {
      row(
        `${label}: ${query}`,
        await measure(n, () => reader[query](repositories)),
      );
    }
    row(
      `${label}: listDeployments production (all columns)`,
      await measure(Math.ceil(n / 3), () =>
        reader.listDeployments({
          repositories,
          since: new Date(0),
          environment: 'production',
        }),
      ),
    );
    const records = () => reader.doraRecords(repositories, 'production');
    row(
      `${label}: doraRecords production (DORA columns)`,
      await measure(n, records),
    );
    const rows = await records();
    row(
      `${label}: buildDoraHistoryOfRecords (${rows.length} rows)`,
      await measure(n, () => buildDoraHistoryOfRecords(rows)),
    );
    const history = buildDoraHistoryOfRecords(rows);
    row(
      `${label}: computeDoraOfHistories 90 d`,
      await measure(n, () =>
        computeDoraOfHistories({
          histories: [history],
          now: Date.now(),
          windowDays: 90,
        }),
      ),
    );
  }
  await printPlan(knex, 'doraRecords (1 service)', () =>
    reader.doraRecords([options.one], 'production'),
  );
  await printPlan(knex, 'environmentStates deployments (1 service)', () =>
    reader.environmentStates([options.one]),
  );
}
