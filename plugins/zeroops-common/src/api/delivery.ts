import {
  DeliveryDeployment,
  PendingApproval,
  StagingAhead,
} from '../delivery/records';
import { DoraSummary, DoraWindowDays } from '../delivery/dora.types';

/**
 * What one environment of a service runs according to GitHub, and what is on its way.
 *
 * @public
 */
export interface DeliveryEnvironment {
  /** `production`, `staging` or `pr-<n>`. */
  name: string;
  /** The newest successful deployment: what the environment runs. */
  current?: DeliveryDeployment;
  /** A deployment that has started and not ended. */
  inProgress?: DeliveryDeployment;
  /** The newest failed or rolled-back deployment, when it is newer than `current`. */
  lastFailure?: DeliveryDeployment;
  /** Runs waiting for a reviewer before they deploy here. */
  pendingApprovals: PendingApproval[];
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/delivery`.
 *
 * @public
 */
export interface EntityDeliveryResponse {
  entityRef: string;
  /** `owner/name` read from `github.com/project-slug` or the source location. */
  repository: string;
  repositoryUrl: string;
  /** production, staging, then pull-request environments by number. */
  environments: DeliveryEnvironment[];
  /** Commits in staging not yet in production; absent when unknown or equal. */
  stagingAhead?: StagingAhead;
  /** The newest failed or rolled-back deployment in any persistent environment. */
  lastFailure?: DeliveryDeployment;
  /** ISO 8601 time the last webhook or reconciliation touched this repository; null if never. */
  lastSyncedAt: string | null;
  demoData: boolean;
  generatedAt: string;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/dora?window=30`.
 *
 * @public
 */
export interface EntityDoraResponse {
  entityRef: string;
  repository: string;
  dora: DoraSummary;
  demoData: boolean;
  generatedAt: string;
}

/**
 * One service in the delivery overview.
 *
 * @public
 */
export interface DeliveryOverviewService {
  entityRef: string;
  title?: string;
  owner?: string;
  repository: string;
  /** SHA and time of what production runs. */
  production?: { sha: string; deployedAt: string };
  stagingAhead?: number;
  pendingApprovals: PendingApproval[];
  lastFailure?: DeliveryDeployment;
  dora: DoraSummary;
}

/**
 * One team (the owner of the services) in the delivery overview, DORA over all its services.
 *
 * @public
 */
export interface DeliveryOverviewTeam {
  owner: string;
  services: string[];
  dora: DoraSummary;
  pendingApprovals: number;
}

/**
 * `GET /delivery/overview?window=30`: every service the caller may read that has a GitHub
 * repository, and the teams that own them.
 *
 * @public
 */
export interface DeliveryOverviewResponse {
  windowDays: DoraWindowDays;
  services: DeliveryOverviewService[];
  teams: DeliveryOverviewTeam[];
  demoData: boolean;
  generatedAt: string;
}
