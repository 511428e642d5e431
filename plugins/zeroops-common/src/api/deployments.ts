/**
 * ECS rollout state of a deployment (`Deployment.rolloutState`).
 *
 * @public
 */
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/**
 * ECS deployment strategy of the service (`deploymentConfiguration.strategy`).
 *
 * @public
 */
export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN';

/**
 * One ECS deployment of the service.
 *
 * @public
 */
export interface Deployment {
  /** ECS deployment id (`ecs-svc/...`). */
  id: string;
  /** `PRIMARY` is the newest one, `ACTIVE` is still running tasks, `INACTIVE` is gone. */
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinitionArn: string;
  /** Task definition family, e.g. `payments-api-production`. */
  taskDefinitionFamily: string;
  taskDefinitionRevision: number;
  /** Image of the `app` container (or the first container), when the task definition was read. */
  image?: string;
  /** Full 40-hex git commit SHA taken from the image tag, when the tag is one. */
  commitSha?: string;
  /** ISO 8601 time the deployment was created. */
  startedAt: string;
  /** ISO 8601 time of the last change of the deployment. */
  updatedAt?: string;
  rolloutState?: RolloutState;
  rolloutStateReason?: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  strategy: DeploymentStrategy;
  /**
   * For BLUE_GREEN: the ECS lifecycle stage of the service deployment (`SCALE_UP`,
   * `TEST_TRAFFIC_SHIFT`, `PRODUCTION_TRAFFIC_SHIFT`, `BAKE_TIME`, `CLEAN_UP`, ...).
   */
  blueGreenStage?: string;
}

/**
 * What is deployed in one environment and what is changing.
 *
 * @public
 */
export interface DeploymentState {
  strategy: DeploymentStrategy;
  /** The deployment serving traffic (or becoming it). */
  primary?: Deployment;
  /** Deployments still running tasks next to the primary (rollouts in flight). */
  inFlight: Deployment[];
  /** The most recent failed deployment still reported by ECS, if any. */
  lastFailed?: Deployment;
}

/**
 * One ECS service event ("service x has reached a steady state.").
 *
 * @public
 */
export interface ServiceEvent {
  id: string;
  /** ISO 8601 */
  createdAt: string;
  message: string;
}

/** @public */
export interface StoppedTaskContainer {
  name: string;
  exitCode?: number;
  reason?: string;
  image?: string;
}

/**
 * A task ECS stopped recently (ECS keeps them about an hour).
 *
 * @public
 */
export interface StoppedTask {
  taskArn: string;
  taskId: string;
  taskDefinitionArn?: string;
  taskDefinitionRevision?: number;
  /** `TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated`, `ServiceSchedulerInitiated`, ... */
  stopCode?: string;
  stoppedReason?: string;
  /** ISO 8601 */
  startedAt?: string;
  /** ISO 8601 */
  stoppedAt?: string;
  containers: StoppedTaskContainer[];
}
