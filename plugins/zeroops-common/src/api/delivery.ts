import type { components } from './generated/openapi';

/**
 * What one environment of a service runs according to GitHub, and what is on its way.
 *
 * @public
 */
export type DeliveryEnvironment = components['schemas']['DeliveryEnvironment'];

/**
 * `GET /entities/{kind}/{namespace}/{name}/delivery`.
 *
 * @public
 */
export type EntityDeliveryResponse =
  components['schemas']['EntityDeliveryResponse'];

/**
 * `GET /entities/{kind}/{namespace}/{name}/dora?window=30`.
 *
 * @public
 */
export type EntityDoraResponse = components['schemas']['EntityDoraResponse'];

/**
 * One service in the delivery overview.
 *
 * @public
 */
export type DeliveryOverviewService =
  components['schemas']['DeliveryOverviewService'];

/**
 * One team (the owner of the services) in the delivery overview, DORA over all its services.
 *
 * @public
 */
export type DeliveryOverviewTeam =
  components['schemas']['DeliveryOverviewTeam'];

/**
 * `GET /delivery/overview?window=30`: every service the caller may read that has a GitHub
 * repository, and the teams that own them.
 *
 * @public
 */
export type DeliveryOverviewResponse =
  components['schemas']['DeliveryOverviewResponse'];
