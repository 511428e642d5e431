import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * ZeroOps: where each environment lives in AWS and how cost is collected.
   *
   * Durations are strings read with `readDurationFromConfig` (`15s`, `6h`, `2 days`, or ISO
   * 8601 such as `PT15S`). Write them as strings: config files are deep-merged, so an object
   * (`{ minutes: 1 }`) over another object (`{ hours: 6 }`) adds up to 6 h 1 min, while a value
   * over a string replaces it. The objects still parse, for compatibility.
   */
  zeroops?: {
    /**
     * The platform environments, in the order the catalog cards show them.
     * @visibility frontend
     */
    environments?: Array<{
      /**
       * `production`, `staging` (persistent) or `ephemeral` (one instance per pull request).
       * @visibility frontend
       */
      name: string;
      /**
       * `persistent`: one ECS service `<service>` per catalog service.
       * `ephemeral`: ECS services `<service>-pr-<n>`, one per open pull request.
       * @visibility frontend
       */
      kind: 'persistent' | 'ephemeral';
      /** AWS account id; credentials come from the `aws.*` integration config. */
      accountId: string;
      /** AWS region, e.g. us-east-1. */
      region: string;
      /** ECS cluster name. Defaults to `zeroops-<name>`. */
      cluster?: string;
    }>;
    /** Cost Explorer and Budgets, usually the management (payer) account. */
    costExplorer?: {
      /** Account whose Cost Explorer sees the services' cost. Omit to disable cost. */
      accountId: string;
      /** Cost Explorer endpoint region. Defaults to us-east-1. */
      region?: string;
      /**
       * How often the scheduled refresh runs. Defaults to 8 hours (3 refreshes a day).
       *
       * Each refresh re-reads only the days Cost Explorer can still revise (today and the 3
       * days before) and reads a month once, MONTHLY, after it closes (from the 8th of the
       * next month). Billed Cost Explorer requests ($0.01 each), with G = services ×
       * environments, P = 500 groups per page, D = 3 + ⌈interval / 24 h⌉,
       * R = ⌈24 h / interval⌉, F = 1 with `forecast: cost-explorer`:
       *
       * - per refresh: ⌈D × G / P⌉ + F
       * - per day: at most R × (⌈D × G / P⌉ + F) + ⌈G / P⌉
       *
       * 50 services × 4 environments at the default: 3 × 2 + 1 = 7 a day. A shorter interval
       * multiplies the requests (6h: 9 a day); `costExplorerRequestBudget` computes it.
       */
      refreshInterval?: HumanDuration | string;
      /** Cost metric. Defaults to UnblendedCost. */
      metric?: 'UnblendedCost' | 'AmortizedCost' | 'NetUnblendedCost';
      /**
       * `run-rate` (default, free) or `cost-explorer`: one extra billed `GetCostForecast`
       * request per refresh for the total of all services.
       */
      forecast?: 'run-rate' | 'cost-explorer';
      /** Budget consumption (actual or forecast) at which a budget is "at risk". Default 80. */
      budgetWarningPercent?: number;
    };
    cache?: {
      /**
       * How long AWS health/deployment data is reused before it is read again. Default 15s.
       */
      ttl?: HumanDuration | string;
      /**
       * How long ECS services at rest (active, one completed deployment, running = desired, no
       * pending or failed tasks) are reused. A deployment or a firing alarm is still seen
       * within `ttl`: alarms are read every `ttl`, and a batch with any service not at rest
       * uses `ttl`. Lowers the DescribeServices calls of a large, mostly idle estate. Default
       * four times `ttl`; set it to `ttl` to read every service every `ttl`.
       */
      restingTtl?: HumanDuration | string;
    };
    /**
     * How long one API request (entity page, overview) waits for AWS. Environments not read by
     * then are answered as `pending` ("still reading") while their read continues in the
     * background; the page asks again shortly and gets them from the cache. One hung or
     * throttled account therefore never holds a whole page. Default 1.5s.
     */
    requestDeadline?: HumanDuration | string;
    permissions?: {
      /**
       * How long one user's permission decision for one entity is reused, so that a card
       * refreshing does not cost a permission-backend round trip each time. Decisions are
       * never shared between users or tokens; a policy change reaches a user within this
       * time. `0s` asks the permission backend on every request. Default 5s.
       */
      decisionCacheTtl?: HumanDuration | string;
    };
    health?: {
      /**
       * When ALB target health is read: `on-symptom` (default) only when ECS or CloudWatch
       * show a symptom or a deployment is in progress, `always` on every refresh (one
       * DescribeTargetHealth per target group, service and TTL).
       */
      targetHealth?: 'always' | 'on-symptom';
    };
    aws?: {
      /** Timeout of one AWS request. Default 5s. */
      requestTimeout?: HumanDuration | string;
      /** Attempts per AWS request with the SDK's adaptive retry strategy. Default 3. */
      maxAttempts?: number;
    };
    /**
     * Delivery records from GitHub (deployments, statuses, workflow runs, approvals, commits),
     * the input of the Delivery and DORA cards. Credentials come from `integrations.github`
     * (GitHub App or token, GitHub Enterprise hosts too); webhooks arrive through the events
     * backend (`POST /api/events/http/github`, signature checked with
     * `events.modules.github.webhookSecret`).
     *
     * GitHub requests per hour for N repositories, reconciliation interval I minutes, and per
     * repository and day d new deployments, p new production commits and a approval waits
     * (`deliveryRequestBudget`):
     *
     * - sent: N × (2 × 60 / I + (2d + 4p + a) / 24)
     * - counted against the rate limit (304 answers to the two conditional list reads are
     *   free): N × (3d + 4p + 3a) / 24
     *
     * With I = 15, d = 6, p = 2, a = 1: 10 repositories 89 sent / 13 counted, 50: 444 / 61,
     * 200: 1,775 / 242 an hour. Page views never call GitHub.
     */
    delivery?: {
      /**
       * Default: on when `integrations.github` is configured (Backstage otherwise adds an
       * anonymous github.com integration limited to 60 requests an hour).
       */
      enabled?: boolean;
      /**
       * How often the global reconciliation backfills what webhooks missed (one backend
       * instance runs it per interval). Default 15 minutes: a missed webhook shows within a
       * quarter of an hour at 8 requests per repository and hour, mostly free 304s.
       */
      reconcileInterval?: HumanDuration | string;
      /**
       * A reconciliation stops once GitHub reports this few requests left in the hour, leaving
       * them to other users of the same credentials (catalog, scaffolder); the repositories it
       * did not reach go first next run. Default 500 (a tenth of a token's 5,000).
       */
      rateLimitReserve?: number;
      /** How many days of deployments a first reconciliation reads. Default 90 (the longest DORA window). */
      backfillDays?: number;
      webhooks?: {
        /**
         * Larger GitHub webhook bodies are answered 413 before they are parsed or their
         * signature is checked (needs the `zeroopsWebhookGuardModule` events module). Default
         * 1 MiB: the five events used are 5–60 KB (a push lists at most 20 commits); the events
         * backend's own limit is 5 MB, GitHub's 25 MB.
         */
        maxPayloadBytes?: number;
      };
      /** The GitHub environment that is production (DORA measures it). Default `production`. */
      productionEnvironment?: string;
      /** The GitHub environment compared with production ("commits ahead"). Default `staging`. */
      stagingEnvironment?: string;
    };
    /**
     * Marks the data as coming from the AWS simulator; the frontend labels it "demo data".
     * @visibility frontend
     */
    demoData?: boolean;
  };
}
