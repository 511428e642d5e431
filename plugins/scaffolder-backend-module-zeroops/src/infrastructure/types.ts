import { ServiceSizing } from '@zeroops/backstage-plugin-zeroops-common';

export const ENVIRONMENT_FOLDERS = [
  'production',
  'staging',
  'ephemeral',
] as const;
export type EnvironmentFolder = (typeof ENVIRONMENT_FOLDERS)[number];

/** Where one environment lives: account, DNS domain and ECS cluster. */
export interface InfrastructureEnvironment {
  accountId: string;
  /**
   * Domain of the environment's public hosted zone (`example.com`, `staging.example.com`,
   * `preview.example.com`). The foundation creates the zone, a `*.<domain>` certificate in
   * us-east-1 for CloudFront and `*.origin.<domain>` in the region for the load balancer.
   */
  domain: string;
  ecsCluster: string;
}

export interface InfrastructureOptions {
  serviceName: string;
  awsRegion: string;
  environments: Record<EnvironmentFolder, InfrastructureEnvironment>;
  /** `github.com/<org>/<repo>` holding `terraform-modules/`. */
  modulesRepository: string;
  /** Tag or commit of the modules: never a branch. */
  modulesRef: string;
  deploymentStrategy: 'blue-green' | 'rolling';
  healthCheckPath: string;
  containerPort: number;
  database: boolean;
  cache: boolean;
  alarmEmails: string[];
  /**
   * The service's listener rule slot (1-100); undefined reads it from the registry the
   * foundation's load-balancer module publishes in SSM.
   */
  listenerRuleSlot?: number;
  sizing: ServiceSizing;
  infrastructureDirectory: string;
}
