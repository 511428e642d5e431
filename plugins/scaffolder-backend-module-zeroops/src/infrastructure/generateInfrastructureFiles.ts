import {
  environmentMainTf,
  environmentOutputsTf,
  environmentProvidersTf,
  environmentTerragruntHcl,
  environmentVariablesTf,
} from './environmentFiles';
import { moduleSource } from './environmentModules';
import { rootHcl } from './rootHcl';
import { ENVIRONMENT_FOLDERS, InfrastructureOptions } from './types';

function readme(options: InfrastructureOptions): string {
  const rows = ENVIRONMENT_FOLDERS.map(env => {
    const sizing = options.sizing.environments[env];
    const c = sizing.compute;
    const instance = env === 'ephemeral' ? 'pr-<n>' : env;
    return `| ${instance} | ${options.environments[env].accountId} | ${
      c.taskCount
    } × ${c.vcpu} vCPU / ${c.memoryGb} GB | ${
      sizing.database
        ? `${sizing.database.minAcu}-${sizing.database.maxAcu} ACU`
        : '-'
    } | \`${options.serviceName}/${
      env === 'ephemeral' ? 'ephemeral/pr-<n>' : env
    }/terraform.tfstate\` |`;
  });
  return `# Infrastructure of ${options.serviceName}

Terragrunt runs Terraform in one folder per environment; \`root.hcl\` configures the S3 state
(native locking with \`use_lockfile\`, no DynamoDB) in each environment's account. The folders call
the ZeroOps modules at \`${options.modulesRef}\` (\`${moduleSource(
    options,
    '<module>',
  )}\`); bump
the ref to upgrade.

| Environment | Account | Tasks | Aurora | State key |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

- **production**: blue/green (when chosen) with alarm rollback, ${
    options.sizing.environments.production.compute.taskCount
  } or more tasks across zones, 35-day backups, deletion protection.
- **staging**: mirrors production on one task and scales to zero outside working hours (a schedule inside AWS).
- **ephemeral**: one environment per pull request, \`pr-<n>\`, its own state, Aurora auto-pause, no deletion protection so that \`cleanup.yml\` can destroy it.

The platform (VPC, ECS cluster, load balancer, hosted zone, certificates, shared WAF) comes from the
\`zeroops-foundation\` template and is found by name. Pull-request environments reuse the ECR
repository the staging environment creates in the same account: deploy staging once first.

Run locally with credentials for the account: \`cd environments/staging && terragrunt plan\`
(\`TF_VAR_image_tag\` must name an image; for ephemeral also \`TF_VAR_pr_number\`).
`;
}

/** Path (relative to the repository root) → content of every infrastructure file. */
export function generateInfrastructureFiles(
  options: InfrastructureOptions,
): Map<string, string> {
  const dir = options.infrastructureDirectory;
  const files = new Map<string, string>([
    [`${dir}/root.hcl`, rootHcl(options)],
    [`${dir}/README.md`, readme(options)],
  ]);
  for (const env of ENVIRONMENT_FOLDERS) {
    const envDir = `${dir}/environments/${env}`;
    files.set(`${envDir}/terragrunt.hcl`, environmentTerragruntHcl());
    files.set(`${envDir}/providers.tf`, environmentProvidersTf(env, options));
    files.set(`${envDir}/variables.tf`, environmentVariablesTf(env));
    files.set(`${envDir}/main.tf`, environmentMainTf(env, options));
    files.set(`${envDir}/outputs.tf`, environmentOutputsTf());
  }
  return files;
}
