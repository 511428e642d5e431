/**
 * The local publisher of the embedded default, for development and demos only:
 * `zeroops:publish:local` creates git repositories on the backend's disk, and a URL reader lets
 * the catalog read them through `file://` URLs. Opt in explicitly:
 * `backend.add(import('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops/local'))`.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import {
  localRepositoryUrlReaderFactory,
  scaffolderModuleZeroopsLocal,
} from './module';

/**
 * The `zeroops:publish:local` and `zeroops:publish:local:change-request` actions, the route
 * listing the change records, and the `file://` URL reader for the repositories.
 * @public
 */
export default createBackendFeatureLoader({
  loader() {
    return [scaffolderModuleZeroopsLocal, localRepositoryUrlReaderFactory];
  },
});

export {
  localRepositoryUrlReaderFactory,
  scaffolderModuleZeroopsLocal,
} from './module';
export { createPublishLocalAction } from '../actions/publishLocal';
export { createPublishLocalChangeRequestAction } from '../actions/publishLocalChangeRequest';
export type { LocalChangeRecord } from '../localRepositories/localChangeRecords';
export { FailedTaskRepositoryCleanup } from '../localRepositories/FailedTaskRepositoryCleanup';
export type {
  CreatedLocalRepository,
  ReadTaskStatus,
} from '../localRepositories/FailedTaskRepositoryCleanup';
export { LocalRepositoryUrlReader } from '../localRepositories/LocalRepositoryUrlReader';
