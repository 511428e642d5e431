import { useState } from 'react';
import { Flex, Grid, Text } from '@backstage/ui';
import {
  DEFAULT_DORA_WINDOW,
  DoraSummary,
  DoraWindowDays,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DORA_METRICS } from '../../lib/doraMetrics';
import { formatTimestamp } from '../../lib/format';
import { DeliveryErrorPanel } from '../common/DeliveryErrorPanel';
import { SkeletonStack } from '../common/SkeletonStack';
import { ZeroOpsEntityDataCard } from '../common/ZeroOpsEntityDataCard';
import { StatusText } from '../common/StatusText';
import { DoraMetricTile } from './DoraMetricTile';
import { DoraTrendChart } from './DoraTrendChart';
import { DoraWindowSelect } from './DoraWindowSelect';

/**
 * Entity overview card: deployment frequency, lead time for changes, change failure rate and
 * time to restore over 7, 30 or 90 days, each with its DORA band and the seed's target, and a
 * weekly trend.
 *
 * @public
 */
export function DoraCard() {
  const [windowDays, setWindowDays] =
    useState<DoraWindowDays>(DEFAULT_DORA_WINDOW);
  return (
    <ZeroOpsEntityDataCard
      title="DORA metrics"
      needsDelivery
      actions={<DoraWindowSelect value={windowDays} onChange={setWindowDays} />}
      load={(api, entityRef, signal) =>
        api.getEntityDora(entityRef, windowDays, { signal })
      }
      loadOptions={{ deps: [windowDays] }}
      loadingLabel="Loading DORA metrics"
      skeleton={<SkeletonStack bars={[{ height: 90 }, { height: 180 }]} />}
      renderError={error => (
        <DeliveryErrorPanel error={error} subject="DORA metrics" />
      )}
      footer={({ dora, generatedAt }) =>
        `Production deployments from ${formatTimestamp(
          dora.from,
        )} to ${formatTimestamp(dora.to)}, computed ${formatTimestamp(
          generatedAt,
        )}.`
      }
    >
      {value => <DoraSummaryView dora={value.dora} />}
    </ZeroOpsEntityDataCard>
  );
}

function DoraSummaryView(props: { dora: DoraSummary }) {
  const { dora } = props;
  return (
    <Flex direction="column" gap="4">
      <Grid.Root columns={{ initial: '1', sm: '2', lg: '4' }} gap="4">
        {DORA_METRICS.map(name => (
          <DoraMetricTile key={name} name={name} metric={dora[name]} />
        ))}
      </Grid.Root>
      {dora.openIncidents > 0 ? (
        <Text as="p" variant="body-small" role="status">
          <StatusText tone="warning">
            {dora.openIncidents} production failure
            {dora.openIncidents === 1 ? ' has' : 's have'} no healthy deployment
            after {dora.openIncidents === 1 ? 'it' : 'them'} yet
          </StatusText>
        </Text>
      ) : null}
      {dora.weekly.length > 0 ? (
        <DoraTrendChart weeks={dora.weekly} />
      ) : (
        <Text as="p" variant="body-small" color="secondary">
          No production deployment in the last {dora.windowDays} days, so no
          weekly trend.
        </Text>
      )}
    </Flex>
  );
}
