/**
 * How a team delivers: the dice a generated history is rolled with. The three demo profiles are
 * far apart on purpose, so the DORA cards show an elite, a medium and a struggling service.
 *
 * @public
 */
export interface DeliveryProfile {
  /** Mean changes merged (or pushed) to the default branch per working day. */
  changesPerDay: number;
  /** Mean production releases per working day (a reviewer approves the newest staging build). */
  releasesPerDay: number;
  /** Share of production rollouts that fail (ECS circuit breaker or alarm). */
  productionFailureRate: number;
  stagingFailureRate: number;
  /** First commit of a change to its merge, in hours. */
  leadHours: [number, number];
  /** Failure to the fix's production rollout, in minutes. */
  restoreMinutes: [number, number];
  /** Share of changes pushed straight to the default branch, without a pull request. */
  directPushRate: number;
  /** Share of pull requests deployed to a `pr-<n>` preview environment. */
  previewRate: number;
  /** Rollout duration in minutes. */
  rolloutMinutes: [number, number];
}

/** @public */
export const DELIVERY_PROFILES = {
  elite: {
    changesPerDay: 4,
    releasesPerDay: 3,
    productionFailureRate: 0.03,
    stagingFailureRate: 0.05,
    leadHours: [0.3, 3],
    restoreMinutes: [8, 25],
    directPushRate: 0.1,
    previewRate: 0.5,
    rolloutMinutes: [4, 9],
  },
  medium: {
    changesPerDay: 1.6,
    releasesPerDay: 0.6,
    productionFailureRate: 0.12,
    stagingFailureRate: 0.1,
    leadHours: [10, 60],
    restoreMinutes: [60, 400],
    directPushRate: 0.15,
    previewRate: 0.4,
    rolloutMinutes: [6, 14],
  },
  struggling: {
    changesPerDay: 0.8,
    releasesPerDay: 0.2,
    productionFailureRate: 0.3,
    stagingFailureRate: 0.25,
    leadHours: [48, 240],
    restoreMinutes: [600, 3000],
    directPushRate: 0.3,
    previewRate: 0.1,
    rolloutMinutes: [10, 30],
  },
  /** 200 repositories × 1 year ≈ 50 000 of our deployments, for the delivery benchmark. */
  benchmark: {
    changesPerDay: 0.55,
    releasesPerDay: 0.35,
    productionFailureRate: 0.1,
    stagingFailureRate: 0.08,
    leadHours: [1, 48],
    restoreMinutes: [20, 600],
    directPushRate: 0.2,
    previewRate: 0.2,
    rolloutMinutes: [4, 15],
  },
} satisfies Record<string, DeliveryProfile>;

/** @public */
export type DeliveryProfileName = keyof typeof DELIVERY_PROFILES;
