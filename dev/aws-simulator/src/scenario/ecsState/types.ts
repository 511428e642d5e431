import type { DeploymentStory } from '../types.ts';
import type {
  ClusterModel,
  DeploymentModel,
  ServiceEventModel,
  TargetGroupModel,
  TaskDefinitionModel,
  TaskModel,
} from '../world.ts';

/** What the ECS state of one environment instance is built from. */
export interface EcsStateInput {
  seed: number;
  key: string;
  serviceName: string;
  /** Environment instance name (`production`, `pr-7`). */
  instanceName: string;
  ecsServiceName: string;
  account: string;
  region: string;
  cluster: ClusterModel;
  cpu: number;
  memory: number;
  port?: number;
  desiredCount: number;
  story: DeploymentStory;
  strategy: 'ROLLING' | 'BLUE_GREEN';
  createdAgoMs: number;
  targetGroups: TargetGroupModel[];
}

export interface EcsState {
  taskDefinitions: TaskDefinitionModel[];
  deployments: DeploymentModel[];
  tasks: TaskModel[];
  events: ServiceEventModel[];
}
