import type { components } from './generated/openapi';

/**
 * ECS rollout state of a deployment (`Deployment.rolloutState`).
 *
 * @public
 */
export type RolloutState = NonNullable<
  components['schemas']['Deployment']['rolloutState']
>;

/**
 * ECS deployment strategy of the service (`deploymentConfiguration.strategy`).
 *
 * @public
 */
export type DeploymentStrategy = components['schemas']['DeploymentStrategy'];

/**
 * One ECS deployment of the service.
 *
 * @public
 */
export type Deployment = components['schemas']['Deployment'];

/**
 * What is deployed in one environment and what is changing.
 *
 * @public
 */
export type DeploymentState = components['schemas']['DeploymentState'];

/**
 * One ECS service event ("service x has reached a steady state.").
 *
 * @public
 */
export type ServiceEvent = components['schemas']['ServiceEvent'];

/** @public */
export type StoppedTaskContainer =
  components['schemas']['StoppedTask']['containers'][number];

/**
 * A task ECS stopped recently (ECS keeps them about an hour).
 *
 * @public
 */
export type StoppedTask = components['schemas']['StoppedTask'];
