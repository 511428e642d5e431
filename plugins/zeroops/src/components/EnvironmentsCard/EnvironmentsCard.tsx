import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Skeleton } from '@backstage/ui';
import { useEntityZeroOpsData } from '../../hooks/useEntityZeroOpsData';
import { groupEnvironments } from '../../lib/groupEnvironments';
import { formatTimestamp } from '../../lib/format';
import { NoEnvironmentsConfigured } from '../common/NoEnvironmentsConfigured';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { ZeroOpsDataCard } from '../common/ZeroOpsDataCard';
import { ZeroOpsEntityGate } from '../common/ZeroOpsEntityGate';
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
  return (
    <ZeroOpsEntityGate title={TITLE}>
      <EnvironmentsCardContent />
    </ZeroOpsEntityGate>
  );
}

function EnvironmentsCardContent() {
  const { entity } = useEntity();
  const data = useEntityZeroOpsData(
    (api, entityRef, signal) =>
      api.getEntityEnvironments(entityRef, { signal }),
    { isPending: hasPendingEnvironments },
  );
  const links = useMemo(() => repositoryLinks(entity), [entity]);
  return (
    <ZeroOpsDataCard
      title={TITLE}
      data={data}
      loadingLabel="Loading environments"
      skeleton={
        <>
          <Skeleton width="100%" height={28} />
          <Skeleton width="100%" height={28} style={{ marginTop: 8 }} />
          <Skeleton width="100%" height={28} style={{ marginTop: 8 }} />
        </>
      }
      renderError={error => (
        <ZeroOpsErrorPanel error={error} subject="environments" />
      )}
      footer={value =>
        `Read from AWS at ${formatTimestamp(value.generatedAt)}; ${
          hasPendingEnvironments(value)
            ? 'still reading some environments, refreshed every few seconds until they arrive.'
            : 'refreshed every 30 seconds while this page is open.'
        }`
      }
    >
      {value =>
        value.environments.length === 0 ? (
          <NoEnvironmentsConfigured />
        ) : (
          <EnvironmentsTable
            rows={groupEnvironments(value.environments)}
            links={links}
          />
        )
      }
    </ZeroOpsDataCard>
  );
}
