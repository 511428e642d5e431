import { ReactNode, useId } from 'react';
import { Flex, Text } from '@backstage/ui';

/** A titled part of an environment's detail, as a labelled region. */
export function Section(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Flex direction="column" gap="2">
        <Text as="h3" variant="body-medium" weight="bold" id={id}>
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </section>
  );
}
