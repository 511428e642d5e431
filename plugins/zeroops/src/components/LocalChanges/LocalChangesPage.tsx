import { useApi } from '@backstage/core-plugin-api';
import { Container, Flex, Link, Skeleton, Text } from '@backstage/ui';
import { useParams } from 'react-router-dom';
import { localChangesApiRef } from '../../api/LocalChangesClient';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import { ZeroOpsDataView } from '../common/ZeroOpsDataView';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { LocalChangeItem } from './LocalChangeItem';
import {
  localChangePath,
  localRepositoryChangesPath,
  LocalRepositoryChanges,
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
  const data = useZeroOpsData(
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
        <ZeroOpsDataView
          data={data}
          loadingLabel="Loading local changes"
          skeleton={<Skeleton width="100%" height={160} />}
          renderError={error => (
            <ZeroOpsErrorPanel error={error} subject="local changes" />
          )}
        >
          {value =>
            value.length === 0 ? (
              <Text as="p">
                There is no local repository yet: the ZeroOps service template
                creates one when "Local git repository" is chosen.
              </Text>
            ) : (
              value.map(repo => (
                <RepositoryChanges
                  key={repo.repository}
                  repo={repo}
                  changeId={changeId}
                />
              ))
            )
          }
        </ZeroOpsDataView>
      </Flex>
    </Container>
  );
}

/** One repository's change requests, or only the selected one. */
function RepositoryChanges(props: {
  repo: LocalRepositoryChanges;
  changeId?: string;
}) {
  const { repo, changeId } = props;
  const changes = changeId
    ? repo.changes.filter(change => change.id === changeId)
    : repo.changes;
  return (
    <section aria-label={repo.repository}>
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
              changeId ? undefined : localChangePath(repo.repository, change.id)
            }
            selected={change.id === changeId}
          />
        ))}
      </Flex>
    </section>
  );
}
