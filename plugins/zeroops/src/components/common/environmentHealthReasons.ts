import { EntityEnvironment } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * The sentences behind an environment's health badge: the roll-up reasons, the AWS error with
 * its fix hint when the environment could not be read, and the secondary sources that failed.
 */
export function environmentHealthReasons(
  environment: EntityEnvironment,
): string[] {
  if (environment.error) {
    return [
      `Could not read AWS: ${environment.error.message}`,
      environment.error.hint,
    ];
  }
  return [
    ...environment.health.reasons.map(reason => reason.message),
    ...environment.partialErrors.map(
      error => `Not checked (${error.source}): ${error.message}`,
    ),
  ];
}
