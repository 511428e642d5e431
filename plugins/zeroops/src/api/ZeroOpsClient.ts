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
import {
  ZeroOpsGetParameters,
  ZeroOpsGetResponse,
  ZeroOpsGetRoute,
  zeroOpsRoutePath,
} from './zeroOpsRoutes';

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
    return this.get(
      '/entities/{kind}/{namespace}/{name}/environments',
      { path: entityPathParameters(entityRef) },
      options,
    );
  }

  getEntityCost(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityCostResponse> {
    return this.get(
      '/entities/{kind}/{namespace}/{name}/cost',
      { path: entityPathParameters(entityRef) },
      options,
    );
  }

  getOverview(options?: ZeroOpsRequestOptions): Promise<OverviewResponse> {
    return this.get('/overview', {}, options);
  }

  getEntityDelivery(
    entityRef: CompoundEntityRef,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDeliveryResponse> {
    return this.get(
      '/entities/{kind}/{namespace}/{name}/delivery',
      { path: entityPathParameters(entityRef) },
      options,
    );
  }

  getEntityDora(
    entityRef: CompoundEntityRef,
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<EntityDoraResponse> {
    return this.get(
      '/entities/{kind}/{namespace}/{name}/dora',
      {
        path: entityPathParameters(entityRef),
        query: { window: `${windowDays}` },
      },
      options,
    );
  }

  getDeliveryOverview(
    windowDays: DoraWindowDays,
    options?: ZeroOpsRequestOptions,
  ): Promise<DeliveryOverviewResponse> {
    return this.get(
      '/delivery/overview',
      { query: { window: `${windowDays}` } },
      options,
    );
  }

  private async get<Route extends ZeroOpsGetRoute>(
    route: Route,
    parameters: ZeroOpsGetParameters<Route>,
    options: ZeroOpsRequestOptions | undefined,
  ): Promise<ZeroOpsGetResponse<Route>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('zeroops');
    const path = zeroOpsRoutePath(route, parameters);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      signal: options?.signal,
    });
    if (!response.ok) {
      // Keeps the backend's error body (name, message) and the status for the UI to explain.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ZeroOpsGetResponse<Route>;
  }
}

/** The catalog matches kinds case-insensitively; the backend's routes use the lower-case kind. */
function entityPathParameters({ kind, namespace, name }: CompoundEntityRef) {
  return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
}
