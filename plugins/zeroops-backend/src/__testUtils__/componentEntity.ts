import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';

/** A catalog Component in the default namespace, as the tests' catalogs serve it. */
export function componentEntity(
  name: string,
  annotations: Record<string, string>,
  spec?: JsonObject,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    ...(spec ? { spec } : {}),
  };
}
