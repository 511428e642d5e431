/**
 * ZeroOps backend plugin for Backstage: environment health, deployment state and cost per
 * service.
 *
 * @packageDocumentation
 */

export { zeroopsPlugin as default } from './plugin';
export {
  zeroopsEnvironmentsExtensionPoint,
  type ZeroOpsEnvironmentsExtensionPoint,
} from './extensions';
export type { ZeroOpsEnvironmentSupplier } from './environments/EnvironmentSupplier';
export type { PlatformEnvironment } from './config/ZeroOpsConfig';
/**
 * Events-backend module guarding the GitHub webhook ingress (payload limit, forged count);
 * add it next to `@backstage/plugin-events-backend-module-github`.
 */
export { zeroopsWebhookGuardModule } from './delivery/ingest/webhookGuardModule';
