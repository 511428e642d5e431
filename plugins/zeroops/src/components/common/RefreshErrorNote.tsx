import { Text } from '@backstage/ui';
import { describeError } from '../../lib/describeError';
import { StatusText } from './StatusText';

/** Says that the data shown is older than it should be because the last refresh failed. */
export function RefreshErrorNote(props: { error: Error }) {
  return (
    <Text as="p" variant="body-small" role="status">
      <StatusText tone="warning">
        The last refresh failed ({describeError(props.error).message}); showing
        the previous data.
      </StatusText>
    </Text>
  );
}
