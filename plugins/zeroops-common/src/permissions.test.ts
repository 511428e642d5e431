import { isResourcePermission } from '@backstage/plugin-permission-common';
import { zeroopsCostReadPermission, zeroopsPermissions } from './permissions';

describe('zeroopsCostReadPermission', () => {
  it('is the basic read permission zeroops.cost.read', () => {
    expect(zeroopsCostReadPermission.name).toBe('zeroops.cost.read');
    expect(zeroopsCostReadPermission.attributes.action).toBe('read');
    expect(isResourcePermission(zeroopsCostReadPermission)).toBe(false);
    expect(zeroopsPermissions).toContain(zeroopsCostReadPermission);
  });
});
