/**
 * Delivery and DORA responses shaped like what the backend computes from the GitHub simulator's
 * demo history: payments-api has a production deployment waiting for approval, staging three
 * commits ahead, a pull-request environment and a production rollout AWS rolled back.
 */
import {
  DeliveryDeployment,
  DeliveryOverviewResponse,
  DoraMetric,
  DoraSummary,
  DoraWindowDays,
  EntityDeliveryResponse,
  EntityDoraResponse,
  PendingApproval,
} from '@zeroops/backstage-plugin-zeroops-common';
import { hoursAgo } from './fixtures';

const REPOSITORY = 'zeroops-demo/payments-api';
const REPOSITORY_URL = `https://github.com/${REPOSITORY}`;

export const PRODUCTION_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const STAGING_SHA = 'f00dbabe0123456789abcdef0123456789abcdef';
export const FAILED_SHA = 'deadbeef0123456789abcdef0123456789abcdef';
export const PR_SHA = '0badc0de0123456789abcdef0123456789abcdef';
export const REVIEW_URL = `${REPOSITORY_URL}/actions/runs/9001`;

export function deliveryDeployment(
  overrides: Partial<DeliveryDeployment> = {},
): DeliveryDeployment {
  const runId = overrides.workflowRunId ?? 8001;
  return {
    repository: REPOSITORY,
    deploymentId: 501,
    environment: 'production',
    sha: PRODUCTION_SHA,
    ref: 'main',
    createdAt: hoursAgo(26),
    state: 'success',
    updatedAt: hoursAgo(25.8),
    finishedAt: hoursAgo(25.8),
    commitAt: hoursAgo(27),
    firstCommitAt: hoursAgo(28),
    pullRequest: 40,
    workflowRunId: runId,
    workflowRunUrl: `${REPOSITORY_URL}/actions/runs/${runId}`,
    creator: 'alice',
    ...overrides,
  };
}

export function pendingApproval(
  overrides: Partial<PendingApproval> = {},
): PendingApproval {
  return {
    repository: REPOSITORY,
    environment: 'production',
    workflowRunId: 9001,
    reviewUrl: REVIEW_URL,
    sha: STAGING_SHA,
    waitingSince: hoursAgo(2),
    reviewers: ['zeroops-demo/team-checkout', 'carol'],
    ...overrides,
  };
}

const productionFailure = (): DeliveryDeployment =>
  deliveryDeployment({
    deploymentId: 498,
    sha: FAILED_SHA,
    createdAt: hoursAgo(50),
    updatedAt: hoursAgo(49.5),
    finishedAt: hoursAgo(49.5),
    state: 'rolled_back',
    rollbackReason: 'circuit-breaker',
    workflowRunId: 7990,
    workflowRunUrl: `${REPOSITORY_URL}/actions/runs/7990`,
    creator: 'bob',
  });

/** payments-api: what is where. */
export function paymentsDelivery(): EntityDeliveryResponse {
  return {
    entityRef: 'component:default/payments-api',
    repository: REPOSITORY,
    repositoryUrl: REPOSITORY_URL,
    environments: [
      {
        name: 'production',
        current: deliveryDeployment(),
        lastFailure: undefined,
        pendingApprovals: [pendingApproval()],
      },
      {
        name: 'staging',
        current: deliveryDeployment({
          deploymentId: 520,
          environment: 'staging',
          sha: STAGING_SHA,
          createdAt: hoursAgo(3),
          updatedAt: hoursAgo(2.9),
          finishedAt: hoursAgo(2.9),
          workflowRunId: 8990,
          workflowRunUrl: `${REPOSITORY_URL}/actions/runs/8990`,
          creator: 'carol',
        }),
        inProgress: deliveryDeployment({
          deploymentId: 521,
          environment: 'staging',
          sha: '5ca1ab1e0123456789abcdef0123456789abcdef',
          createdAt: hoursAgo(0.1),
          updatedAt: hoursAgo(0.1),
          finishedAt: undefined,
          state: 'in_progress',
          workflowRunId: 9002,
          workflowRunUrl: `${REPOSITORY_URL}/actions/runs/9002`,
          creator: 'dave',
        }),
        pendingApprovals: [],
      },
      {
        name: 'pr-12',
        current: deliveryDeployment({
          deploymentId: 519,
          environment: 'pr-12',
          sha: PR_SHA,
          ref: 'feature/refunds',
          createdAt: hoursAgo(5),
          updatedAt: hoursAgo(4.9),
          finishedAt: hoursAgo(4.9),
          pullRequest: 12,
          workflowRunId: 8950,
          workflowRunUrl: `${REPOSITORY_URL}/actions/runs/8950`,
          creator: 'erin',
        }),
        pendingApprovals: [],
      },
    ],
    stagingAhead: {
      productionSha: PRODUCTION_SHA,
      stagingSha: STAGING_SHA,
      commits: 3,
      compareUrl: `${REPOSITORY_URL}/compare/${PRODUCTION_SHA}...${STAGING_SHA}`,
      comparedAt: hoursAgo(0.2),
    },
    lastFailure: productionFailure(),
    lastSyncedAt: hoursAgo(0.25),
    demoData: true,
    generatedAt: new Date().toISOString(),
  };
}

/** A repository with no deployment recorded yet. */
export function emptyDelivery(): EntityDeliveryResponse {
  return {
    ...paymentsDelivery(),
    environments: [],
    stagingAhead: undefined,
    lastFailure: undefined,
    lastSyncedAt: null,
  };
}

function metric(overrides: Partial<DoraMetric> & { target: number }) {
  return { samples: 0, band: 'no-data' as const, ...overrides };
}

/** The DORA summary of payments-api over a window; 90 days has more samples than 30. */
export function doraSummary(windowDays: DoraWindowDays = 30): DoraSummary {
  const to = new Date();
  const from = new Date(to.getTime() - windowDays * 24 * 3_600_000);
  const scale = windowDays / 30;
  return {
    windowDays,
    from: from.toISOString(),
    to: to.toISOString(),
    deploymentFrequency: metric({
      value: 2.4,
      samples: Math.round(72 * scale),
      band: 'elite',
      target: 2,
      meetsTarget: true,
    }),
    leadTime: metric({
      value: 42,
      samples: Math.round(70 * scale),
      excluded: 2,
      band: 'elite',
      target: 30,
      meetsTarget: false,
    }),
    changeFailureRate: metric({
      value: 0.125,
      samples: Math.round(72 * scale),
      band: 'high',
      target: 0.05,
      meetsTarget: false,
    }),
    timeToRestore: metric({
      value: 12,
      samples: Math.round(9 * scale),
      band: 'elite',
      target: 15,
      meetsTarget: true,
    }),
    openIncidents: 0,
    weekly: [
      {
        weekStart: '2026-06-01',
        deployments: 15,
        leadTimeMinutes: 38,
        changeFailureRate: 0.0667,
        timeToRestoreMinutes: 11,
      },
      {
        weekStart: '2026-06-08',
        deployments: 18,
        leadTimeMinutes: 45,
        changeFailureRate: 0.1667,
        timeToRestoreMinutes: 14,
      },
      { weekStart: '2026-06-15', deployments: 0 },
    ],
  };
}

export function paymentsDora(
  windowDays: DoraWindowDays = 30,
): EntityDoraResponse {
  return {
    entityRef: 'component:default/payments-api',
    repository: REPOSITORY,
    dora: doraSummary(windowDays),
    demoData: true,
    generatedAt: new Date().toISOString(),
  };
}

/** A service with no production deployment in the window. */
export function emptyDora(): EntityDoraResponse {
  const summary = doraSummary(30);
  const none = (target: number) => metric({ target });
  return {
    ...paymentsDora(),
    dora: {
      ...summary,
      deploymentFrequency: none(2),
      leadTime: none(30),
      changeFailureRate: none(0.05),
      timeToRestore: none(15),
      weekly: [],
    },
  };
}

/** Two teams: team-checkout (payments-api with a pending approval, storefront-web) and team-fulfilment. */
export function deliveryOverview(
  windowDays: DoraWindowDays = 30,
): DeliveryOverviewResponse {
  const summary = doraSummary(windowDays);
  return {
    windowDays,
    demoData: true,
    generatedAt: new Date().toISOString(),
    services: [
      {
        entityRef: 'component:default/payments-api',
        title: 'Payments API',
        owner: 'group:default/team-checkout',
        repository: REPOSITORY,
        production: { sha: PRODUCTION_SHA, deployedAt: hoursAgo(26) },
        stagingAhead: 3,
        pendingApprovals: [pendingApproval()],
        lastFailure: productionFailure(),
        dora: summary,
      },
      {
        entityRef: 'component:default/storefront-web',
        title: 'Storefront',
        owner: 'group:default/team-checkout',
        repository: 'zeroops-demo/storefront-web',
        production: { sha: PR_SHA, deployedAt: hoursAgo(4) },
        pendingApprovals: [],
        dora: summary,
      },
      {
        entityRef: 'component:default/orders-worker',
        title: 'Orders worker',
        owner: 'group:default/team-fulfilment',
        repository: 'zeroops-demo/orders-worker',
        pendingApprovals: [],
        dora: { ...summary, deploymentFrequency: metric({ target: 2 }) },
      },
    ],
    teams: [
      {
        owner: 'group:default/team-checkout',
        services: [
          'component:default/payments-api',
          'component:default/storefront-web',
        ],
        dora: summary,
        pendingApprovals: 1,
      },
      {
        owner: 'group:default/team-fulfilment',
        services: ['component:default/orders-worker'],
        dora: {
          ...summary,
          deploymentFrequency: metric({
            value: 0.2,
            samples: 6,
            band: 'high',
            target: 2,
            meetsTarget: false,
          }),
        },
        pendingApprovals: 0,
      },
    ],
  };
}
