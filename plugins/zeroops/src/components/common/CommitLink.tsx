import {
  Deployment,
  RepositoryLinks,
} from '@zeroops/backstage-plugin-zeroops-common';
import { shortSha } from '../../lib/format';
import { ExternalLink } from './ExternalLink';

/**
 * The deployed commit as a short SHA linking to the repository, or the task definition revision
 * when the image tag is not a commit SHA.
 */
export function CommitLink(props: {
  deployment: Deployment;
  links: RepositoryLinks | undefined;
}) {
  const { deployment, links } = props;
  const sha = deployment.commitSha;
  if (!sha) {
    return (
      <code>
        {deployment.taskDefinitionFamily}:{deployment.taskDefinitionRevision}
      </code>
    );
  }
  if (!links) return <code title={sha}>{shortSha(sha)}</code>;
  return (
    <ExternalLink href={links.commitUrl(sha)} title={`Commit ${sha}`}>
      <code>{shortSha(sha)}</code>
    </ExternalLink>
  );
}
