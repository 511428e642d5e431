/*
 * `--breakdown`: each store query of the delivery read path timed on its own, and the DORA
 * computation on the rows it returns, so the figure that dominates a page view is visible.
 */
import {
  buildDoraHistory,
  computeDoraOfHistories,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { DeliveryStore } from '../../src/delivery/store/DeliveryStore';
import { measure, row } from './measure';

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
    row(
      `${label}: environmentStates`,
      await measure(n, () => reader.environmentStates(repositories)),
    );
    row(
      `${label}: pendingApprovals`,
      await measure(n, () => reader.pendingApprovals(repositories)),
    );
    row(
      `${label}: stagingAhead`,
      await measure(n, () => reader.stagingAhead(repositories)),
    );
    row(
      `${label}: lastSyncedAt`,
      await measure(n, () => reader.lastSyncedAt(repositories)),
    );
    const production = () =>
      reader.listDeployments({
        repositories,
        since: new Date(0),
        environment: 'production',
      });
    row(
      `${label}: listDeployments production, all history`,
      await measure(n, production),
    );
    const rows = await production();
    row(
      `${label}: buildDoraHistory (${rows.length} rows)`,
      await measure(n, () => buildDoraHistory(rows)),
    );
    const history = buildDoraHistory(rows);
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
}
