import {
  AuthService,
  HttpAuthService,
  HttpRouterService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LOCAL_CHANGES_ROUTE,
  LocalChangesResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import { listLocalChanges } from '../localRepositories/listLocalChanges';
import { readableRepositories } from './readableRepositories';

type Handler = Parameters<HttpRouterService['use']>[0];

function singleQueryValue(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`${name} must be given once, as a non-empty string`);
  }
  return value;
}

/**
 * `GET /zeroops/local-changes[?repository=<name>|?location=<file:// URL>]` (LOCAL_CHANGES_ROUTE
 * of zeroops-common, under the scaffolder's router): the change records of the local
 * repositories (`zeroops:publish:local:change-request`), with their status and diff stats, as
 * `LocalChangesResponse`. Signed-in users and services only, like the rest of the scaffolder's
 * routes, and a repository the catalog holds entities from only for callers who may read them
 * (see readableRepositories); asked for by name, such a repository answers 403.
 */
export function createLocalChangesRoute(options: {
  baseDir: string;
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
}): Handler {
  return (req, res, next) => {
    if (req.path !== LOCAL_CHANGES_ROUTE) {
      next();
      return;
    }
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      res.status(405).json({ error: { message: 'Only GET is supported' } });
      return;
    }
    (async () => {
      const credentials = await options.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const repository = singleQueryValue(req.query.repository, 'repository');
      const location = singleQueryValue(req.query.location, 'location');
      if (repository !== undefined && location !== undefined) {
        throw new InputError('Give either repository or location, not both');
      }
      const listed = await listLocalChanges(options.baseDir, {
        repository,
        location,
      });
      const items = await readableRepositories(listed, credentials, options);
      if (repository !== undefined && items.length === 0) {
        throw new NotAllowedError(
          `You are not allowed to read the catalog entities of the local repository "${repository}"`,
        );
      }
      const body: LocalChangesResponse = { items };
      res.json(body);
    })().catch(next);
  };
}
