import { Entity } from '@backstage/catalog-model';

const LOCATION_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-location',
];

/**
 * The `file://` URL an entity was read from, when it lives in a local git repository (the
 * embedded default's `zeroops:publish:local`); undefined for entities from GitHub and others.
 */
export function localRepositoryLocation(entity: Entity): string | undefined {
  for (const annotation of LOCATION_ANNOTATIONS) {
    const value = entity.metadata.annotations?.[annotation];
    if (value?.startsWith('url:file://')) return value.slice('url:'.length);
  }
  return undefined;
}

/**
 * True for entities read from a local repository: the "Local changes" card's filter.
 * @public
 */
export function isLocalRepositoryEntity(entity: Entity): boolean {
  return localRepositoryLocation(entity) !== undefined;
}
