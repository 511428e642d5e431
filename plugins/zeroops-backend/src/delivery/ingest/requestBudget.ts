/**
 * GitHub requests per hour of the delivery ingest, as a function of the number of repositories.
 * Page views never call GitHub, so the figure does not depend on viewers.
 */
export interface DeliveryBudgetInput {
  /** Repositories of catalog services (N). */
  repositories: number;
  /** `zeroops.delivery.reconcileInterval` in minutes (I). */
  intervalMinutes: number;
  /** New GitHub deployments per repository and day, all environments (d). Default 6. */
  deploymentsPerDay?: number;
  /** New production commits per repository and day (p). Default 2. */
  productionChangesPerDay?: number;
  /** Workflow runs waiting for a reviewer per repository and day (a). Default 1. */
  approvalsPerDay?: number;
}

export interface DeliveryBudget {
  /** Every request sent: N × (2 × 60 / I + (2d + 4p + a) / 24). */
  requestsPerHour: number;
  /**
   * What counts against the rate limit: 304 answers to the two conditional list reads do not,
   * so only lists that changed (d + 2a per day) and the event-driven reads do:
   * N × (3d + 4p + 3a) / 24.
   */
  rateLimitedPerHour: number;
}

/**
 * Per repository and run, the reconciliation sends two conditional list reads (deployments of
 * task `deploy:zeroops`, workflow runs waiting). Per event it sends: two status reads per new
 * deployment (one while it runs, one when it ends), four reads per new production commit
 * (commit, its pull requests, the pull request's commits, one comparison of production and
 * staging) and one pending-deployments read per waiting run. The ECS rollback join calls AWS,
 * not GitHub. A first reconciliation of a repository adds its backfill (one statuses read per
 * deployment of the last `backfillDays`), spread over runs by the rate-limit reserve.
 */
export function deliveryRequestBudget(
  input: DeliveryBudgetInput,
): DeliveryBudget {
  const n = input.repositories;
  const d = input.deploymentsPerDay ?? 6;
  const p = input.productionChangesPerDay ?? 2;
  const a = input.approvalsPerDay ?? 1;
  const runsPerHour = 60 / input.intervalMinutes;
  return {
    requestsPerHour: Math.ceil(
      n * (2 * runsPerHour + (2 * d + 4 * p + a) / 24),
    ),
    rateLimitedPerHour: Math.ceil((n * (3 * d + 4 * p + 3 * a)) / 24),
  };
}
