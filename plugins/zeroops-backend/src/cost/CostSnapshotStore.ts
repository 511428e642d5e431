import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migrateToLatest } from '../database/migrateToLatest';
import { chunk } from '../lib/chunk';
import { BudgetLine, CostLine } from './costAggregation';
import { FinalCoverage } from './costWindows';

/** Successful snapshots kept; older ones (and their lines) are deleted. */
const KEEP_SUCCESSFUL = 3;
/** Rows per INSERT, below SQLite's bound-variable limit. */
const INSERT_CHUNK = 100;

/** Metadata of one refresh. */
export interface CostRefresh {
  id: number;
  accountId: string;
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  error?: string;
  snapshotDate?: string;
  currency?: string;
  metric?: string;
  costExplorerRequests: number;
  forecastTotal?: number;
  forecastMethod?: 'run-rate' | 'cost-explorer';
  /** What the snapshot holds as final; absent on snapshots older than this field. */
  coverage?: FinalCoverage;
}

/** What a successful refresh stores. */
export interface CostSnapshot {
  accountId: string;
  startedAt: Date;
  finishedAt: Date;
  snapshotDate: string;
  currency: string;
  metric: string;
  costExplorerRequests: number;
  forecastTotal?: number;
  forecastMethod: 'run-rate' | 'cost-explorer';
  coverage: FinalCoverage;
  lines: CostLine[];
  budgets: BudgetLine[];
}

interface RefreshRow {
  id: number;
  account_id: string;
  started_at: Date | string | number;
  finished_at: Date | string | number;
  status: string;
  error: string | null;
  snapshot_date: string | null;
  currency: string | null;
  metric: string | null;
  cost_explorer_requests: number | string;
  forecast_total: number | string | null;
  forecast_method: string | null;
  days_final_through: string | null;
  months_final_through: string | null;
}

function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function toRefresh(row: RefreshRow): CostRefresh {
  return {
    id: Number(row.id),
    accountId: row.account_id,
    startedAt: toIso(row.started_at),
    finishedAt: toIso(row.finished_at),
    status: row.status === 'succeeded' ? 'succeeded' : 'failed',
    error: row.error ?? undefined,
    snapshotDate: row.snapshot_date ?? undefined,
    currency: row.currency ?? undefined,
    metric: row.metric ?? undefined,
    costExplorerRequests: Number(row.cost_explorer_requests),
    forecastTotal:
      row.forecast_total === null ? undefined : Number(row.forecast_total),
    forecastMethod:
      row.forecast_method === 'cost-explorer' ? 'cost-explorer' : 'run-rate',
    coverage: row.days_final_through
      ? {
          daysFinalThrough: row.days_final_through,
          monthsFinalThrough: row.months_final_through ?? undefined,
        }
      : undefined,
  };
}

/**
 * The tables of a snapshot's rows, each row keyed by its refresh's `refresh_id`: written with
 * the refresh, deleted with it when pruned.
 */
const SNAPSHOT_ROW_TABLES = ['zeroops_cost_lines', 'zeroops_budgets'] as const;

/** A snapshot's rows per table, without their `refresh_id`. */
function snapshotRows(
  snapshot: CostSnapshot,
): Record<(typeof SNAPSHOT_ROW_TABLES)[number], object[]> {
  return {
    zeroops_cost_lines: snapshot.lines.map(line => ({
      service: line.service,
      environment: line.environment,
      granularity: line.granularity,
      period_start: line.periodStart,
      amount: line.amount,
    })),
    zeroops_budgets: snapshot.budgets.map(budget => ({
      name: budget.name,
      service: budget.service,
      environment: budget.environment ?? null,
      limit_amount: budget.limit,
      actual: budget.actual,
      forecast: budget.forecast ?? null,
      currency: budget.currency,
    })),
  };
}

/**
 * Cost snapshots in the plugin database (SQLite, PostgreSQL or MySQL through knex). Written
 * only by the scheduled refresh; read by every page view, which therefore never calls Cost
 * Explorer.
 */
export class CostSnapshotStore {
  static async create(database: DatabaseService): Promise<CostSnapshotStore> {
    return new CostSnapshotStore(await migrateToLatest(database));
  }

  constructor(private readonly db: Knex) {}

  /** Stores a snapshot atomically; readers see either the old or the new one. */
  async saveSnapshot(snapshot: CostSnapshot): Promise<number> {
    return this.db.transaction(async trx => {
      const [inserted] = await trx('zeroops_cost_refreshes')
        .insert({
          account_id: snapshot.accountId,
          started_at: snapshot.startedAt,
          finished_at: snapshot.finishedAt,
          status: 'succeeded',
          snapshot_date: snapshot.snapshotDate,
          currency: snapshot.currency,
          metric: snapshot.metric,
          cost_explorer_requests: snapshot.costExplorerRequests,
          forecast_total: snapshot.forecastTotal ?? null,
          forecast_method: snapshot.forecastMethod,
          days_final_through: snapshot.coverage.daysFinalThrough,
          months_final_through: snapshot.coverage.monthsFinalThrough ?? null,
        })
        .returning('id');
      const refreshId = Number(
        typeof inserted === 'object' ? inserted.id : inserted,
      );
      const rows = snapshotRows(snapshot);
      for (const table of SNAPSHOT_ROW_TABLES) {
        await insertInChunks(
          trx,
          table,
          rows[table].map(row => ({ refresh_id: refreshId, ...row })),
        );
      }
      await this.prune(trx, refreshId);
      return refreshId;
    });
  }

  /** Records a failed refresh so the API can say when and why cost is stale. */
  async recordFailure(failure: {
    accountId: string;
    startedAt: Date;
    finishedAt: Date;
    error: string;
    costExplorerRequests: number;
  }): Promise<void> {
    await this.db('zeroops_cost_refreshes').insert({
      account_id: failure.accountId,
      started_at: failure.startedAt,
      finished_at: failure.finishedAt,
      status: 'failed',
      error: failure.error.slice(0, 4000),
      cost_explorer_requests: failure.costExplorerRequests,
    });
  }

  async latestSuccessful(): Promise<CostRefresh | undefined> {
    const row = await this.db<RefreshRow>('zeroops_cost_refreshes')
      .where({ status: 'succeeded' })
      .orderBy('id', 'desc')
      .first();
    return row ? toRefresh(row) : undefined;
  }

  async latestAttempt(): Promise<CostRefresh | undefined> {
    const row = await this.db<RefreshRow>('zeroops_cost_refreshes')
      .orderBy('id', 'desc')
      .first();
    return row ? toRefresh(row) : undefined;
  }

  /** Every refresh, oldest first (tests and diagnostics). */
  async listRefreshes(): Promise<CostRefresh[]> {
    const rows = await this.db<RefreshRow>('zeroops_cost_refreshes').orderBy(
      'id',
      'asc',
    );
    return rows.map(toRefresh);
  }

  async linesOf(refreshId: number): Promise<CostLine[]> {
    const rows = await this.db('zeroops_cost_lines')
      .where({ refresh_id: refreshId })
      .select(
        'service',
        'environment',
        'granularity',
        'period_start',
        'amount',
      );
    return rows.map(row => ({
      service: row.service,
      environment: row.environment,
      granularity: row.granularity === 'MONTHLY' ? 'MONTHLY' : 'DAILY',
      periodStart: row.period_start,
      amount: Number(row.amount),
    }));
  }

  async budgetsOf(refreshId: number): Promise<BudgetLine[]> {
    const rows = await this.db('zeroops_budgets').where({
      refresh_id: refreshId,
    });
    return rows.map(row => ({
      name: row.name,
      service: row.service,
      environment: row.environment ?? undefined,
      limit: Number(row.limit_amount),
      actual: Number(row.actual),
      forecast: row.forecast === null ? undefined : Number(row.forecast),
      currency: row.currency,
    }));
  }

  private async prune(trx: Knex.Transaction, newestId: number) {
    const keep = await trx('zeroops_cost_refreshes')
      .where({ status: 'succeeded' })
      .orderBy('id', 'desc')
      .limit(KEEP_SUCCESSFUL)
      .pluck('id');
    const oldestKept = Math.min(newestId, ...keep.map(Number));
    const stale = trx('zeroops_cost_refreshes')
      .where('id', '<', oldestKept)
      .select('id');
    // Explicit deletes: SQLite does not enforce ON DELETE CASCADE unless foreign keys are on.
    for (const table of SNAPSHOT_ROW_TABLES) {
      await trx(table).whereIn('refresh_id', stale.clone()).delete();
    }
    await trx('zeroops_cost_refreshes').where('id', '<', oldestKept).delete();
  }
}

/** Inserts `rows` with one multi-row INSERT per {@link INSERT_CHUNK} rows. */
async function insertInChunks(
  trx: Knex.Transaction,
  table: string,
  rows: object[],
): Promise<void> {
  for (const part of chunk(rows, INSERT_CHUNK)) {
    await trx(table).insert(part);
  }
}
