import { ReactNode, useId } from 'react';
import { Flex, Text } from '@backstage/ui';

/** A titled region of the overview page. */
export function OverviewSection(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Flex direction="column" gap="2">
        <Text as="h2" variant="title-x-small" id={id}>
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </section>
  );
}
