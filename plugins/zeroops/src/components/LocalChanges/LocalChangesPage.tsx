import { useApi } from '@backstage/core-plugin-api';
import { Container, Flex, Link, Skeleton, Text } from '@backstage/ui';
import { useParams } from 'react-router-dom';
import { localChangesApiRef } from '../../api/LocalChangesClient';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import { RefreshErrorNote } from '../common/RefreshErrorNote';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { LocalChangeItem } from './LocalChangeItem';
import {
  localChangePath,
  localRepositoryChangesPath,
  LOCAL_CHANGES_UI_PATH,
} from '@zeroops/backstage-plugin-zeroops-common';

/** `<repository>/<id>` after the page's path, either part optional. */
function useSelection() {
  const rest = useParams()['*'] ?? '';
  const [repository, changeId] = rest
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  return { repository, changeId };
}

/**
 * The change requests of every local repository of the embedded default (the local equivalent
 * of pull requests), or of one repository, or one change: `/zeroops/local-changes[/<repository>[/<id>]]`.
 *
 * @public
 */
export function LocalChangesPage() {
  const api = useApi(localChangesApiRef);
  const { repository, changeId } = useSelection();
  const { value, error, refreshError, loading } = useZeroOpsData(
    signal =>
      api.listLocalChanges(repository ? { repository } : {}, { signal }),
    [api, repository],
  );
  return (
    <Container py="4">
      <Flex direction="column" gap="4">
        <Text as="p" variant="body-medium">
          Change requests that templates opened in the local git repositories of
          this Backstage backend: a branch per change, reviewed and merged with
          git.{' '}
          {repository ? (
            <Link href={LOCAL_CHANGES_UI_PATH}>Show all</Link>
          ) : null}
        </Text>
        {loading ? (
          <div aria-busy="true" aria-label="Loading local changes">
            <Skeleton width="100%" height={160} />
          </div>
        ) : null}
        {!loading && (error || !value) ? (
          <ZeroOpsErrorPanel
            error={error ?? new Error('No data')}
            subject="local changes"
          />
        ) : null}
        {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
        {value?.length === 0 ? (
          <Text as="p">
            There is no local repository yet: the ZeroOps service template
            creates one when "Local git repository" is chosen.
          </Text>
        ) : null}
        {value?.map(repo => {
          const changes = changeId
            ? repo.changes.filter(change => change.id === changeId)
            : repo.changes;
          return (
            <section key={repo.repository} aria-label={repo.repository}>
              <Flex direction="column" gap="2">
                <Text as="h2" variant="title-small">
                  <Link href={localRepositoryChangesPath(repo.repository)}>
                    {repo.repository}
                  </Link>
                </Text>
                <Text variant="body-small" color="secondary">
                  <code>{repo.path}</code>
                </Text>
                {changes.length === 0 ? (
                  <Text as="p" variant="body-small">
                    {changeId
                      ? `There is no change #${changeId} in this repository.`
                      : 'No change requests.'}
                  </Text>
                ) : null}
                {changes.map(change => (
                  <LocalChangeItem
                    key={change.id}
                    change={change}
                    repositoryPath={repo.path}
                    href={
                      changeId
                        ? undefined
                        : localChangePath(repo.repository, change.id)
                    }
                    selected={change.id === changeId}
                  />
                ))}
              </Flex>
            </section>
          );
        })}
      </Flex>
    </Container>
  );
}
