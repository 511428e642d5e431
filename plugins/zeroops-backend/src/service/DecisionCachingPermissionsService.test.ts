import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  createPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { DecisionCachingPermissionsService } from './DecisionCachingPermissionsService';

const costRead = createPermission({
  name: 'zeroops.cost.read',
  attributes: { action: 'read' },
});

/** User credentials as the auth service builds them from a verified token. */
function userToken(
  userEntityRef: string,
  expiresAtMs = 1_900_000_000_000,
): BackstageCredentials {
  return {
    ...mockCredentials.user(userEntityRef),
    expiresAt: new Date(expiresAtMs),
  };
}

const readOf = (entityRef: string): AuthorizePermissionRequest => ({
  permission: catalogEntityReadPermission,
  resourceRef: entityRef,
});

/**
 * A permission backend that allows what `allowed` says and counts round trips. Its policy
 * looks at the entity, so asked for a resource permission as a whole it answers CONDITIONAL
 * (unless `policyWide` says otherwise), as a real per-entity policy does.
 */
function fakePermissions(
  allowed: (user: string, request: string) => boolean,
  policyWide: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims: [] },
    },
  },
) {
  const calls: Array<{ user: string; requests: string[] }> = [];
  const conditionalCalls: string[][] = [];
  const service: PermissionsService = {
    async authorize(requests, { credentials }) {
      const user = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      const names = requests.map(
        r =>
          `${r.permission.name}${
            'resourceRef' in r && r.resourceRef ? ` ${r.resourceRef}` : ''
          }`,
      );
      calls.push({ user: user ?? 'service', requests: names });
      return names.map(name => ({
        result: allowed(user ?? 'service', name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional(requests) {
      conditionalCalls.push(requests.map(r => r.permission.name));
      return requests.map(() => policyWide);
    },
  };
  return { service, calls, conditionalCalls };
}

describe('DecisionCachingPermissionsService', () => {
  let now: number;
  beforeEach(() => {
    now = 1_000_000;
  });
  const cached = (delegate: PermissionsService, ttlMs = 5_000) =>
    new DecisionCachingPermissionsService(delegate, { ttlMs, now: () => now });

  it('reuses a decision for the same user token within the TTL, then asks again', async () => {
    const backend = fakePermissions(() => true);
    const permissions = cached(backend.service);
    const credentials = userToken('user:default/alice');

    for (let i = 0; i < 3; i++) {
      await expect(
        permissions.authorize([readOf('component:default/payments-api')], {
          credentials,
        }),
      ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    }
    expect(backend.calls).toHaveLength(1);

    now += 5_001;
    await permissions.authorize([readOf('component:default/payments-api')], {
      credentials,
    });
    expect(backend.calls).toHaveLength(2);
  });

  it('never answers one user with the decision made for another', async () => {
    const backend = fakePermissions(user => user === 'user:default/alice');
    const permissions = cached(backend.service);
    const request = [readOf('component:default/payments-api')];

    await expect(
      permissions.authorize(request, {
        credentials: userToken('user:default/alice'),
      }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    await expect(
      permissions.authorize(request, {
        credentials: userToken('user:default/mallory'),
      }),
    ).resolves.toEqual([{ result: AuthorizeResult.DENY }]);
    expect(backend.calls.map(c => c.user)).toEqual([
      'user:default/alice',
      'user:default/mallory',
    ]);
  });

  it('keys decisions by entity and permission, not just by user', async () => {
    const backend = fakePermissions(
      (_user, request) => !request.endsWith('secret-service'),
    );
    const permissions = cached(backend.service);
    const credentials = userToken('user:default/alice');

    await permissions.authorize([readOf('component:default/payments-api')], {
      credentials,
    });
    await expect(
      permissions.authorize([readOf('component:default/secret-service')], {
        credentials,
      }),
    ).resolves.toEqual([{ result: AuthorizeResult.DENY }]);
    await permissions.authorize([{ permission: costRead }], { credentials });
    expect(backend.calls).toHaveLength(3);
  });

  it('treats a newly issued token of the same user as a new caller', async () => {
    const backend = fakePermissions(() => true);
    const permissions = cached(backend.service);
    const request = [readOf('component:default/payments-api')];

    await permissions.authorize(request, {
      credentials: userToken('user:default/alice', 1_900_000_000_000),
    });
    await permissions.authorize(request, {
      credentials: userToken('user:default/alice', 1_900_000_060_000),
    });
    expect(backend.calls).toHaveLength(2);
  });

  it('does not cache service principals or credentials without an expiry', async () => {
    const backend = fakePermissions(() => true);
    const permissions = cached(backend.service);
    const request = [readOf('component:default/payments-api')];

    for (const credentials of [
      mockCredentials.service('plugin:catalog'),
      mockCredentials.service('plugin:catalog'),
      mockCredentials.user('user:default/alice'),
      mockCredentials.user('user:default/alice'),
    ]) {
      await permissions.authorize(request, { credentials });
    }
    expect(backend.calls).toHaveLength(4);
    expect(permissions.size).toBe(0);
  });

  it('sends only the unknown requests of a batch and keeps the order of the answers', async () => {
    const backend = fakePermissions(
      (_user, request) => request !== 'zeroops.cost.read',
    );
    const permissions = cached(backend.service);
    const credentials = userToken('user:default/alice');
    await permissions.authorize([readOf('component:default/payments-api')], {
      credentials,
    });

    await expect(
      permissions.authorize(
        [
          { permission: costRead },
          readOf('component:default/payments-api'),
          readOf('component:default/orders-worker'),
        ],
        { credentials },
      ),
    ).resolves.toEqual([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
      { result: AuthorizeResult.ALLOW },
    ]);
    expect(backend.calls[1].requests).toEqual([
      'zeroops.cost.read',
      'catalog.entity.read component:default/orders-worker',
    ]);
  });

  it('makes one round trip for concurrent identical checks', async () => {
    const backend = fakePermissions(() => true);
    const permissions = cached(backend.service);
    const credentials = userToken('user:default/alice');

    await Promise.all(
      Array.from({ length: 20 }, () =>
        permissions.authorize([readOf('component:default/payments-api')], {
          credentials,
        }),
      ),
    );
    expect(backend.calls).toHaveLength(1);
  });

  it('forgets a failed check so the next request asks again', async () => {
    let fail = true;
    const delegate: PermissionsService = {
      authorize: jest.fn(async () => {
        if (fail) throw new Error('permission backend unavailable');
        return [{ result: AuthorizeResult.ALLOW }];
      }),
      authorizeConditional: jest.fn(),
    };
    const permissions = cached(delegate);
    const credentials = userToken('user:default/alice');
    const request = [readOf('component:default/payments-api')];

    await expect(
      permissions.authorize(request, { credentials }),
    ).rejects.toThrow('permission backend unavailable');
    fail = false;
    await expect(
      permissions.authorize(request, { credentials }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(delegate.authorize).toHaveBeenCalledTimes(2);
  });

  it('stays within its bound and drops expired decisions', async () => {
    const backend = fakePermissions(() => true);
    const permissions = new DecisionCachingPermissionsService(backend.service, {
      ttlMs: 1_000,
      maxEntries: 3,
      now: () => now,
    });
    const credentials = userToken('user:default/alice');
    for (const name of ['a', 'b', 'c', 'd']) {
      await permissions.authorize([readOf(`component:default/${name}`)], {
        credentials,
      });
    }
    expect(permissions.size).toBe(3);

    now += 1_001;
    await permissions.authorize([readOf('component:default/e')], {
      credentials,
    });
    expect(permissions.size).toBe(1);
  });

  it('passes conditional decisions through', async () => {
    const delegate: PermissionsService = {
      authorize: jest.fn(),
      authorizeConditional: jest.fn(
        async (): Promise<PolicyDecision[]> => [
          { result: AuthorizeResult.DENY },
        ],
      ),
    };
    const permissions = cached(delegate);
    const credentials = userToken('user:default/alice');
    await permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    await permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    expect(delegate.authorizeConditional).toHaveBeenCalledTimes(2);
  });

  describe('a policy that decides without looking at the entity', () => {
    const entities = Array.from(
      { length: 100 },
      (_, i) => `component:default/svc-${i}`,
    );

    it('answers every entity from one decision for the permission as a whole', async () => {
      const backend = fakePermissions(() => false, {
        result: AuthorizeResult.ALLOW,
      });
      const permissions = cached(backend.service);
      const credentials = userToken('user:default/alice');
      for (const entity of entities) {
        await expect(
          permissions.authorize([readOf(entity)], { credentials }),
        ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
      }
      expect(backend.conditionalCalls).toEqual([
        [catalogEntityReadPermission.name],
      ]);
      expect(backend.calls).toEqual([]);
    });

    it('denies every entity from a policy-wide DENY, and asks again after the TTL', async () => {
      const backend = fakePermissions(() => true, {
        result: AuthorizeResult.DENY,
      });
      const permissions = cached(backend.service);
      const credentials = userToken('user:default/alice');
      await expect(
        permissions.authorize([readOf(entities[0]), readOf(entities[1])], {
          credentials,
        }),
      ).resolves.toEqual([
        { result: AuthorizeResult.DENY },
        { result: AuthorizeResult.DENY },
      ]);
      now += 5_001;
      await permissions.authorize([readOf(entities[2])], { credentials });
      expect(backend.conditionalCalls).toHaveLength(2);
      expect(backend.calls).toEqual([]);
    });

    it('keeps one user’s policy-wide decision from another user', async () => {
      const delegate: PermissionsService = {
        authorize: jest.fn(async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
        ),
        authorizeConditional: jest.fn(async (requests, { credentials }) =>
          requests.map(() => ({
            result:
              (credentials.principal as { userEntityRef: string })
                .userEntityRef === 'user:default/alice'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
        ) as PermissionsService['authorizeConditional'],
      };
      const permissions = cached(delegate);
      await expect(
        permissions.authorize([readOf(entities[0])], {
          credentials: userToken('user:default/alice'),
        }),
      ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
      await expect(
        permissions.authorize([readOf(entities[0])], {
          credentials: userToken('user:default/mallory'),
        }),
      ).resolves.toEqual([{ result: AuthorizeResult.DENY }]);
    });

    it('asks per entity when the policy-wide check fails', async () => {
      const delegate: PermissionsService = {
        authorize: jest.fn(async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        ),
        authorizeConditional: jest.fn(async () => {
          throw new Error('permission backend unavailable');
        }),
      };
      const permissions = cached(delegate);
      await expect(
        permissions.authorize([readOf(entities[0])], {
          credentials: userToken('user:default/alice'),
        }),
      ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
      expect(delegate.authorize).toHaveBeenCalledTimes(1);
    });
  });
});
