/**
 * The bench's Cost Explorer section: requests per day of the cost refresh for the bench
 * estate, measured against the AWS simulator on a simulated clock and by formula
 * (`costExplorerRequestBudget`, README "Cost Explorer requests").
 */
import { ConfigReader } from '@backstage/config';
import { readZeroOpsConfig } from '../src/config/ZeroOpsConfig';
import { simulateCostRefreshes } from '../src/cost/__testUtils__/simulateCostRefreshes';
import { costExplorerRequestBudget } from '../src/cost/costRequestBudget';

/**
 * Above this many groups a day the measurement is skipped: the simulator recomputes each
 * period per page, so a first refresh of a large estate takes minutes.
 */
const MEASURED_GROUPS_MAX = 1_000;

export async function printCostRequestBudget(estate: {
  services: number;
  environments: string[];
}): Promise<void> {
  // The bench backend runs the default cost settings; so does this.
  const settings = readZeroOpsConfig(
    new ConfigReader({
      zeroops: { costExplorer: { accountId: '999999999999' } },
    }),
  ).costExplorer!;
  const budget = costExplorerRequestBudget({
    services: estate.services,
    environments: estate.environments.length,
    refreshIntervalMs: settings.refreshIntervalMs,
    forecast: settings.forecast,
  });
  const hours = settings.refreshIntervalMs / 3_600_000;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `\nCost Explorer budget (${estate.services} services × ${estate.environments.length} environments = ${budget.groupsPerDay} groups, refresh every ${hours} h, forecast ${settings.forecast}, $0.01 per request):`,
  );
  out(
    `  formula: ${budget.requestsPerRefresh} per refresh × ${budget.refreshesPerDay} refreshes + ${budget.monthCloseRequests} on the day a month closes = ≤ ${budget.requestsPerDay} a day; first refresh ≤ ${budget.firstRefreshRequests}`,
  );
  if (budget.groupsPerDay > MEASURED_GROUPS_MAX) {
    out(
      `  measured: skipped above ${MEASURED_GROUPS_MAX} groups (the simulated days take minutes)`,
    );
    return;
  }
  // Starts before a month closes (the 8th) so the busiest day is among those measured.
  const simulated = await simulateCostRefreshes({
    services: estate.services,
    environments: estate.environments,
    settings,
    start: new Date('2025-03-06T01:00:00Z'),
    days: 3,
  });
  out(
    `  measured on the AWS simulator: first refresh ${
      simulated.firstRefreshRequests
    }; ${simulated.days
      .map(
        d =>
          `${d.day}: ${d.costExplorerRequests} (${d.refreshes} refreshes, ${d.budgetsRequests} free DescribeBudgets)`,
      )
      .join('; ')}`,
  );
}
