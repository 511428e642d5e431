import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  LOCAL_CHANGES_ROUTE,
  LocalChangesQuery,
  LocalChangesResponse,
  LocalRepositoryChanges,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Reads the change records of the embedded default's local repositories from the scaffolder's
 * `GET /zeroops/local-changes` route, added by the opt-in local module of
 * `@zeroops/backstage-plugin-scaffolder-backend-module-zeroops` (route and types:
 * `LOCAL_CHANGES_ROUTE` and `LocalRepositoryChanges` of `@zeroops/backstage-plugin-zeroops-common`).
 * @public
 */
export interface LocalChangesApi {
  listLocalChanges(
    query: LocalChangesQuery,
    options?: { signal?: AbortSignal },
  ): Promise<LocalRepositoryChanges[]>;
}

/** @public */
export const localChangesApiRef = createApiRef<LocalChangesApi>({
  id: 'plugin.zeroops.local-changes',
});

/** {@link LocalChangesApi} over HTTP with the user's Backstage token. @public */
export class LocalChangesClient implements LocalChangesApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listLocalChanges(
    query: LocalChangesQuery,
    options?: { signal?: AbortSignal },
  ): Promise<LocalRepositoryChanges[]> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('scaffolder');
    const params = new URLSearchParams(query as Record<string, string>);
    const search = params.toString() ? `?${params}` : '';
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${LOCAL_CHANGES_ROUTE}${search}`,
      { signal: options?.signal },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body = (await response.json()) as LocalChangesResponse;
    return body.items;
  }
}
