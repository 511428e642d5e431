import { Alert, Flex, Text } from '@backstage/ui';
import {
  EntityEnvironment,
  HealthReasonSeverity,
  RepositoryLinks,
} from '@zeroops/backstage-plugin-zeroops-common';
import { proposeFixes } from '../../lib/proposeFixes';
import { formatAge } from '../../lib/format';
import { ZeroOpsCard } from '../common/ZeroOpsCard';
import { HealthBadge } from '../common/HealthBadge';
import { ExternalLink } from '../common/ExternalLink';
import { FirstDeploymentHint } from '../common/FirstDeploymentHint';
import { environmentHealthReasons } from '../common/environmentHealthReasons';
import { DeploymentsTable } from './DeploymentsTable';
import { ProposedFixes } from './ProposedFixes';
import { StoppedTasksTable } from './StoppedTasksTable';
import { ServiceEvents } from './ServiceEvents';
import { Section } from './Section';
import { StatusText, StatusTone } from '../common/StatusText';
import { StillReadingBadge } from '../common/StillReadingBadge';

const SEVERITY_TONES: Record<HealthReasonSeverity, StatusTone> = {
  down: 'negative',
  degraded: 'warning',
  'not-deployed': 'info',
  // Something that could show a problem was not read: worth a look, like a degradation.
  unknown: 'warning',
  info: 'info',
};

function title(environment: EntityEnvironment): string {
  if (environment.kind !== 'ephemeral') return environment.name;
  const age = environment.service?.createdAt
    ? `, ${formatAge(environment.service.createdAt)} old`
    : '';
  return `${environment.name} (pull request #${
    environment.pullRequest ?? '?'
  }${age})`;
}

/** Everything about one environment instance of the service. */
export function EnvironmentDetail(props: {
  environment: EntityEnvironment;
  links: RepositoryLinks | undefined;
}) {
  const { environment, links } = props;
  const fixes = proposeFixes(environment);
  return (
    <ZeroOpsCard
      title={title(environment)}
      actions={
        <Flex align="center" gap="3">
          {environment.pending ? (
            <StillReadingBadge subject={`${environment.name} health`} />
          ) : (
            <HealthBadge
              status={environment.health.status}
              reasons={environmentHealthReasons(environment)}
              subject={`${environment.name} health`}
            />
          )}
          <ExternalLink href={environment.links.console}>
            AWS console
          </ExternalLink>
          {environment.links.logs ? (
            <ExternalLink href={environment.links.logs}>
              CloudWatch Logs
            </ExternalLink>
          ) : null}
          {environment.kind === 'ephemeral' &&
          environment.pullRequest !== undefined &&
          links ? (
            <ExternalLink href={links.pullRequestUrl(environment.pullRequest)}>
              Pull request
            </ExternalLink>
          ) : null}
        </Flex>
      }
      footer={`ECS service ${environment.location.ecsServiceName} in cluster ${environment.location.cluster}, account ${environment.location.accountId}, ${environment.location.region}`}
    >
      <Flex direction="column" gap="4">
        {environment.pending ? (
          <Alert
            status="info"
            icon
            title={`Still reading AWS for ${environment.name}`}
            description="AWS has not answered within the page's time budget; the read goes on and this section refreshes in a few seconds."
          />
        ) : null}
        {environment.health.status === 'not-deployed' ? (
          <Alert
            status="info"
            icon
            title={`Not deployed to ${environment.name} yet`}
            description={
              <FirstDeploymentHint
                environmentName={environment.name}
                links={links}
                withLabel={false}
              />
            }
          />
        ) : null}
        {environment.error ? (
          <Alert
            status="danger"
            icon
            title={`AWS could not be read for ${environment.name}`}
            description={`${environment.error.message} — ${environment.error.hint}`}
          />
        ) : null}
        {environment.partialErrors.length > 0 ? (
          <Alert
            status="warning"
            icon
            title="Some checks could not run"
            description={environment.partialErrors
              .map(e => `${e.source}: ${e.message} (${e.hint})`)
              .join(' · ')}
          />
        ) : null}
        {environment.health.reasons.length > 0 &&
        !environment.error &&
        !environment.pending ? (
          <Section title="Health">
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {environment.health.reasons.map(reason => (
                <li key={`${reason.code}:${reason.resource ?? reason.message}`}>
                  <Text>
                    <StatusText tone={SEVERITY_TONES[reason.severity]}>
                      {reason.message}
                    </StatusText>
                  </Text>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {environment.deployment ? (
          <Section title="Deployments">
            <DeploymentsTable
              environment={environment.name}
              state={environment.deployment}
              links={links}
            />
          </Section>
        ) : null}
        {fixes.length > 0 ? (
          <Section title="Proposed fixes">
            <ProposedFixes fixes={fixes} />
          </Section>
        ) : null}
        {environment.stoppedTasks.length > 0 ? (
          <Section title="Stopped tasks">
            <StoppedTasksTable
              environment={environment.name}
              tasks={environment.stoppedTasks}
            />
          </Section>
        ) : null}
        {environment.events.length > 0 ? (
          <Section title="Recent service events">
            <ServiceEvents events={environment.events} />
          </Section>
        ) : null}
      </Flex>
    </ZeroOpsCard>
  );
}
