import { BudgetState, CostForecast } from './cost';
import { EnvironmentErrorCode } from './errors';
import { EnvironmentKind } from './environments';
import { HealthReasonCode, HealthStatus } from './health';

/**
 * Health of one environment instance of a service on the overview.
 *
 * @public
 */
export interface OverviewEnvironment {
  name: string;
  kind: EnvironmentKind;
  health: HealthStatus;
  /** Codes of the reasons, worst first. */
  reasons: HealthReasonCode[];
  /** Set when AWS could not be read for this environment. */
  errorCode?: EnvironmentErrorCode;
  /** True while AWS is still being read for this environment: ask again shortly. */
  pending?: boolean;
}

/**
 * A pull-request environment of a service.
 *
 * @public
 */
export interface OverviewEphemeralEnvironment {
  name: string;
  pullRequest: number;
  /** The pull request in the service's repository, when the entity says where that is. */
  pullRequestUrl?: string;
  health: HealthStatus;
  /** ISO 8601 creation time of the ECS service. */
  createdAt?: string;
  /** Age in whole hours at `generatedAt`. */
  ageHours?: number;
  /** Month-to-date cost; absent when the caller may not read cost or no snapshot exists. */
  monthToDate?: number;
}

/**
 * Cost of a service on the overview (only for callers allowed `zeroops.cost.read`).
 *
 * @public
 */
export interface OverviewServiceCost {
  monthToDate: number;
  forecast: CostForecast;
  budget?: BudgetState;
}

/** @public */
export interface OverviewService {
  entityRef: string;
  title?: string;
  serviceName: string;
  /** Entity ref of `spec.owner` (`group:default/team-checkout`), however the entity wrote it. */
  owner?: string;
  /** Entity ref of `spec.system` (`system:default/checkout`), however the entity wrote it. */
  system?: string;
  /**
   * The source repository (`github.com/project-slug`, or a GitHub/GitLab
   * `backstage.io/source-location`).
   */
  repositoryUrl?: string;
  /** Persistent environments in configuration order. */
  environments: OverviewEnvironment[];
  /** Pull-request environments by PR number. */
  ephemeral: OverviewEphemeralEnvironment[];
  cost?: OverviewServiceCost;
}

/**
 * `GET /overview`: every service the caller may read.
 *
 * @public
 */
export interface OverviewResponse {
  services: OverviewService[];
  /** False when the caller is not allowed `zeroops.cost.read`: no cost figures are included. */
  costVisible: boolean;
  /** Sum over the listed services, when cost is visible. */
  totals?: { monthToDate: number; forecast: number; currency: string };
  /** ISO 8601 time of the cost snapshot; null before the first refresh. */
  costLastRefreshedAt: string | null;
  demoData: boolean;
  /** ISO 8601 */
  generatedAt: string;
}
