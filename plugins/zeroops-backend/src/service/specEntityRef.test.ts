import { Entity } from '@backstage/catalog-model';
import { specEntityRef } from './specEntityRef';

const entity = (spec: Record<string, string>, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', ...(namespace ? { namespace } : {}) },
  spec,
});

describe('specEntityRef', () => {
  it('gives every way of writing one system the same ref', () => {
    for (const system of [
      'checkout',
      'system:checkout',
      'system:default/checkout',
    ]) {
      expect(specEntityRef(entity({ system }), 'system')).toBe(
        'system:default/checkout',
      );
    }
  });

  it('reads an owner without a kind as a group, and keeps an explicit kind', () => {
    expect(specEntityRef(entity({ owner: 'team-checkout' }), 'owner')).toBe(
      'group:default/team-checkout',
    );
    expect(specEntityRef(entity({ owner: 'user:alice' }), 'owner')).toBe(
      'user:default/alice',
    );
  });

  it("defaults the namespace to the entity's own", () => {
    expect(
      specEntityRef(entity({ system: 'checkout' }, 'shop'), 'system'),
    ).toBe('system:shop/checkout');
  });

  it('is undefined without a usable value', () => {
    expect(specEntityRef(entity({}), 'system')).toBeUndefined();
    expect(specEntityRef(entity({ system: '' }), 'system')).toBeUndefined();
    expect(
      specEntityRef(entity({ system: 'system:default/' }), 'system'),
    ).toBeUndefined();
  });
});
