import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Skeleton, Text } from '@backstage/ui';
import { useEntityZeroOpsData } from '../../hooks/useEntityZeroOpsData';
import { isZeroOpsAvailable } from '../../lib/isZeroOpsAvailable';
import { groupEnvironments } from '../../lib/groupEnvironments';
import { formatTimestamp } from '../../lib/format';
import {
  MissingZeroOpsAnnotation,
  ZeroOpsErrorPanel,
} from '../common/ZeroOpsErrorPanel';
import { DemoDataMarker } from '../common/DemoDataMarker';
import { NoEnvironmentsConfigured } from '../common/NoEnvironmentsConfigured';
import { RefreshErrorNote } from '../common/RefreshErrorNote';
import { EnvironmentDetail } from './EnvironmentDetail';
import { hasPendingEnvironments } from '../../lib/pendingEnvironments';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Entity tab: per environment the deployments (primary, active, last failed with the circuit
 * breaker's reason), proposed fixes for common failures, stopped tasks with exit codes, recent
 * ECS service events and links to the AWS console and CloudWatch Logs.
 *
 * @public
 */
export function ZeroOpsContent() {
  const { entity } = useEntity();
  if (!isZeroOpsAvailable(entity)) return <MissingZeroOpsAnnotation />;
  return <ZeroOpsContentBody />;
}

function ZeroOpsContentBody() {
  const { entity } = useEntity();
  const { value, error, refreshError, loading } = useEntityZeroOpsData(
    (api, entityRef, signal) =>
      api.getEntityEnvironments(entityRef, { signal }),
    { isPending: hasPendingEnvironments },
  );
  const links = useMemo(() => repositoryLinks(entity), [entity]);

  if (loading) {
    return (
      <div aria-busy="true" aria-label="Loading environments">
        <Skeleton width="100%" height={160} />
        <Skeleton width="100%" height={160} style={{ marginTop: 16 }} />
      </div>
    );
  }
  if (error || !value) {
    return (
      <ZeroOpsErrorPanel
        error={error ?? new Error('No data')}
        subject="environments"
      />
    );
  }
  if (value.environments.length === 0) {
    return <NoEnvironmentsConfigured />;
  }
  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center">
        <Text variant="body-small" color="secondary">
          Service {value.serviceName} · read from AWS at{' '}
          {formatTimestamp(value.generatedAt)} ·{' '}
          {hasPendingEnvironments(value)
            ? 'still reading some environments, refreshed every few seconds'
            : 'refreshed every 30 seconds'}
        </Text>
        <DemoDataMarker demoData={value.demoData} />
      </Flex>
      {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
      {groupEnvironments(value.environments).map(({ environment }) => (
        <EnvironmentDetail
          key={environment.name}
          environment={environment}
          links={links}
        />
      ))}
    </Flex>
  );
}
