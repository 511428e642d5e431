import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ZeroOpsEnvironmentSupplier } from './environments/EnvironmentSupplier';

/**
 * The interface of {@link zeroopsEnvironmentsExtensionPoint}.
 *
 * @public
 */
export interface ZeroOpsEnvironmentsExtensionPoint {
  /**
   * Replaces `zeroops.environments` as the source of the platform environments. One supplier
   * per backend: a second call is an error.
   */
  setEnvironmentSupplier(supplier: ZeroOpsEnvironmentSupplier): void;
}

/**
 * Lets a backend module supply the platform environments (account, region and ECS cluster
 * of each) from somewhere other than `zeroops.environments`, e.g. an inventory service.
 *
 * @public
 */
export const zeroopsEnvironmentsExtensionPoint =
  createExtensionPoint<ZeroOpsEnvironmentsExtensionPoint>({
    id: 'zeroops.environments',
  });
