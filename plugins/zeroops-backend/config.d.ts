import { HumanDuration } from '@backstage/types';

export interface Config {
  /** ZeroOps: where each environment lives in AWS and how cost is collected. */
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
      /** How often the scheduled refresh runs. Defaults to 6 hours. */
      refreshInterval?: HumanDuration | string;
      /** Cost metric. Defaults to UnblendedCost. */
      metric?: 'UnblendedCost' | 'AmortizedCost' | 'NetUnblendedCost';
      /**
       * `run-rate` (default, free) or `cost-explorer`: one extra `GetCostForecast` request per
       * refresh for the total of all services.
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
     * Marks the data as coming from the AWS simulator; the frontend labels it "demo data".
     * @visibility frontend
     */
    demoData?: boolean;
  };
}
