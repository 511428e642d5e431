/**
 * Delivery records: what the backend stores from GitHub (webhooks and reconciliation) and the
 * input of the DORA functions. Times are ISO 8601 strings with an offset; functions compare them
 * as instants, never as text. Their shapes are schemas of the backend's OpenAPI document, which
 * returns them as stored.
 */

import type { components } from '../api/generated/openapi';

/**
 * Latest state of a GitHub deployment (its newest deployment status), or `rolled_back` when the
 * AWS side saw ECS roll the rollout back (circuit breaker or blue/green alarm) after it started.
 *
 * @public
 */
export type DeliveryDeploymentState =
  components['schemas']['DeliveryDeploymentState'];

/**
 * One GitHub deployment of a service (task {@link ZEROOPS_DEPLOYMENT_TASK}) with its newest status.
 *
 * @public
 */
export type DeliveryDeployment = components['schemas']['DeliveryDeployment'];

/**
 * A deployment waiting for a reviewer in a protected GitHub environment.
 *
 * @public
 */
export type PendingApproval = components['schemas']['PendingApproval'];

/**
 * Commits in staging that production does not have yet (GitHub compare of the two SHAs).
 *
 * @public
 */
export type StagingAhead = components['schemas']['StagingAhead'];
