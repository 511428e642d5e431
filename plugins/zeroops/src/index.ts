/**
 * ZeroOps frontend plugin: per-environment health, deployments and cost of AWS ECS services on
 * the catalog entity page, and an overview page of every service.
 *
 * The default export is the plugin for the new frontend system, `zeroOpsPlugin` (discovered by
 * apps with `app.packages: all`); `legacyZeroOpsPlugin` and the `Entity*` /
 * `ZeroOpsOverviewPage` exports are for apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { zeroOpsPlugin as default } from './plugin';
export {
  legacyZeroOpsPlugin,
  zeroopsPlugin,
  EntityZeroOpsEnvironmentsCard,
  EntityZeroOpsCostCard,
  EntityZeroOpsDeliveryCard,
  EntityZeroOpsDoraCard,
  EntityZeroOpsContent,
  EntityZeroOpsTemplateVersionCard,
  EntityZeroOpsLocalChangesCard,
  ZeroOpsOverviewPage,
  ZeroOpsLocalChangesPage,
} from './legacy';
export { isZeroOpsAvailable } from './lib/isZeroOpsAvailable';
export { isZeroOpsEnvironmentsAvailable } from './lib/isZeroOpsEnvironmentsAvailable';
export { isZeroOpsDeliveryAvailable } from './lib/isZeroOpsDeliveryAvailable';
export { zeroOpsApiRef, ZeroOpsClient } from './api';
export type { ZeroOpsApi, ZeroOpsRequestOptions } from './api';
export { rootRouteRef as zeroOpsRootRouteRef } from './routes';
export { isLocalRepositoryEntity } from './lib/localRepositoryLocation';
export { hasTemplateVersionNotice } from './lib/hasTemplateVersionNotice';
export {
  LocalChangesClient,
  localChangesApiRef,
} from './api/LocalChangesClient';
export type { LocalChangesApi } from './api/LocalChangesClient';
