import { Entity } from '@backstage/catalog-model';
import { ZEROOPS_SERVICE_NAME_ANNOTATION } from './annotations';
import { isPlatformServiceName } from './naming';

/**
 * True for the ZeroOps platform's own catalog entity: the component the foundation template
 * registers (`zeroops-platform`), whose `zeroops.io/service-name` is a platform name
 * ({@link isPlatformServiceName}) that no service can take. The platform's shared resources
 * (networking, clusters, load balancers) carry that name as their cost tag, but it runs no ECS
 * service of its own: it has cost, and no environments to be healthy or deployed in. The
 * frontend hides the Environments card for it and the overview leaves its health cells empty
 * instead of showing it as never deployed.
 *
 * The rule rests on the name, not on an annotation or `spec.type`, so platform entities
 * registered before it existed follow it too.
 * @public
 */
export function isZeroOpsPlatformEntity(
  entity: Pick<Entity, 'metadata'>,
): boolean {
  const serviceName =
    entity.metadata.annotations?.[ZEROOPS_SERVICE_NAME_ANNOTATION];
  return serviceName !== undefined && isPlatformServiceName(serviceName);
}
