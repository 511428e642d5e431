import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import {
  Expression,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  Metric,
} from '@aws-sdk/client-cost-explorer';
import { LoggerService } from '@backstage/backend-plugin-api';
import { COST_ALLOCATION_TAGS } from '@zeroops/backstage-plugin-zeroops-common';
import { AwsClients } from '../aws/AwsClients';
import { collectPages } from '../aws/paginate';
import { CostExplorerSettings } from '../config/ZeroOpsConfig';
import { BudgetLine, CostLine, roundMoney } from './costAggregation';
import { budgetLineOf, linesFromResults } from './costExplorerParsing';
import { CostPeriod, costReadPlan } from './costWindows';
import { addDays, firstOfMonth, toIsoDate } from './dates';
import { CostRefresh, CostSnapshotStore } from './CostSnapshotStore';

const FORECAST_METRIC: Record<CostExplorerSettings['metric'], Metric> = {
  UnblendedCost: 'UNBLENDED_COST',
  AmortizedCost: 'AMORTIZED_COST',
  NetUnblendedCost: 'NET_UNBLENDED_COST',
};

/** What one run did. */
export type CostRefreshOutcome =
  | { status: 'refreshed'; costExplorerRequests: number; lines: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string };

/**
 * Most pages one GetCostAndUsage read may follow: a guard against a runaway read ($0.01 a
 * page), not a limit of the estate. The first refresh of 1,000 services × 4 environments is
 * about 300 pages (costExplorerRequestBudget), so the 100-page default of collectPages made
 * it fail; 2,000 pages ($20) leaves room for ~6,000 services before the guard trips.
 */
const COST_EXPLORER_PAGE_GUARD = { maxPages: 2_000 };

/** Cost that carries both ZeroOps tags: untagged groups would only add pages we drop. */
const TAGGED_COST: Expression = {
  And: Object.values(COST_ALLOCATION_TAGS).map(Key => ({
    Not: { Tags: { Key, MatchOptions: ['ABSENT'] } },
  })),
};

const within = (day: string, period: CostPeriod) =>
  day >= period.start && day < period.end;

/**
 * The scheduled cost refresh: the only code that calls Cost Explorer. Each run continues the
 * newest snapshot (see {@link costReadPlan}):
 *
 * - GetCostAndUsage DAILY for the days Cost Explorer can still revise (the last
 *   `REVISABLE_DAYS` days and today; everything once when there is no snapshot yet);
 * - GetCostAndUsage MONTHLY for a month once, when it has closed;
 * - both grouped by the tags `zeroops:service` and `zeroops:environment` for every service at
 *   once, following NextPageToken, restricted to cost carrying both tags;
 * - optionally one GetCostForecast for the total (`zeroops.costExplorer.forecast`);
 * - DescribeBudgets (the Budgets API, not billed per request).
 *
 * Lines that are final are copied from the previous snapshot into the new one, so every
 * snapshot is complete on its own. The number of Cost Explorer requests is
 * {@link costExplorerRequestBudget}; it never depends on how many people look at cost.
 */
export class CostRefresher {
  constructor(
    private readonly settings: CostExplorerSettings,
    private readonly clients: AwsClients,
    private readonly store: CostSnapshotStore,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Refreshes unless a snapshot younger than half the interval exists: with several backend
   * instances, a start-up trigger racing the schedule must not pay for a second refresh.
   */
  async run(options: { force?: boolean } = {}): Promise<CostRefreshOutcome> {
    if (!options.force) {
      const latest = await this.store.latestSuccessful();
      const age = latest
        ? this.now().getTime() - Date.parse(latest.finishedAt)
        : Infinity;
      if (age < this.settings.refreshIntervalMs / 2) {
        return {
          status: 'skipped',
          reason: `snapshot ${Math.round(age / 1000)}s old`,
        };
      }
    }
    return this.refresh();
  }

  /** Whether the newest snapshot is older than the refresh interval (or missing). */
  async isStale(): Promise<boolean> {
    const latest = await this.store.latestSuccessful();
    if (!latest) return true;
    return (
      this.now().getTime() - Date.parse(latest.finishedAt) >=
      this.settings.refreshIntervalMs
    );
  }

  /** The newest snapshot, if its final lines can be continued with the current settings. */
  private async continuable(): Promise<CostRefresh | undefined> {
    const latest = await this.store.latestSuccessful();
    const { accountId, metric } = this.settings;
    return latest?.coverage &&
      latest.accountId === accountId &&
      latest.metric === metric
      ? latest
      : undefined;
  }

  private async refresh(): Promise<CostRefreshOutcome> {
    const startedAt = this.now();
    const today = toIsoDate(startedAt);
    const { accountId, region, metric } = this.settings;
    let requests = 0;
    try {
      const ce = await this.clients.get('costExplorer', accountId, region);
      // Currency of the first priced group Cost Explorer returns (one account has one).
      let readCurrency: string | undefined;
      // Each page becomes cost lines as it arrives, so the SDK's objects for a page are garbage
      // before the next one is read: at 1,000 services × 4 environments a first refresh reads
      // 320 pages, and keeping them all until the end was the backend's peak memory.
      const query = (period: CostPeriod, granularity: 'DAILY' | 'MONTHLY') =>
        collectPages<CostLine>(async NextPageToken => {
          // Count HTTP attempts, not calls: the SDK retries timeouts and throttling, and each
          // attempt that reached Cost Explorer is a billed request.
          const command = new GetCostAndUsageCommand({
            TimePeriod: { Start: period.start, End: period.end },
            Granularity: granularity,
            Metrics: [metric],
            GroupBy: [
              { Type: 'TAG', Key: COST_ALLOCATION_TAGS.service },
              { Type: 'TAG', Key: COST_ALLOCATION_TAGS.environment },
            ],
            Filter: TAGGED_COST,
            NextPageToken,
          });
          let page;
          try {
            page = await ce.send(command);
          } catch (error) {
            requests += attemptsOf(error);
            throw error;
          }
          requests += attemptsOf(page);
          const { lines, currency } = linesFromResults(
            page.ResultsByTime ?? [],
            granularity,
            metric,
          );
          readCurrency = readCurrency ?? currency;
          return { items: lines, nextToken: page.NextPageToken };
        }, COST_EXPLORER_PAGE_GUARD);
      const previous = await this.continuable();
      const plan = costReadPlan(today, previous?.coverage);
      const [daily, monthly, budgets, keptLines] = await Promise.all([
        query(plan.daily, 'DAILY'),
        plan.monthly ? query(plan.monthly, 'MONTHLY') : Promise.resolve([]),
        this.budgets(),
        previous ? this.store.linesOf(previous.id) : Promise.resolve([]),
      ]);
      const kept = keptLines.filter(line =>
        within(
          line.periodStart,
          line.granularity === 'DAILY' ? plan.keepDaily : plan.keepMonthly,
        ),
      );
      const lines: CostLine[] = [...kept, ...daily, ...monthly];
      const currency = readCurrency ?? previous?.currency ?? 'USD';

      let forecastTotal: number | undefined;
      if (this.settings.forecast === 'cost-explorer') {
        requests++;
        forecastTotal = await this.costExplorerForecast(lines, today);
      }

      await this.store.saveSnapshot({
        accountId,
        startedAt,
        finishedAt: this.now(),
        snapshotDate: today,
        currency,
        metric,
        costExplorerRequests: requests,
        forecastTotal,
        forecastMethod: this.settings.forecast,
        coverage: plan.coverage,
        lines,
        budgets,
      });
      this.logger.info(
        `ZeroOps cost refresh: read ${plan.daily.start}..${
          plan.daily.end
        } daily${
          plan.monthly
            ? ` and ${plan.monthly.start}..${plan.monthly.end} monthly`
            : ''
        }, kept ${kept.length} final lines; ${lines.length} cost lines, ${
          budgets.length
        } budgets, ${requests} Cost Explorer requests`,
      );
      return {
        status: 'refreshed',
        costExplorerRequests: requests,
        lines: lines.length,
      };
    } catch (error) {
      const message =
        error instanceof Error
          ? `${error.name}: ${error.message}`
          : String(error);
      this.logger.error(`ZeroOps cost refresh failed: ${message}`);
      await this.store.recordFailure({
        accountId,
        startedAt,
        finishedAt: this.now(),
        error: message,
        costExplorerRequests: requests,
      });
      return { status: 'failed', error: message };
    }
  }

  private async budgets(): Promise<BudgetLine[]> {
    const { accountId, region } = this.settings;
    const client = await this.clients.get('budgets', accountId, region);
    const budgets = await collectPages(async NextToken => {
      const page = await client.send(
        new DescribeBudgetsCommand({
          AccountId: accountId,
          MaxResults: 100,
          NextToken,
        }),
      );
      return { items: page.Budgets ?? [], nextToken: page.NextToken };
    });
    return budgets.flatMap(budget => {
      const line = budgetLineOf(budget);
      return line ? [line] : [];
    });
  }

  /**
   * Month total forecast from Cost Explorer for cost carrying a service tag: the complete days
   * so far (from the snapshot) plus GetCostForecast from today to the end of the month.
   */
  private async costExplorerForecast(
    lines: CostLine[],
    today: string,
  ): Promise<number> {
    const { accountId, region, metric } = this.settings;
    const ce = await this.clients.get('costExplorer', accountId, region);
    const result = await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: today, End: firstOfMonth(today, 1) },
        Metric: FORECAST_METRIC[metric],
        Granularity: 'MONTHLY',
        Filter: {
          Not: {
            Tags: {
              Key: COST_ALLOCATION_TAGS.service,
              MatchOptions: ['ABSENT'],
            },
          },
        },
      }),
    );
    const monthStart = firstOfMonth(today);
    const completeDays = lines
      .filter(
        l =>
          l.granularity === 'DAILY' &&
          l.periodStart >= monthStart &&
          l.periodStart <= addDays(today, -1),
      )
      .reduce((sum, l) => sum + l.amount, 0);
    return roundMoney(completeDays + Number(result.Total?.Amount ?? 0));
  }
}

/** HTTP attempts the AWS SDK made for one call (its retries included), from `$metadata`. */
function attemptsOf(outcome: unknown): number {
  const attempts = (outcome as { $metadata?: { attempts?: number } } | null)
    ?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}
