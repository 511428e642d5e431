import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';

/** Name of the permission ZeroOps uses to guard cost data (defined by the ZeroOps plugins). */
export const COST_READ_PERMISSION_NAME = 'zeroops.cost.read';

/** Options of {@link ZeroOpsPermissionPolicy}, read from `permissionPolicy.*` config. */
export interface ZeroOpsPermissionPolicyOptions {
  /** Users or groups (entity refs) that may do anything. */
  admins: string[];
  /**
   * Users or groups that may read cost figures. `undefined` means everyone who can read the
   * entity may read its cost (the embedded default); an empty list means only admins.
   */
  costViewers?: string[];
}

/**
 * The policy of the ZeroOps demo backend, and a starting point for platform teams:
 *
 * - admins may do everything;
 * - cost (`zeroops.cost.read`) is restricted to `costViewers` when that list is configured,
 *   because spend figures are often finance-sensitive while health is not;
 * - only an entity's owners may unregister (delete) it from the catalog;
 * - everything else is allowed, as in a fresh Backstage app.
 */
export class ZeroOpsPermissionPolicy implements PermissionPolicy {
  static fromConfig(
    config: Config | undefined,
    userInfo: UserInfoService,
  ): ZeroOpsPermissionPolicy {
    return new ZeroOpsPermissionPolicy(
      {
        admins: config?.getOptionalStringArray('admins') ?? [],
        costViewers: config?.getOptionalStringArray('costViewers'),
      },
      userInfo,
    );
  }

  private readonly admins: Set<string>;
  private readonly costViewers?: Set<string>;

  constructor(
    options: ZeroOpsPermissionPolicyOptions,
    private readonly userInfo: UserInfoService,
  ) {
    this.admins = new Set(
      options.admins.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    this.costViewers = options.costViewers
      ? new Set(options.costViewers.map(ref => ref.toLocaleLowerCase('en-US')))
      : undefined;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Requests without a user (service-to-service) never reach the policy; be defensive anyway.
    const ownership = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    const principals = ownership.map(ref => ref.toLocaleLowerCase('en-US'));
    if (principals.some(ref => this.admins.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }

    if (request.permission.name === COST_READ_PERMISSION_NAME) {
      if (!this.costViewers) return { result: AuthorizeResult.ALLOW };
      const viewers = this.costViewers;
      return {
        result: principals.some(ref => viewers.has(ref))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }

    if (isPermission(request.permission, catalogEntityDeletePermission)) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: principals }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }
}
