import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { ZeroOpsApiErrorCode } from '@zeroops/backstage-plugin-zeroops-common';
import { withApiErrorCode } from './apiErrorCode';
import { EntityResolver } from './EntityResolver';

/** What authorizing an entity read takes: the permission decisions and the entity cache. */
export interface EntityReadDeps {
  permissions: PermissionsService;
  /** Shared by all users: read only once the caller is authorized. */
  entities: EntityResolver;
}

/** A permission a read needs besides `catalog.entity.read`, with what a denied caller is told. */
export interface AdditionalPermission {
  permission: BasicPermission;
  deniedMessage: string;
}

/**
 * The entity behind `ref`, for a caller authorized for `catalog.entity.read` on it (and for
 * every `additional` permission) — the check every entity read of the plugin makes first.
 * Only after it is the entity resolver read: its cache is shared by all users, the
 * authorization is not. Denied → 403 (NotAllowedError); unknown entity → 404.
 */
async function authorizedEntity(
  deps: EntityReadDeps,
  ref: CompoundEntityRef | string,
  credentials: BackstageCredentials,
  additional: AdditionalPermission[] = [],
): Promise<Entity> {
  const entityRef = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
  const requests: AuthorizePermissionRequest[] = [
    { permission: catalogEntityReadPermission, resourceRef: entityRef },
    ...additional.map(({ permission }) => ({ permission })),
  ];
  const [entityDecision, ...additionalDecisions] =
    await deps.permissions.authorize(requests, { credentials });
  if (entityDecision.result !== AuthorizeResult.ALLOW) {
    throw withApiErrorCode(
      new NotAllowedError(`You are not allowed to read ${entityRef}`),
      'not-allowed',
    );
  }
  additionalDecisions.forEach((decision, i) => {
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw withApiErrorCode(
        new NotAllowedError(additional[i].deniedMessage),
        'not-allowed',
      );
    }
  });
  const entity = await deps.entities.get(entityRef);
  if (!entity) {
    throw withApiErrorCode(
      new NotFoundError(`Entity ${entityRef} not found`),
      'entity-not-found',
    );
  }
  return entity;
}

/**
 * What a read takes from its entity (its ZeroOps service target, its GitHub repository), and
 * what a caller asking about an entity without it is told.
 */
export interface EntityPart<T> {
  of(entity: Entity): T | undefined;
  explainMissing(entity: Entity): string;
  /** The code of the 404 for an entity without the part. */
  missingCode: ZeroOpsApiErrorCode;
}

/**
 * The `part` of the entity behind `ref`, for a caller authorized as {@link authorizedEntity}
 * says; an entity without the part → 404 with `part.missingCode`.
 */
export async function authorizedEntityPart<T>(
  deps: EntityReadDeps,
  ref: CompoundEntityRef | string,
  credentials: BackstageCredentials,
  part: EntityPart<T>,
  additional: AdditionalPermission[] = [],
): Promise<T> {
  const entity = await authorizedEntity(deps, ref, credentials, additional);
  const found = part.of(entity);
  if (found === undefined) {
    throw withApiErrorCode(
      new NotFoundError(part.explainMissing(entity)),
      part.missingCode,
    );
  }
  return found;
}
