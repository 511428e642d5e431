import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Skeleton, Text } from '@backstage/ui';
import { useEntityZeroOpsData } from '../../hooks/useEntityZeroOpsData';
import { isZeroOpsAvailable } from '../../lib/isZeroOpsAvailable';
import { groupEnvironments } from '../../lib/groupEnvironments';
import { formatTimestamp } from '../../lib/format';
import { ZeroOpsCard } from '../common/ZeroOpsCard';
import {
  MissingZeroOpsAnnotation,
  ZeroOpsErrorPanel,
} from '../common/ZeroOpsErrorPanel';
import { RefreshErrorNote } from '../common/RefreshErrorNote';
import { EnvironmentsTable } from './EnvironmentsTable';
import { hasPendingEnvironments } from '../../lib/pendingEnvironments';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';

const TITLE = 'Environments';

/**
 * Entity overview card: one row per environment with health (reasons on hover), tasks, what is
 * deployed and any rollout in progress; pull-request environments are grouped under staging.
 *
 * @public
 */
export function EnvironmentsCard() {
  const { entity } = useEntity();
  if (!isZeroOpsAvailable(entity)) {
    return (
      <ZeroOpsCard title={TITLE}>
        <MissingZeroOpsAnnotation />
      </ZeroOpsCard>
    );
  }
  return <EnvironmentsCardContent />;
}

function EnvironmentsCardContent() {
  const { entity } = useEntity();
  const { value, error, refreshError, loading } = useEntityZeroOpsData(
    (api, entityRef, signal) =>
      api.getEntityEnvironments(entityRef, { signal }),
    { isPending: hasPendingEnvironments },
  );
  const links = useMemo(() => repositoryLinks(entity), [entity]);

  if (loading) {
    return (
      <ZeroOpsCard title={TITLE}>
        <div aria-busy="true" aria-label="Loading environments">
          <Skeleton width="100%" height={28} />
          <Skeleton width="100%" height={28} style={{ marginTop: 8 }} />
          <Skeleton width="100%" height={28} style={{ marginTop: 8 }} />
        </div>
      </ZeroOpsCard>
    );
  }
  if (error || !value) {
    return (
      <ZeroOpsCard title={TITLE}>
        <ZeroOpsErrorPanel
          error={error ?? new Error('No data')}
          subject="environments"
        />
      </ZeroOpsCard>
    );
  }
  return (
    <ZeroOpsCard
      title={TITLE}
      demoData={value.demoData}
      footer={`Read from AWS at ${formatTimestamp(value.generatedAt)}; ${
        hasPendingEnvironments(value)
          ? 'still reading some environments, refreshed every few seconds until they arrive.'
          : 'refreshed every 30 seconds while this page is open.'
      }`}
    >
      {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
      {value.environments.length === 0 ? (
        <Text as="p">
          No environments are configured for ZeroOps (zeroops.environments in
          the app configuration).
        </Text>
      ) : (
        <EnvironmentsTable
          rows={groupEnvironments(value.environments)}
          links={links}
        />
      )}
    </ZeroOpsCard>
  );
}
