import { Text } from '@backstage/ui';
import { ServiceEvent } from '@zeroops/backstage-plugin-zeroops-common';
import { formatAgo, formatTimestamp } from '../../lib/format';

const MAX_EVENTS = 8;

/** The newest ECS service events ("has reached a steady state", "deployment failed"). */
export function ServiceEvents(props: { events: ServiceEvent[] }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {props.events.slice(0, MAX_EVENTS).map(event => (
        <li key={event.id} style={{ marginBottom: 'var(--bui-space-1)' }}>
          <Text variant="body-small">
            <time
              dateTime={event.createdAt}
              title={formatTimestamp(event.createdAt)}
              style={{ color: 'var(--bui-fg-secondary)', marginRight: 8 }}
            >
              {formatAgo(event.createdAt)}
            </time>
            {event.message}
          </Text>
        </li>
      ))}
    </ol>
  );
}
