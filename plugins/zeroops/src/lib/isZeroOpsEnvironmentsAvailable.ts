import { Entity } from '@backstage/catalog-model';
import { isZeroOpsPlatformEntity } from '@zeroops/backstage-plugin-zeroops-common';
import { isZeroOpsAvailable } from './isZeroOpsAvailable';

/**
 * True when the Environments card applies: a ZeroOps service ({@link isZeroOpsAvailable}) that
 * runs in environments, which the platform's own entity (`isZeroOpsPlatformEntity` of
 * zeroops-common: cost only, no ECS service) does not. Use it as the card's `filter` or in an
 * `EntitySwitch`.
 *
 * @public
 */
export function isZeroOpsEnvironmentsAvailable(entity: Entity): boolean {
  return isZeroOpsAvailable(entity) && !isZeroOpsPlatformEntity(entity);
}
