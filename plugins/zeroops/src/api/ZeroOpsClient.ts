import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeliveryOverviewResponse,
  DoraWindowDays,
  EntityCostResponse,
  EntityDeliveryResponse,
  EntityDoraResponse,
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ZeroOpsApi, ZeroOpsRequestOptions } from './ZeroOpsApi';

/**
 * {@link ZeroOpsApi} over HTTP: the backend plugin's base URL comes from the discovery API and
 * requests go through the fetch API, so the user's Backstage token is attached.
 *
 * @public
 */
export class ZeroOpsClient implements ZeroOpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityEnvironments(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityEnvironmentsResponse> {
    return this.get(`${entityPath(entityRef)}/environments`, options);
  }

  getEntityCost(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityCostResponse> {
    return this.get(`${entityPath(entityRef)}/cost`, options);
  }

  getOverview(options?: ZeroOpsRequestOptions): Promise<OverviewResponse> {
    return this.get('/overview', options);
  }

  getEntityDelivery(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDeliveryResponse> {
    return this.get(`${entityPath(entityRef)}/delivery`, options);
  }

  getEntityDora(
    entityRef: CompoundEntityRef,
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDoraResponse> {
    return this.get(
      `${entityPath(entityRef)}/dora?${windowQuery(windowDays)}`,
      options,
    );
  }

  getDeliveryOverview(
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<DeliveryOverviewResponse> {
    return this.get(`/delivery/overview?${windowQuery(windowDays)}`, options);
  }

  private async get<T>(
    path: string,
    options: ZeroOpsRequestOptions | undefined,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('zeroops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      signal: options?.signal,
    });
    if (!response.ok) {
      // Keeps the backend's error body (name, message) and the status for the UI to explain.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/entities/${[kind.toLocaleLowerCase('en-US'), namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function windowQuery(windowDays: DoraWindowDays): string {
  return new URLSearchParams({ window: String(windowDays) }).toString();
}
