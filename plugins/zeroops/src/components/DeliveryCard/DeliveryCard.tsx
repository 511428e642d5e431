import { Skeleton } from '@backstage/ui';
import { useEntityZeroOpsData } from '../../hooks/useEntityZeroOpsData';
import { formatAgo, formatTimestamp } from '../../lib/format';
import { DeliveryErrorPanel } from '../common/DeliveryErrorPanel';
import { ZeroOpsDataCard } from '../common/ZeroOpsDataCard';
import { ZeroOpsEntityGate } from '../common/ZeroOpsEntityGate';
import { DeliverySummary } from './DeliverySummary';

const TITLE = 'Delivery';

/**
 * Entity overview card: what each environment runs according to GitHub (production, staging,
 * pull-request environments), what waits for approval with the link to review it, how far
 * staging is ahead of production, rollouts in progress and the last failure.
 *
 * @public
 */
export function DeliveryCard() {
  return (
    <ZeroOpsEntityGate title={TITLE} needsDelivery>
      <DeliveryCardContent />
    </ZeroOpsEntityGate>
  );
}

function DeliveryCardContent() {
  const data = useEntityZeroOpsData((api, entityRef, signal) =>
    api.getEntityDelivery(entityRef, { signal }),
  );
  return (
    <ZeroOpsDataCard
      title={TITLE}
      data={data}
      loadingLabel="Loading delivery"
      skeleton={
        <>
          <Skeleton width="60%" height={24} />
          <Skeleton width="100%" height={140} style={{ marginTop: 16 }} />
        </>
      }
      renderError={error => (
        <DeliveryErrorPanel error={error} subject="delivery state" />
      )}
      footer={value =>
        value.lastSyncedAt
          ? `Synced from GitHub ${formatAgo(
              value.lastSyncedAt,
            )} (${formatTimestamp(value.lastSyncedAt)}).`
          : 'Not synced from GitHub yet: webhooks and the scheduled reconciliation fill this in.'
      }
    >
      {value => <DeliverySummary delivery={value} />}
    </ZeroOpsDataCard>
  );
}
