/**
 * Scaffolder actions of ZeroOps: `zeroops:workflows:generate`, `zeroops:infrastructure:generate`,
 * `zeroops:cost:estimate`, `zeroops:repository:update` and `zeroops:catalog-info:annotate`. The local publisher of the embedded default
 * (`zeroops:publish:local` and its `file://` reader) is the opt-in subpath `…/local`.
 *
 * @packageDocumentation
 */
import { scaffolderModuleZeroops } from './module';

/**
 * The scaffolder module with the ZeroOps actions:
 * `backend.add(import('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops'))`.
 * @public
 */
export default scaffolderModuleZeroops;

export { scaffolderModuleZeroops } from './module';
export { createCatalogInfoAnnotateAction } from './actions/catalogInfoAnnotate';
export { createCostEstimateAction } from './actions/costEstimate';
export { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
export { createRepositoryUpdateAction } from './actions/repositoryUpdate';
export { createWorkflowsGenerateAction } from './actions/workflowsGenerate';
export { PINNED_ACTIONS } from './workflows/pinnedActions';
export type { PinnedAction } from './workflows/pinnedActions';
