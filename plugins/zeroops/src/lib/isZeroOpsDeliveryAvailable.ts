import { Entity } from '@backstage/catalog-model';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { isZeroOpsAvailable } from './isZeroOpsAvailable';

/**
 * True when the delivery and DORA cards have something to read: the entity is a ZeroOps service
 * ({@link isZeroOpsAvailable}) and its repository is on GitHub (`github.com/project-slug`, or a
 * `backstage.io/source-location` on a GitHub host), where the backend reads deployments from.
 * Use it as the `filter` of the cards or in an `EntitySwitch`.
 *
 * @public
 */
export function isZeroOpsDeliveryAvailable(entity: Entity): boolean {
  if (!isZeroOpsAvailable(entity)) return false;
  const repositoryUrl = repositoryLinks(entity)?.repositoryUrl;
  if (!repositoryUrl) return false;
  // repositoryLinks knows GitLab too, which has no deployments for the backend to read.
  const host = new URL(repositoryUrl).hostname;
  return host === 'github.com' || host.startsWith('github.');
}
