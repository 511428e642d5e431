import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DependencyList } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ZeroOpsApi, zeroOpsApiRef } from '../api';
import {
  useZeroOpsData,
  ZeroOpsData,
  ZeroOpsDataOptions,
} from './useZeroOpsData';

/** Options of {@link useEntityZeroOpsData}. */
export interface EntityZeroOpsDataOptions<T> extends ZeroOpsDataOptions<T> {
  /** What else the load reads besides the entity (a DORA window): a change reloads. */
  deps?: DependencyList;
}

/**
 * {@link useZeroOpsData} for the entity of the current page: reloads when the entity changes, and
 * polls while the page is visible.
 */
export function useEntityZeroOpsData<T>(
  load: (
    api: ZeroOpsApi,
    entityRef: CompoundEntityRef,
    signal: AbortSignal,
  ) => Promise<T>,
  options: EntityZeroOpsDataOptions<T> = {},
): ZeroOpsData<T> {
  const { deps = [], ...dataOptions } = options;
  const { entity } = useEntity();
  const api = useApi(zeroOpsApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useZeroOpsData(
    signal => load(api, getCompoundEntityRef(entity), signal),
    [api, entityRef, ...deps],
    dataOptions,
  );
}
