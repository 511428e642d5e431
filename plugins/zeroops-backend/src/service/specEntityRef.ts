import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * What `spec.owner` and `spec.system` default to when written without a kind, as the catalog
 * itself reads them (an owner is a group unless it says otherwise).
 */
const DEFAULT_KINDS = { owner: 'group', system: 'system' } as const;

/**
 * The full entity ref of a relation written in the entity's spec: `checkout`,
 * `system:checkout` and `system:default/checkout` are one system, so the overview lists and
 * filters it once. Undefined when the field is absent or not a valid ref.
 */
export function specEntityRef(
  entity: Entity,
  field: keyof typeof DEFAULT_KINDS,
): string | undefined {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: DEFAULT_KINDS[field],
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
