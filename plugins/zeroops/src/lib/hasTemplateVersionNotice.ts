import { Entity } from '@backstage/catalog-model';
import { templateVersionStatus } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * True when the template version card has something to say: the ZeroOps service is behind the
 * current template version, or records a version this installation cannot place. The card's
 * filter (and the legacy `EntitySwitch` case of `EntityZeroOpsTemplateVersionCard`); kept out
 * of the card's module so the entity page loads the card only when needed.
 *
 * @public
 */
export function hasTemplateVersionNotice(entity: Entity): boolean {
  const { state } = templateVersionStatus(entity);
  return state === 'behind' || state === 'ahead' || state === 'invalid';
}
