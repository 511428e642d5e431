import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { createCatalogInfoAnnotateAction } from './actions/catalogInfoAnnotate';
import { createCostEstimateAction } from './actions/costEstimate';
import { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
import { createRepositoryUpdateAction } from './actions/repositoryUpdate';
import { createWorkflowsGenerateAction } from './actions/workflowsGenerate';
import { templateVersionGlobal } from './templating/templateVersionGlobal';
import { terraformModulesRefGlobal } from './templating/terraformModulesRefGlobal';

/**
 * Registers the `zeroops:*` actions that production templates use with the scaffolder, and the
 * `zeroopsTerraformModulesRef` template global (the modules' release tag). The local publisher
 * of the embedded default is a separate, opt-in module (`…/local`).
 * @public
 */
export const scaffolderModuleZeroops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'zeroops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        templating: scaffolderTemplatingExtensionPoint,
        // Reads the repository an update re-renders (GitHub, or file:// of the local publisher).
        urlReader: coreServices.urlReader,
        // Where the local publisher's repositories are (zeroops.publish.local.baseDir).
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, templating, urlReader, config }) {
        templating.addTemplateGlobals([
          terraformModulesRefGlobal,
          templateVersionGlobal,
        ]);
        scaffolder.addActions(
          createWorkflowsGenerateAction(),
          createInfrastructureGenerateAction(),
          createCostEstimateAction(),
          createRepositoryUpdateAction({ reader: urlReader }),
          createCatalogInfoAnnotateAction({ reader: urlReader, config }),
        );
      },
    });
  },
});
