/**
 * Environment instance names: the two persistent environments and one `pr-<n>` per pull request.
 * Names are derived from these forms, so the longest one bounds every name.
 */

/** Highest pull-request number an ephemeral environment supports. @public */
export const MAX_PULL_REQUEST_NUMBER = 99999;

/**
 * Every form an environment instance name takes, at its longest: `production`, `staging` and
 * the pull-request form with the highest supported number. @public
 */
export const ENVIRONMENT_NAME_FORMS = [
  'production',
  'staging',
  `pr-${MAX_PULL_REQUEST_NUMBER}`,
] as const;

/** The longest environment instance name (`production`, 10 characters). @public */
export const LONGEST_ENVIRONMENT_NAME = ENVIRONMENT_NAME_FORMS.reduce(
  (longest, form) => (form.length > longest.length ? form : longest),
);

/** Longest environment instance name length, derived from {@link ENVIRONMENT_NAME_FORMS}. @public */
export const MAX_ENVIRONMENT_NAME_LENGTH = LONGEST_ENVIRONMENT_NAME.length;

const EPHEMERAL_NAME_PATTERN = /^pr-([1-9][0-9]{0,4})$/;

/** The ephemeral environment instance name for a pull request. @public */
export function ephemeralEnvironmentName(pullRequestNumber: number): string {
  if (
    !Number.isInteger(pullRequestNumber) ||
    pullRequestNumber < 1 ||
    pullRequestNumber > MAX_PULL_REQUEST_NUMBER
  ) {
    throw new Error(
      `pull request number must be an integer from 1 to ${MAX_PULL_REQUEST_NUMBER}, got ${pullRequestNumber}`,
    );
  }
  return `pr-${pullRequestNumber}`;
}

/** The pull request number of an ephemeral instance name (`pr-12` → 12), else undefined. @public */
export function parseEphemeralEnvironmentName(
  name: string,
): number | undefined {
  const match = EPHEMERAL_NAME_PATTERN.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Short form of an environment instance name for names with little room (target groups):
 * `prod`, `stg`, and `pr-<n>` unchanged. Distinct forms end differently, so names stay unique.
 * @public
 */
export function environmentShortName(environmentInstance: string): string {
  if (environmentInstance === 'production') return 'prod';
  if (environmentInstance === 'staging') return 'stg';
  return environmentInstance;
}
