import { parseEntityRef } from '@backstage/catalog-model';

/** `group:default/team-checkout` → `team-checkout`; other namespaces are kept. */
export function refLabel(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
