import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the cost of services (entity cost card, cost columns of the overview). Checked in
 * addition to `catalog.entity.read` on the entity. A basic permission, so a policy decides
 * it per user or group without entity conditions.
 *
 * @public
 */
export const zeroopsCostReadPermission = createPermission({
  name: 'zeroops.cost.read',
  attributes: { action: 'read' },
});

/**
 * Every permission the ZeroOps plugins define, for `permissionsRegistry.addPermissions`.
 *
 * @public
 */
export const zeroopsPermissions = [zeroopsCostReadPermission];
