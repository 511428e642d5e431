/**
 * The generated-repository scenarios: which template runs with which form values, and what the
 * result must contain. Each scenario is dry-run through the real scaffolder and its tree checked
 * by every tool of the matrix (scenarioMatrix.test.ts).
 */

export type TemplateName =
  | 'zeroops-service'
  | 'zeroops-adopt'
  | 'zeroops-foundation';

/** One run of a template inside a scenario. */
export interface ScenarioGeneration {
  template: TemplateName;
  /** The service (or platform repository) the run creates. */
  serviceName: string;
  values: Record<string, unknown>;
  /** Whether the tree has a catalog-info.yaml (adopt opens a pull request into an existing repo). */
  catalogInfo: boolean;
  /** Whether the result page shows the cost estimate, and from which region's prices. */
  costRegion?: string;
  /** The shell scripts the tree contains. */
  scripts: string[];
  /** Run the generated service's own npm tests and type check (slow: npm install). */
  serviceTests: boolean;
}

export interface Scenario {
  name: string;
  /** Several generations share one foundation (the multi-service listener scenario). */
  generations: ScenarioGeneration[];
  /**
   * The foundation's listener rule slot registry (load-balancer `service_listener_rule_slots`)
   * the services of this scenario are registered in, one distinct slot each.
   */
  listenerRuleSlots?: Record<string, number>;
}

const ACCOUNTS = {
  productionAccountId: '111111111111',
  stagingAccountId: '222222222222',
};

const SERVICE_SCRIPTS = [
  'scripts/db-migrate.sh',
  'scripts/fetch-secrets.sh',
  'scripts/local-setup.sh',
];

/** What the service form sends when only the name, description, owner and system are filled in. */
export const DEFAULT_SERVICE_VALUES = {
  serviceName: 'payments-api',
  description: 'Takes payments for orders through the card processor',
  owner: 'group:default/team-checkout',
  system: 'system:default/checkout',
  target: 'local',
  awsRegion: 'us-east-1',
  ...ACCOUNTS,
  baseDomain: 'zeroops.example.com',
  productionTaskCount: 2,
  taskCpu: 0.5,
  taskMemoryGb: 1,
  deploymentStrategy: 'blue-green',
  maxMonthlyUsd: 500,
};

function service(
  serviceName: string,
  overrides: Record<string, unknown> = {},
  serviceTests = false,
): ScenarioGeneration {
  const values = { ...DEFAULT_SERVICE_VALUES, serviceName, ...overrides };
  return {
    template: 'zeroops-service',
    serviceName,
    values,
    catalogInfo: true,
    costRegion: String(values.awsRegion),
    scripts: SERVICE_SCRIPTS,
    serviceTests,
  };
}

const FOUNDATION_VALUES = {
  owner: 'group:default/platform-team',
  githubOrg: 'zeroops-demo',
  repositoryName: 'zeroops-platform',
  target: 'local',
  awsRegion: 'us-east-1',
  replicaRegion: 'us-west-2',
  ...ACCOUNTS,
  baseDomain: 'zeroops.example.com',
  productionCidr: '10.10.0.0/16',
  stagingCidr: '10.20.0.0/16',
  ephemeralCidr: '10.30.0.0/16',
  monthlyBudgetUsd: 500,
  alertEmail: 'platform@zeroops.local',
  sharedDataStores: true,
};

function foundation(overrides: Record<string, unknown>): ScenarioGeneration {
  return {
    template: 'zeroops-foundation',
    serviceName: 'zeroops-platform',
    values: { ...FOUNDATION_VALUES, ...overrides },
    catalogInfo: true,
    scripts: [],
    serviceTests: false,
  };
}

/** The longest name the form accepts (20 characters: AWS names with `-pr-<n>` must still fit). */
export const LONGEST_SERVICE_NAME = 'order-fulfilment-api';

export const SCENARIOS: Scenario[] = [
  {
    name: 'service-defaults',
    generations: [service('payments-api', {}, true)],
  },
  {
    name: 'service-longest-name-eu-west-1-rolling',
    generations: [
      // No dated eu-west-1 prices yet, so no budget: with maxMonthlyUsd the cost step fails
      // rather than check it with another region's prices (costEstimate.test.ts).
      service(
        LONGEST_SERVICE_NAME,
        {
          awsRegion: 'eu-west-1',
          deploymentStrategy: 'rolling',
          maxMonthlyUsd: undefined,
        },
        true,
      ),
    ],
  },
  {
    name: 'service-blue-green-smallest',
    generations: [
      service('ledger', {
        deploymentStrategy: 'blue-green',
        productionTaskCount: 2,
        taskCpu: 0.25,
        taskMemoryGb: 0.5,
      }),
    ],
  },
  {
    name: 'adopt-existing-repo',
    generations: [
      {
        template: 'zeroops-adopt',
        serviceName: 'orders-worker',
        values: {
          target: 'github',
          repoUrl: 'github.com?owner=zeroops-demo&repo=orders-worker',
          serviceName: 'orders-worker',
          branchName: 'zeroops/adopt',
          dockerfile: 'Dockerfile',
          nodeVersion: '24',
          installCommand: 'npm ci',
          testCommand: 'npm test',
          migrationCommand: ['npm', 'run', 'migrate'],
          healthCheckPath: '/healthz',
          awsRegion: 'us-east-1',
          ...ACCOUNTS,
          baseDomain: 'zeroops.example.com',
          deploymentStrategy: 'rolling',
        },
        catalogInfo: false,
        costRegion: 'us-east-1',
        scripts: [],
        serviceTests: false,
      },
    ],
  },
  {
    name: 'foundation-one-account',
    generations: [
      foundation({
        productionAccountId: '333333333333',
        stagingAccountId: '333333333333',
        sharedDataStores: false,
      }),
    ],
  },
  {
    name: 'foundation-separate-accounts',
    // The one-account scenario uses the default Identity Center group names.
    generations: [
      foundation({
        developersGroupName: 'acme-developers',
        platformGroupName: 'acme-platform',
        breakGlassGroupName: 'acme-break-glass',
      }),
    ],
  },
  {
    // Several services behind the same foundation's load balancer: their listener rules share
    // one listener, so their priorities must never collide.
    name: 'multi-service-listener',
    listenerRuleSlots: {
      'checkout-api': 1,
      'catalog-api': 2,
      search: 3,
      'notifications-svc': 4,
    },
    generations: [
      service('checkout-api'),
      service('catalog-api', { deploymentStrategy: 'rolling' }),
      service('search'),
      service('notifications-svc'),
    ],
  },
];
