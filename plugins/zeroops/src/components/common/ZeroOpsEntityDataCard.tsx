import { CompoundEntityRef } from '@backstage/catalog-model';
import { ZeroOpsApi } from '../../api';
import {
  EntityZeroOpsDataOptions,
  useEntityZeroOpsData,
} from '../../hooks/useEntityZeroOpsData';
import { ZeroOpsDataCard, ZeroOpsDataCardProps } from './ZeroOpsDataCard';
import { ZeroOpsEntityGate } from './ZeroOpsEntityGate';

export interface ZeroOpsEntityDataCardProps<T extends { demoData?: boolean }>
  extends Omit<ZeroOpsDataCardProps<T>, 'data'> {
  /** The card reads delivery data from GitHub, which needs its own annotation. */
  needsDelivery?: boolean;
  /** Reads the card's data of the page's entity from the backend. */
  load: (
    api: ZeroOpsApi,
    entityRef: CompoundEntityRef,
    signal: AbortSignal,
  ) => Promise<T>;
  loadOptions?: EntityZeroOpsDataOptions<T>;
}

/**
 * An entity overview card over ZeroOps data: the entity's annotations are checked first
 * ({@link ZeroOpsEntityGate}), so that an entity that cannot have the data never asks the
 * backend; then the data is loaded, polled and shown in a {@link ZeroOpsDataCard}.
 */
export function ZeroOpsEntityDataCard<T extends { demoData?: boolean }>(
  props: ZeroOpsEntityDataCardProps<T>,
) {
  const { needsDelivery, ...card } = props;
  return (
    <ZeroOpsEntityGate title={card.title} needsDelivery={needsDelivery}>
      <LoadedEntityDataCard {...card} />
    </ZeroOpsEntityGate>
  );
}

/** The card once the gate let it through: the hook runs only here. */
function LoadedEntityDataCard<T extends { demoData?: boolean }>(
  props: Omit<ZeroOpsEntityDataCardProps<T>, 'needsDelivery'>,
) {
  const { load, loadOptions, ...card } = props;
  const data = useEntityZeroOpsData(load, loadOptions);
  return <ZeroOpsDataCard {...card} data={data} />;
}
