/**
 * A local GitHub REST API and webhook sender serving delivery histories for the ZeroOps demo,
 * tests and benchmarks; never for production.
 *
 * @packageDocumentation
 */

export { startGithubSimulator } from './startGithubSimulator.ts';
export type {
  GithubSimulator,
  StartGithubSimulatorOptions,
} from './startGithubSimulator.ts';
export {
  DEFAULT_GITHUB_SIMULATOR_PORT,
  DEMO_WEBHOOK_SECRET,
  DEMO_WEBHOOK_URL,
  RATE_LIMIT_PER_HOUR,
} from './constants.ts';
export type { HistoryOptions, RepositorySpec } from './history/buildStore.ts';
export { buildStore } from './history/buildStore.ts';
export { HistoryBuilder } from './history/HistoryBuilder.ts';
export type { DeployInput, RolloutOutcome } from './history/HistoryBuilder.ts';
export { DELIVERY_PROFILES } from './history/profiles.ts';
export type {
  DeliveryProfile,
  DeliveryProfileName,
} from './history/profiles.ts';
export { DEMO_OWNER, DEMO_HISTORY_DAYS } from './history/demoHistory.ts';
export { AWS_DEMO_ROLLOUTS } from './history/awsDemoRollouts.ts';
export { ENGINEERS, type Person } from './history/people.ts';
export type { RouteRequestCount } from './http/RequestCounter.ts';
export type { LiveMode } from './live/liveMode.ts';
export { GithubStore } from './model/GithubStore.ts';
export { RepositoryState } from './model/RepositoryState.ts';
export type * from './model/types.ts';
export {
  buildWebhookRequest,
  malformedWebhookBody,
  oversizedWebhookBody,
  sendWebhook,
  signWebhookBody,
} from './webhooks/sendWebhook.ts';
export type {
  SendWebhookOptions,
  WebhookRequest,
  WebhookResponse,
} from './webhooks/sendWebhook.ts';
export {
  deploymentPayload,
  deploymentStatusPayload,
  pullRequestPayload,
  pushPayload,
  workflowRunPayload,
} from './webhooks/payloads.ts';
export type { WebhookDelivery, WebhookEventName } from './webhooks/payloads.ts';
export type {
  EmittedWebhook,
  WebhookTarget,
} from './webhooks/WebhookEmitter.ts';
