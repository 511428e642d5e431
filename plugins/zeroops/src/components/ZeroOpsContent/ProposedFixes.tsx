import { Alert, Flex, Text } from '@backstage/ui';
import { ProposedFix } from '../../lib/proposeFixes';
import { ExternalLink } from '../common/ExternalLink';

/** One panel per recognised failure with the evidence and the steps to fix it. */
export function ProposedFixes(props: { fixes: ProposedFix[] }) {
  return (
    <Flex direction="column" gap="3">
      {props.fixes.map(fix => (
        <Alert
          key={fix.code}
          status="warning"
          icon
          title={fix.title}
          description={
            <Flex direction="column" gap="1">
              <Text variant="body-small">{fix.evidence}</Text>
              <ol style={{ margin: 0, paddingLeft: '1.4em' }}>
                {fix.steps.map(step => (
                  <li key={step}>
                    <Text variant="body-small">{step}</Text>
                  </li>
                ))}
              </ol>
              <Text variant="body-small">
                <ExternalLink href={fix.docsUrl}>
                  AWS documentation
                </ExternalLink>
              </Text>
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}
