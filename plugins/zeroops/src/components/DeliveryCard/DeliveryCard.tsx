import { useEntity } from '@backstage/plugin-catalog-react';
import { Skeleton } from '@backstage/ui';
import { useEntityZeroOpsData } from '../../hooks/useEntityZeroOpsData';
import { isZeroOpsAvailable } from '../../lib/isZeroOpsAvailable';
import { isZeroOpsDeliveryAvailable } from '../../lib/isZeroOpsDeliveryAvailable';
import { formatAgo, formatTimestamp } from '../../lib/format';
import { ZeroOpsCard } from '../common/ZeroOpsCard';
import { MissingZeroOpsAnnotation } from '../common/ZeroOpsErrorPanel';
import {
  DeliveryErrorPanel,
  DeliveryNotSetUp,
} from '../common/DeliveryErrorPanel';
import { RefreshErrorNote } from '../common/RefreshErrorNote';
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
  const { entity } = useEntity();
  if (!isZeroOpsAvailable(entity)) {
    return (
      <ZeroOpsCard title={TITLE}>
        <MissingZeroOpsAnnotation />
      </ZeroOpsCard>
    );
  }
  if (!isZeroOpsDeliveryAvailable(entity)) {
    return (
      <ZeroOpsCard title={TITLE}>
        <DeliveryNotSetUp />
      </ZeroOpsCard>
    );
  }
  return <DeliveryCardContent />;
}

function DeliveryCardContent() {
  const { value, error, refreshError, loading } = useEntityZeroOpsData(
    (api, entityRef, signal) => api.getEntityDelivery(entityRef, { signal }),
  );
  if (loading) {
    return (
      <ZeroOpsCard title={TITLE}>
        <div aria-busy="true" aria-label="Loading delivery">
          <Skeleton width="60%" height={24} />
          <Skeleton width="100%" height={140} style={{ marginTop: 16 }} />
        </div>
      </ZeroOpsCard>
    );
  }
  if (error || !value) {
    return (
      <ZeroOpsCard title={TITLE}>
        <DeliveryErrorPanel
          error={error ?? new Error('No data')}
          subject="delivery state"
        />
      </ZeroOpsCard>
    );
  }
  return (
    <ZeroOpsCard
      title={TITLE}
      demoData={value.demoData}
      footer={
        value.lastSyncedAt
          ? `Synced from GitHub ${formatAgo(
              value.lastSyncedAt,
            )} (${formatTimestamp(value.lastSyncedAt)}).`
          : 'Not synced from GitHub yet: webhooks and the scheduled reconciliation fill this in.'
      }
    >
      {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
      <DeliverySummary delivery={value} />
    </ZeroOpsCard>
  );
}
