import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Link, Skeleton, Text } from '@backstage/ui';
import { localChangesApiRef } from '../../api/LocalChangesClient';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import { localRepositoryLocation } from '../../lib/localRepositoryLocation';
import { ZeroOpsDataCard } from '../common/ZeroOpsDataCard';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { LocalChangeItem } from './LocalChangeItem';
import {
  localChangePath,
  LOCAL_CHANGES_UI_PATH,
} from '@zeroops/backstage-plugin-zeroops-common';

const TITLE = 'Local changes';

/**
 * Entity overview card for entities read from a local repository (the embedded default): the
 * change requests opened in it by templates (`zeroops:publish:local:change-request`), newest
 * first, with how to review and merge them.
 *
 * @public
 */
export function LocalChangesCard() {
  const { entity } = useEntity();
  const api = useApi(localChangesApiRef);
  const location = localRepositoryLocation(entity);
  const data = useZeroOpsData(
    async signal => ({
      repositories: location
        ? await api.listLocalChanges({ location }, { signal })
        : [],
      // Read from the repositories' git folders, never from a simulator.
      demoData: false,
    }),
    [api, location],
  );
  return (
    <ZeroOpsDataCard
      title={TITLE}
      data={data}
      loadingLabel="Loading local changes"
      skeleton={<Skeleton width="100%" height={80} />}
      renderError={error => (
        <ZeroOpsErrorPanel error={error} subject="local changes" />
      )}
      actions={<Link href={LOCAL_CHANGES_UI_PATH}>All local changes</Link>}
    >
      {({ repositories }) => {
        const repository = repositories[0];
        if (!repository) {
          return (
            <Text as="p" variant="body-small">
              This entity's location is not one of the backend's local
              repositories.
            </Text>
          );
        }
        if (repository.changes.length === 0) {
          return (
            <Text as="p" variant="body-small">
              No change requests in <code>{repository.path}</code> yet. The
              adopt template opens one when it targets this local repository.
            </Text>
          );
        }
        return (
          <Flex direction="column" gap="3">
            {repository.changes.map(change => (
              <LocalChangeItem
                key={change.id}
                change={change}
                repositoryPath={repository.path}
                href={localChangePath(repository.repository, change.id)}
              />
            ))}
          </Flex>
        );
      }}
    </ZeroOpsDataCard>
  );
}
