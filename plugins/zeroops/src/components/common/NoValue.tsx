import { Text } from '@backstage/ui';

/** A cell or figure with nothing to show. */
export function NoValue() {
  return <Text color="secondary">—</Text>;
}
