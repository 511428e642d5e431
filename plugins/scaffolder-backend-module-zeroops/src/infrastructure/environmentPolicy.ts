import { expr, HclValue } from './hcl';
import { EnvironmentFolder, InfrastructureOptions } from './types';

/** Per-environment choices that are not sizing: what production needs and PRs must not have. */
export interface EnvironmentPolicy {
  /** Environment instance name as HCL (`"production"` or `"pr-${var.pr_number}"`). */
  instance: HclValue;
  blueGreen: boolean;
  scaleToZero: boolean;
  createEcrRepository: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  healthCheck: boolean;
}

export function policyOf(
  env: EnvironmentFolder,
  options: InfrastructureOptions,
): EnvironmentPolicy {
  const blueGreen = options.deploymentStrategy === 'blue-green';
  switch (env) {
    case 'production':
      return {
        instance: 'production',
        blueGreen,
        scaleToZero: false,
        createEcrRepository: true,
        backupRetentionDays: 35,
        deletionProtection: true,
        healthCheck: true,
      };
    case 'staging':
      // Staging mirrors production's deployment model, on one task with a nightly shutdown.
      return {
        instance: 'staging',
        blueGreen,
        scaleToZero: true,
        createEcrRepository: true,
        backupRetentionDays: 7,
        deletionProtection: true,
        healthCheck: false,
      };
    default:
      // Pull-request environments: fast rolling deployments, nothing that blocks destroy.
      return {
        instance: expr('"pr-${var.pr_number}"'),
        blueGreen: false,
        scaleToZero: true,
        createEcrRepository: false,
        backupRetentionDays: 1,
        deletionProtection: false,
        healthCheck: false,
      };
  }
}
