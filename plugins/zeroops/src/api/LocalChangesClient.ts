import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * One file of a local change with its line counts. Mirrors `LocalChangeFileStat` of
 * `@zeroops/backstage-plugin-scaffolder-backend-module-zeroops/local`, which serves it.
 * @public
 */
export interface LocalChangeFile {
  path: string;
  additions: number;
  deletions: number;
  binary: boolean;
}

/** A change request in a local repository (the local equivalent of a pull request). @public */
export interface LocalChange {
  id: string;
  repository: string;
  title: string;
  description: string;
  author: string;
  createdAt: string;
  branch: string;
  targetBranch: string;
  baseCommit: string;
  commit: string;
  changedFiles: string[];
  status: 'open' | 'merged' | 'closed';
  files: LocalChangeFile[];
}

/** @public */
export interface LocalRepositoryChanges {
  repository: string;
  /** Folder of the repository on the backend's disk. */
  path: string;
  changes: LocalChange[];
}

/**
 * Which local repositories to list: all, one by name, or the one a `file://` URL points into.
 * @public
 */
export type LocalChangesQuery =
  | { repository: string }
  | { location: string }
  | {};

/**
 * Reads the change records of the embedded default's local repositories from the scaffolder's
 * `GET /zeroops/local-changes` route (added by the opt-in local module of
 * `@zeroops/backstage-plugin-scaffolder-backend-module-zeroops`).
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
      `${baseUrl}/zeroops/local-changes${search}`,
      { signal: options?.signal },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body = (await response.json()) as { items: LocalRepositoryChanges[] };
    return body.items;
  }
}
