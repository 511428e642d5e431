import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeliveryOverviewResponse,
  DoraWindowDays,
  EntityCostResponse,
  EntityDeliveryResponse,
  EntityDoraResponse,
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Options of every {@link ZeroOpsApi} call.
 *
 * @public
 */
export interface ZeroOpsRequestOptions {
  /** Aborts the request, e.g. when the component unmounts or a newer poll starts. */
  signal?: AbortSignal;
}

/**
 * The ZeroOps backend API (`/api/zeroops`), typed with the common response types.
 *
 * @public
 */
export interface ZeroOpsApi {
  /** Health and deployment state of every environment of an entity. */
  getEntityEnvironments(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityEnvironmentsResponse>;
  /** Cost of an entity's service from the latest scheduled snapshot. */
  getEntityCost(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityCostResponse>;
  /** Every service the caller may read, with health, cost and budget. */
  getOverview(options?: ZeroOpsRequestOptions): Promise<OverviewResponse>;
  /**
   * What each environment of an entity's service runs according to GitHub, what waits for
   * approval and what failed last.
   */
  getEntityDelivery(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDeliveryResponse>;
  /** The four DORA metrics of an entity's service over the last `windowDays` days. */
  getEntityDora(
    entityRef: CompoundEntityRef,
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDoraResponse>;
  /** Delivery state and DORA of every service the caller may read, grouped by owning team. */
  getDeliveryOverview(
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<DeliveryOverviewResponse>;
}

/**
 * Reference to the {@link ZeroOpsApi}.
 *
 * @public
 */
export const zeroOpsApiRef = createApiRef<ZeroOpsApi>({
  id: 'plugin.zeroops.api',
});
