import { Flex, Text } from '@backstage/ui';
import { RepositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { firstDeploymentStep } from '../../lib/firstDeployment';
import { ExternalLink } from './ExternalLink';

/** "Not deployed yet" and what deploys the environment, for an environment without ECS service. */
export function FirstDeploymentHint(props: {
  environmentName: string;
  links: RepositoryLinks | undefined;
  /** False where a title already says "not deployed". */
  withLabel?: boolean;
}) {
  const step = firstDeploymentStep(props.environmentName, props.links);
  return (
    <Flex direction="column" gap="0">
      {props.withLabel === false ? null : <Text>Not deployed yet</Text>}
      <Text
        variant={props.withLabel === false ? 'body-medium' : 'body-x-small'}
        color="secondary"
      >
        {step.text}
        {step.workflowUrl ? (
          <>
            {' '}
            <ExternalLink href={step.workflowUrl}>
              {step.workflowName}
            </ExternalLink>
          </>
        ) : null}
      </Text>
    </Flex>
  );
}
