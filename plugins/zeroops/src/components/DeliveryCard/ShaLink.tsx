import { shortSha } from '../../lib/format';
import { commitUrl } from '../../lib/deliveryLabels';
import { ExternalLink } from '../common/ExternalLink';

/** A commit as GitHub shows it: the short SHA linking to the commit page. */
export function ShaLink(props: { repositoryUrl: string; sha: string }) {
  const { repositoryUrl, sha } = props;
  return (
    <ExternalLink href={commitUrl(repositoryUrl, sha)} title={`Commit ${sha}`}>
      <code>{shortSha(sha)}</code>
    </ExternalLink>
  );
}
