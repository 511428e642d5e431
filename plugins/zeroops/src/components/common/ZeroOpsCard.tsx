import { ReactNode, useId } from 'react';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { DemoDataMarker } from './DemoDataMarker';

export interface ZeroOpsCardProps {
  title: string;
  demoData?: boolean;
  /** Extra header content next to the title (links, legends). */
  actions?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/** The frame of every ZeroOps card: a titled region, the demo marker and a footer line. */
export function ZeroOpsCard(props: ZeroOpsCardProps) {
  const { title, demoData, actions, footer, children } = props;
  const headingId = useId();
  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader>
        <Flex justify="between" align="center" gap="2">
          <Flex align="center" gap="2">
            <Text as="h2" variant="title-small" id={headingId}>
              {title}
            </Text>
            <DemoDataMarker demoData={demoData} />
          </Flex>
          {actions}
        </Flex>
      </CardHeader>
      <CardBody>{children}</CardBody>
      {footer ? (
        <CardFooter>
          <Text variant="body-x-small" color="secondary">
            {footer}
          </Text>
        </CardFooter>
      ) : null}
    </Card>
  );
}
