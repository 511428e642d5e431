import { Text } from '@backstage/ui';

/** What the environment views show when the backend has no environment to read. */
export function NoEnvironmentsConfigured() {
  return (
    <Text as="p">
      No environments are configured for ZeroOps (zeroops.environments in the
      app configuration).
    </Text>
  );
}
