import { PlatformEnvironment } from '../config/ZeroOpsConfig';

/**
 * Where the platform environments (account, region and ECS cluster of each) come from. The
 * default reads `zeroops.environments`; a backend module may supply its own through
 * `zeroopsEnvironmentsExtensionPoint`, e.g. from an inventory service. It is asked on every
 * request, so it should answer from memory and refresh on its own schedule.
 *
 * @public
 */
export interface ZeroOpsEnvironmentSupplier {
  /** The environments to read, in the order the entity page lists them. */
  getEnvironments(): Promise<PlatformEnvironment[]>;
}

/** The environments of `zeroops.environments`, read once at start-up. */
export function configEnvironmentSupplier(
  environments: PlatformEnvironment[],
): ZeroOpsEnvironmentSupplier {
  const answer = Promise.resolve(environments);
  return { getEnvironments: () => answer };
}
