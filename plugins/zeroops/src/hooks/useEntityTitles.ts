import { useEffect, useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';

const NO_TITLES: ReadonlyMap<string, string> = new Map();

/** What people call an entity: its title, a group's or user's display name, else undefined. */
function titleOf(entity: Entity): string | undefined {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  const displayName =
    typeof profile?.displayName === 'string' ? profile.displayName : undefined;
  return entity.metadata.title ?? displayName;
}

/**
 * Titles of the given entities from the catalog, by entity ref, for labels such as the
 * overview's filter menus. One request per distinct set of refs; refs without a title, and all
 * refs while loading or when the catalog cannot be asked, are absent (callers show the name).
 */
export function useEntityTitles(
  refs: readonly string[],
): ReadonlyMap<string, string> {
  // Optional: an app without the catalog API still gets names instead of an error.
  const catalogApi = useApiHolder().get(catalogApiRef);
  const key = [...new Set(refs)].sort().join('\n');
  const [titles, setTitles] = useState(NO_TITLES);
  useEffect(() => {
    if (!catalogApi || key === '') return undefined;
    let current = true;
    const entityRefs = key.split('\n');
    catalogApi
      .getEntitiesByRefs({
        entityRefs,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.title',
          'spec.profile.displayName',
        ],
      })
      .then(({ items }) => {
        if (!current) return;
        // Items come in the order of the refs asked for (undefined when not found).
        const found = new Map<string, string>();
        items.forEach((entity, index) => {
          const title = entity && titleOf(entity);
          if (title) found.set(entityRefs[index], title);
        });
        setTitles(found);
      })
      // Labels fall back to entity names; the filter works the same without titles.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [catalogApi, key]);
  return titles;
}
