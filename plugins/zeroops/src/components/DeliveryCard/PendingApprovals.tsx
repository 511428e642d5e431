import { Alert, ButtonLink, Flex, VisuallyHidden } from '@backstage/ui';
import { PendingApproval } from '@zeroops/backstage-plugin-zeroops-common';
import { shortSha } from '../../lib/format';
import { TimeAgo } from '../common/TimeAgo';
import { reviewersLabel } from '../../lib/deliveryLabels';

/**
 * Deployments waiting for a reviewer, first thing on the card: a waiting production deployment
 * is the one thing on the card somebody has to act on, on GitHub.
 */
export function PendingApprovals(props: { approvals: PendingApproval[] }) {
  if (props.approvals.length === 0) return null;
  return (
    <Flex direction="column" gap="2">
      {props.approvals.map(approval => (
        <Alert
          key={`${approval.environment}:${approval.workflowRunId}`}
          status="warning"
          icon
          role="group"
          aria-label={`${approval.environment} deployment waiting for approval`}
          title={`${approval.environment} deployment of ${shortSha(
            approval.sha,
          )} is waiting for approval`}
          description={
            <>
              <TimeAgo at={approval.waitingSince} prefix="Waiting " />. Can
              approve: {reviewersLabel(approval.reviewers)}.
            </>
          }
          customActions={<ReviewLink approval={approval} />}
        />
      ))}
    </Flex>
  );
}

/** "Review on GitHub": the workflow run page, where reviewers approve or reject. */
export function ReviewLink(props: {
  approval: PendingApproval;
  variant?: 'primary' | 'secondary';
}) {
  const { approval, variant = 'primary' } = props;
  return (
    <ButtonLink
      href={approval.reviewUrl}
      target="_blank"
      rel="noopener noreferrer"
      variant={variant}
      size="small"
    >
      Review on GitHub
      <VisuallyHidden>
        {' '}
        the {approval.environment} deployment of {shortSha(approval.sha)} (opens
        in a new tab)
      </VisuallyHidden>
    </ButtonLink>
  );
}
