import {
  HttpAuthService,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { listLocalChanges } from '../localRepositories/listLocalChanges';

type Handler = Parameters<HttpRouterService['use']>[0];

/** The route, under the scaffolder's own: `GET /api/scaffolder/zeroops/local-changes`. */
export const LOCAL_CHANGES_ROUTE = '/zeroops/local-changes';

function singleQueryValue(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`${name} must be given once, as a non-empty string`);
  }
  return value;
}

/**
 * `GET /zeroops/local-changes[?repository=<name>|?location=<file:// URL>]`: the change records of
 * the local repositories (`zeroops:publish:local:change-request`), with their status and diff
 * stats, as `{ items: LocalRepositoryChanges[] }`. Signed-in users and services only, like the
 * rest of the scaffolder's routes; the listing is of the backend's own demo folder and carries
 * no catalog data.
 */
export function createLocalChangesRoute(options: {
  baseDir: string;
  httpAuth: HttpAuthService;
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
      await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
      const repository = singleQueryValue(req.query.repository, 'repository');
      const location = singleQueryValue(req.query.location, 'location');
      if (repository !== undefined && location !== undefined) {
        throw new InputError('Give either repository or location, not both');
      }
      const items = await listLocalChanges(options.baseDir, {
        repository,
        location,
      });
      res.json({ items });
    })().catch(next);
  };
}
