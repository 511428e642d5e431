/**
 * Scaffolder actions of ZeroOps: `zeroops:workflows:generate`, `zeroops:infrastructure:generate`,
 * `zeroops:cost:estimate` and `zeroops:publish:local`.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import {
  localRepositoryUrlReaderFactory,
  scaffolderModuleZeroops,
} from './module';

/**
 * The scaffolder module together with the `file://` URL reader for locally published
 * repositories: `backend.add(import('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops'))`
 * installs both.
 * @public
 */
export default createBackendFeatureLoader({
  loader() {
    return [scaffolderModuleZeroops, localRepositoryUrlReaderFactory];
  },
});

export {
  localRepositoryUrlReaderFactory,
  scaffolderModuleZeroops,
} from './module';
export { createCostEstimateAction } from './actions/costEstimate';
export { createInfrastructureGenerateAction } from './actions/infrastructureGenerate';
export { createPublishLocalAction } from './actions/publishLocal';
export { createWorkflowsGenerateAction } from './actions/workflowsGenerate';
export { LocalRepositoryUrlReader } from './localRepositories/LocalRepositoryUrlReader';
export { PINNED_ACTIONS } from './workflows/pinnedActions';
export type { PinnedAction } from './workflows/pinnedActions';
