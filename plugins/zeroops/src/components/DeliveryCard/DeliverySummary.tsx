import { Flex, Text } from '@backstage/ui';
import {
  DeliveryDeployment,
  EntityDeliveryResponse,
  StagingAhead,
} from '@zeroops/backstage-plugin-zeroops-common';
import { failureLabel } from '../../lib/deliveryLabels';
import { ExternalLink } from '../common/ExternalLink';
import { StatusText } from '../common/StatusText';
import { TimeAgo } from '../common/TimeAgo';
import { DeliveryEnvironmentsTable } from './DeliveryEnvironmentsTable';
import { PendingApprovals } from './PendingApprovals';
import { ShaLink } from './ShaLink';

function StagingAheadLine(props: { ahead: StagingAhead }) {
  const { ahead } = props;
  return (
    <Text as="div" variant="body-small" role="group" aria-label="Staging ahead">
      Staging is{' '}
      <strong>
        {ahead.commits} commit{ahead.commits === 1 ? '' : 's'}
      </strong>{' '}
      ahead of production.{' '}
      <ExternalLink href={ahead.compareUrl}>Compare on GitHub</ExternalLink>
    </Text>
  );
}

function LastFailureLine(props: {
  failure: DeliveryDeployment;
  repositoryUrl: string;
}) {
  const { failure, repositoryUrl } = props;
  const at = failure.finishedAt ?? failure.updatedAt;
  return (
    <Text as="div" variant="body-small" role="group" aria-label="Last failure">
      <StatusText tone="negative">Last failure</StatusText> in{' '}
      {failure.environment}:{' '}
      <ShaLink repositoryUrl={repositoryUrl} sha={failure.sha} />{' '}
      {failureLabel(failure)}, <TimeAgo at={at} />
      {failure.creator ? <> (deployed by {failure.creator})</> : null}
      {failure.workflowRunUrl ? (
        <>
          {' '}
          <ExternalLink href={failure.workflowRunUrl}>
            Workflow run
          </ExternalLink>
        </>
      ) : null}
    </Text>
  );
}

/** The body of the Delivery card once the backend answered. */
export function DeliverySummary(props: { delivery: EntityDeliveryResponse }) {
  const { delivery } = props;
  if (delivery.environments.length === 0) {
    return (
      <Text as="div">
        No deployments recorded for{' '}
        <ExternalLink href={delivery.repositoryUrl}>
          {delivery.repository}
        </ExternalLink>{' '}
        yet. They appear once the service&apos;s deploy workflows create GitHub
        deployments (the ZeroOps templates&apos; workflows do) and the backend
        has received their webhooks or reconciled the repository.
      </Text>
    );
  }
  const approvals = delivery.environments.flatMap(e => e.pendingApprovals);
  return (
    <Flex direction="column" gap="3">
      <PendingApprovals approvals={approvals} />
      {delivery.stagingAhead && delivery.stagingAhead.commits > 0 ? (
        <StagingAheadLine ahead={delivery.stagingAhead} />
      ) : null}
      <DeliveryEnvironmentsTable
        environments={delivery.environments}
        repositoryUrl={delivery.repositoryUrl}
      />
      {delivery.lastFailure ? (
        <LastFailureLine
          failure={delivery.lastFailure}
          repositoryUrl={delivery.repositoryUrl}
        />
      ) : null}
    </Flex>
  );
}
