import { mockCredentials } from '@backstage/backend-test-utils';
import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  COST_READ_PERMISSION_NAME,
  ZeroOpsPermissionPolicy,
} from './ZeroOpsPermissionPolicy';

const costRead = createPermission({
  name: COST_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
});

/** A user directory: user ref → ownership refs (the user and its groups). */
function userInfoOf(directory: Record<string, string[]>): UserInfoService {
  return {
    async getUserInfo(credentials) {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: directory[userEntityRef] ?? [userEntityRef],
      };
    },
  };
}

const directory = {
  'user:default/alice': ['user:default/alice', 'group:default/finance'],
  'user:default/bob': ['user:default/bob', 'group:default/team-checkout'],
  'user:default/root': ['user:default/root', 'group:default/platform-team'],
};

function policy(options: { admins?: string[]; costViewers?: string[] }) {
  return new ZeroOpsPermissionPolicy(
    { admins: options.admins ?? [], costViewers: options.costViewers },
    userInfoOf(directory),
  );
}

const asUser = (ref: string) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [] },
});

describe('ZeroOpsPermissionPolicy', () => {
  it('lets everyone read cost when no cost viewers are configured', async () => {
    const decision = await policy({}).handle(
      { permission: costRead },
      asUser('user:default/bob'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('restricts cost to the configured viewers, matched through group membership', async () => {
    const p = policy({ costViewers: ['group:default/finance'] });
    await expect(
      p.handle({ permission: costRead }, asUser('user:default/alice')),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      p.handle({ permission: costRead }, asUser('user:default/bob')),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('treats an empty cost viewer list as admins only', async () => {
    const p = policy({
      admins: ['group:default/platform-team'],
      costViewers: [],
    });
    await expect(
      p.handle({ permission: costRead }, asUser('user:default/bob')),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      p.handle({ permission: costRead }, asUser('user:default/root')),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only owners unregister catalog entities', async () => {
    const decision = await policy({}).handle(
      { permission: catalogEntityDeletePermission },
      asUser('user:default/bob'),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/bob', 'group:default/team-checkout'],
        },
      },
    });
  });

  it('lets admins delete anything, case-insensitively', async () => {
    const decision = await policy({
      admins: ['Group:Default/Platform-Team'],
    }).handle(
      { permission: catalogEntityDeletePermission },
      asUser('user:default/root'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('allows catalog reads', async () => {
    const decision = await policy({ costViewers: [] }).handle(
      { permission: catalogEntityReadPermission },
      asUser('user:default/alice'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
