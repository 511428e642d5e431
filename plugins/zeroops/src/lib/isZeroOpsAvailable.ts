import { Entity } from '@backstage/catalog-model';
import {
  AWS_ECS_SERVICE_ARN_ANNOTATION,
  ZEROOPS_SERVICE_NAME_ANNOTATION,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * True when the entity is linked to a ZeroOps service: it carries `zeroops.io/service-name`
 * (written by the ZeroOps templates) or the AWS ECS plugin's service ARN annotation, which the
 * backend reads too. Use it as the `filter` of the cards or in an `EntitySwitch`.
 *
 * @public
 */
export function isZeroOpsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ZEROOPS_SERVICE_NAME_ANNOTATION]?.trim() ||
      annotations[AWS_ECS_SERVICE_ARN_ANNOTATION]?.trim(),
  );
}
