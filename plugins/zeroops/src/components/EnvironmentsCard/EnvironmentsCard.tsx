import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { groupEnvironments } from '../../lib/groupEnvironments';
import { formatTimestamp } from '../../lib/format';
import { NoEnvironmentsConfigured } from '../common/NoEnvironmentsConfigured';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { SkeletonStack } from '../common/SkeletonStack';
import { ZeroOpsEntityDataCard } from '../common/ZeroOpsEntityDataCard';
import { EnvironmentsTable } from './EnvironmentsTable';
import { hasPendingEnvironments } from '../../lib/pendingEnvironments';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';

/** Three table rows while the first load runs. */
const TABLE_ROWS_SKELETON = [{ height: 28 }, { height: 28 }, { height: 28 }];

/**
 * Entity overview card: one row per environment with health (reasons on hover), tasks, what is
 * deployed and any rollout in progress; pull-request environments are grouped under staging.
 *
 * @public
 */
export function EnvironmentsCard() {
  const { entity } = useEntity();
  const links = useMemo(() => repositoryLinks(entity), [entity]);
  return (
    <ZeroOpsEntityDataCard
      title="Environments"
      load={(api, entityRef, signal) =>
        api.getEntityEnvironments(entityRef, { signal })
      }
      loadOptions={{ isPending: hasPendingEnvironments }}
      loadingLabel="Loading environments"
      skeleton={<SkeletonStack bars={TABLE_ROWS_SKELETON} gap={8} />}
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
    </ZeroOpsEntityDataCard>
  );
}
