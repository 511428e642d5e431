import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  scaffolderActionsExtensionPoint,
  ScaffolderService,
  scaffolderServiceRef,
} from '@backstage/plugin-scaffolder-node';
import { createPublishLocalAction } from '../actions/publishLocal';
import { createPublishLocalChangeRequestAction } from '../actions/publishLocalChangeRequest';
import {
  FailedTaskRepositoryCleanup,
  ReadTaskStatus,
} from '../localRepositories/FailedTaskRepositoryCleanup';
import { readLocalRepositoriesBaseDir } from '../localRepositories/localRepositoriesConfig';
import { LocalRepositoryUrlReader } from '../localRepositories/LocalRepositoryUrlReader';
import { createLocalChangesRoute } from './localChangesRoute';

/** Reads a task's status through the scaffolder's API, as the backend itself. */
function taskStatusReader(
  scaffolder: ScaffolderService,
  auth: AuthService,
): ReadTaskStatus {
  return async taskId => {
    try {
      const task = await scaffolder.getTask(
        { taskId },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return task.status;
    } catch (error) {
      const { name, statusCode } = error as Error & { statusCode?: number };
      if (name === 'NotFoundError' || statusCode === 404) return 'unknown';
      throw error;
    }
  };
}

/**
 * Registers `zeroops:publish:local` (and removes what it published when a later step of the
 * same task fails), `zeroops:publish:local:change-request`, and the read route of the change
 * records, `GET /api/scaffolder/zeroops/local-changes`. The route sits on the scaffolder's
 * router because the records are the scaffolder's output and exist only where this opt-in
 * module is installed; its auth is the scaffolder's (signed-in users and services), and a
 * repository registered in the catalog is listed only to callers who may read its entities.
 * @public
 */
export const scaffolderModuleZeroopsLocal = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'zeroops-local',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        scaffolderService: scaffolderServiceRef,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolder,
        config,
        logger,
        lifecycle,
        auth,
        scaffolderService,
        httpRouter,
        httpAuth,
        permissions,
        catalog,
      }) {
        const baseDir = readLocalRepositoriesBaseDir(config);
        const cleanup = new FailedTaskRepositoryCleanup({
          baseDir,
          readTaskStatus: taskStatusReader(scaffolderService, auth),
          logger,
        });
        scaffolder.addActions(
          createPublishLocalAction({ config, cleanup }),
          createPublishLocalChangeRequestAction({ config }),
        );
        httpRouter.use(
          createLocalChangesRoute({
            baseDir,
            httpAuth,
            auth,
            catalog,
            permissions,
          }),
        );
        // The scaffolder's API answers once the backend has started.
        lifecycle.addStartupHook(() => cleanup.start());
        lifecycle.addShutdownHook(() => cleanup.stop());
      },
    });
  },
});

/**
 * Adds the reader of `file://` URLs under `zeroops.publish.local.baseDir` to every plugin's
 * URL reader, so the catalog can read what `zeroops:publish:local` published.
 * @public
 */
export const localRepositoryUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalRepositoryUrlReader.factory;
  },
});
