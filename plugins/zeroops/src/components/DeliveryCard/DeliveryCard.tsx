import { formatAgoWithTimestamp } from '../../lib/format';
import { DeliveryErrorPanel } from '../common/DeliveryErrorPanel';
import { SkeletonStack } from '../common/SkeletonStack';
import { ZeroOpsEntityDataCard } from '../common/ZeroOpsEntityDataCard';
import { DeliverySummary } from './DeliverySummary';

/**
 * Entity overview card: what each environment runs according to GitHub (production, staging,
 * pull-request environments), what waits for approval with the link to review it, how far
 * staging is ahead of production, rollouts in progress and the last failure.
 *
 * @public
 */
export function DeliveryCard() {
  return (
    <ZeroOpsEntityDataCard
      title="Delivery"
      needsDelivery
      load={(api, entityRef, signal) =>
        api.getEntityDelivery(entityRef, { signal })
      }
      loadingLabel="Loading delivery"
      skeleton={
        <SkeletonStack bars={[{ width: '60%', height: 24 }, { height: 140 }]} />
      }
      renderError={error => (
        <DeliveryErrorPanel error={error} subject="delivery state" />
      )}
      footer={value =>
        value.lastSyncedAt
          ? `Synced from GitHub ${formatAgoWithTimestamp(value.lastSyncedAt)}.`
          : 'Not synced from GitHub yet: webhooks and the scheduled reconciliation fill this in.'
      }
    >
      {value => <DeliverySummary delivery={value} />}
    </ZeroOpsEntityDataCard>
  );
}
