import {
  BudgetState,
  EntityCostResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ServiceTarget } from '../catalog/serviceTargets';
import {
  BudgetLine,
  budgetState,
  CostFigures,
  CostLine,
  serviceCost,
} from './costAggregation';
import { CostRefresh, CostSnapshotStore } from './CostSnapshotStore';

/** How long an instance trusts its view of "the latest snapshot" before asking the DB. */
const SNAPSHOT_CHECK_MS = 5_000;

interface LoadedSnapshot {
  refresh: CostRefresh;
  linesByService: Map<string, CostLine[]>;
  budgetsByService: Map<string, BudgetLine[]>;
  figures: Map<string, ReturnType<typeof serviceCost>>;
}

/** Cost of a service in the overview. */
export interface ServiceCostSummary {
  monthToDate: number;
  forecast: CostFigures['forecast'];
  budget?: BudgetState;
  /** Month to date per environment instance. */
  environments: Map<string, number>;
}

/**
 * Serves cost from the newest snapshot in the database. Lines are aggregated once per
 * snapshot and instance, then reused for every view until a newer snapshot appears.
 */
export class CostService {
  private snapshot?: {
    checkedAt: number;
    value: Promise<LoadedSnapshot | undefined>;
  };

  constructor(
    private readonly store: CostSnapshotStore,
    private readonly options: {
      enabled: boolean;
      budgetWarningPercent: number;
      persistentEnvironments: string[];
      demoData: boolean;
      now?: () => number;
    },
  ) {}

  async forService(target: ServiceTarget): Promise<EntityCostResponse> {
    const snapshot = await this.current();
    const base = {
      entityRef: target.entityRef,
      serviceName: target.serviceName,
      demoData: this.options.demoData,
    };
    if (!snapshot) {
      return {
        ...base,
        currency: 'USD',
        monthToDate: 0,
        forecast: { amount: 0, method: 'run-rate' },
        months: [],
        days: [],
        environments: [],
        lastRefreshedAt: null,
      };
    }
    const figures = this.figuresOf(snapshot, target.serviceName);
    return {
      ...base,
      currency: snapshot.refresh.currency ?? 'USD',
      monthToDate: figures.monthToDate,
      forecast: figures.forecast,
      months: figures.months,
      days: figures.days,
      environments: figures.environments,
      budget: this.budgetOf(snapshot, target.serviceName),
      lastRefreshedAt: snapshot.refresh.finishedAt,
    };
  }

  /** Cost per service for the overview, plus the snapshot's time and total forecast. */
  async summaries(serviceNames: readonly string[]): Promise<{
    byService: Map<string, ServiceCostSummary>;
    lastRefreshedAt: string | null;
    currency: string;
    totalForecast?: { amount: number; method: 'run-rate' | 'cost-explorer' };
  }> {
    const snapshot = await this.current();
    const byService = new Map<string, ServiceCostSummary>();
    if (!snapshot) {
      return { byService, lastRefreshedAt: null, currency: 'USD' };
    }
    for (const name of new Set(serviceNames)) {
      const figures = this.figuresOf(snapshot, name);
      byService.set(name, {
        monthToDate: figures.monthToDate,
        forecast: figures.forecast,
        budget: this.budgetOf(snapshot, name),
        environments: new Map(
          figures.environments.map(e => [e.environment, e.monthToDate]),
        ),
      });
    }
    const { forecastTotal, forecastMethod } = snapshot.refresh;
    return {
      byService,
      lastRefreshedAt: snapshot.refresh.finishedAt,
      currency: snapshot.refresh.currency ?? 'USD',
      totalForecast:
        forecastMethod === 'cost-explorer' && forecastTotal !== undefined
          ? { amount: forecastTotal, method: 'cost-explorer' }
          : undefined,
    };
  }

  private figuresOf(snapshot: LoadedSnapshot, service: string) {
    let figures = snapshot.figures.get(service);
    if (!figures) {
      figures = serviceCost(
        snapshot.linesByService.get(service) ?? [],
        snapshot.refresh.snapshotDate ??
          snapshot.refresh.finishedAt.slice(0, 10),
        this.options.persistentEnvironments,
      );
      snapshot.figures.set(service, figures);
    }
    return figures;
  }

  private budgetOf(
    snapshot: LoadedSnapshot,
    service: string,
  ): BudgetState | undefined {
    const budget = (snapshot.budgetsByService.get(service) ?? []).find(
      b => b.environment === undefined,
    );
    return budget
      ? budgetState(budget, this.options.budgetWarningPercent)
      : undefined;
  }

  private current(): Promise<LoadedSnapshot | undefined> {
    if (!this.options.enabled) return Promise.resolve(undefined);
    const now = this.options.now ? this.options.now() : Date.now();
    if (this.snapshot && now - this.snapshot.checkedAt < SNAPSHOT_CHECK_MS) {
      return this.snapshot.value;
    }
    const previous = this.snapshot?.value;
    const value = (async () => {
      const refresh = await this.store.latestSuccessful();
      if (!refresh) return undefined;
      const old = await previous?.catch(() => undefined);
      if (old && old.refresh.id === refresh.id) return old;
      const [lines, budgets] = await Promise.all([
        this.store.linesOf(refresh.id),
        this.store.budgetsOf(refresh.id),
      ]);
      const linesByService = new Map<string, CostLine[]>();
      for (const line of lines) {
        const list = linesByService.get(line.service) ?? [];
        list.push(line);
        linesByService.set(line.service, list);
      }
      const budgetsByService = new Map<string, BudgetLine[]>();
      for (const budget of budgets) {
        if (!budget.service) continue;
        const list = budgetsByService.get(budget.service) ?? [];
        list.push(budget);
        budgetsByService.set(budget.service, list);
      }
      return { refresh, linesByService, budgetsByService, figures: new Map() };
    })();
    this.snapshot = { checkedAt: now, value };
    value.catch(() => {
      this.snapshot = undefined;
    });
    return value;
  }
}
