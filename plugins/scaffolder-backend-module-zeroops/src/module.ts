import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { createCostEstimateAction } from './actions/costEstimate';
import { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
import { createWorkflowsGenerateAction } from './actions/workflowsGenerate';
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
      },
      async init({ scaffolder, templating }) {
        templating.addTemplateGlobals([terraformModulesRefGlobal]);
        scaffolder.addActions(
          createWorkflowsGenerateAction(),
          createInfrastructureGenerateAction(),
          createCostEstimateAction(),
        );
      },
    });
  },
});
