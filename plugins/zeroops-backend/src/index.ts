/**
 * ZeroOps backend plugin for Backstage: environment health, deployment state and cost per
 * service.
 *
 * @packageDocumentation
 */

export { zeroopsPlugin as default } from './plugin';
