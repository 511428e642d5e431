import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCostEstimateAction } from './actions/costEstimate';
import { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
import { createWorkflowsGenerateAction } from './actions/workflowsGenerate';

/**
 * Registers the `zeroops:*` actions that production templates use with the scaffolder. The
 * local publisher of the embedded default is a separate, opt-in module (`…/local`).
 * @public
 */
export const scaffolderModuleZeroops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'zeroops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
      },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createWorkflowsGenerateAction(),
          createInfrastructureGenerateAction(),
          createCostEstimateAction(),
        );
      },
    });
  },
});
