import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCostEstimateAction } from './actions/costEstimate';
import { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
import { createPublishLocalAction } from './actions/publishLocal';
import { createWorkflowsGenerateAction } from './actions/workflowsGenerate';
import { LocalRepositoryUrlReader } from './localRepositories/LocalRepositoryUrlReader';

/**
 * Registers the `zeroops:*` actions with the scaffolder.
 * @public
 */
export const scaffolderModuleZeroops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'zeroops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createWorkflowsGenerateAction(),
          createInfrastructureGenerateAction(),
          createCostEstimateAction(),
          createPublishLocalAction({ config }),
        );
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
