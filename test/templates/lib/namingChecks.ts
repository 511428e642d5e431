import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  AWS_NAME_LIMITS,
  LISTENER_RULE_SLOTS,
  MAX_SERVICE_NAME_LENGTH,
  type AwsNameLimitKey,
} from '@zeroops/backstage-plugin-zeroops-common';
import { evaluateModule } from '../../terraform/lib/evaluated-module.ts';
import { loadTerraformModule } from '../../terraform/lib/hcl.ts';
import type {
  HclBody,
  HclValue,
  TerraformModule,
} from '../../terraform/lib/hcl.ts';
import { moduleCallInputs } from '../../terraform/lib/module-call-inputs.ts';
import { resolveModuleSource } from '../../terraform/lib/module-source.ts';
import { MODULES_ROOT } from '../../terraform/lib/repository.ts';
import { isUnknown } from '../../terraform/lib/values.ts';
import type { TfValue } from '../../terraform/lib/values.ts';

/**
 * The naming check no standard tool makes: every AWS name a module derives (from the service,
 * the environment, the account and the region) evaluated offline and compared with AWS's
 * documented limit from the naming contract in zeroops-common. Checkov validates attributes'
 * security, not their length; `terraform validate` does not know name limits either, so a
 * too-long target group name only fails at `terraform apply`.
 */

/** Which contract limit applies to each naming attribute, by resource type. */
export const NAME_ATTRIBUTE_LIMITS: Record<
  string,
  Record<string, AwsNameLimitKey>
> = {
  aws_lb_target_group: { name: 'targetGroup' },
  aws_lb: { name: 'loadBalancer' },
  aws_ecs_service: { name: 'ecsService' },
  aws_ecs_cluster: { name: 'ecsCluster' },
  aws_ecs_task_definition: { family: 'taskDefinitionFamily' },
  aws_iam_role: { name: 'iamRole' },
  aws_cloudwatch_metric_alarm: { alarm_name: 'cloudWatchAlarm' },
  aws_cloudwatch_dashboard: { dashboard_name: 'cloudWatchDashboard' },
  aws_cloudwatch_log_group: { name: 'logGroup' },
  aws_kms_alias: { name: 'kmsAlias' },
  aws_ecr_repository: { name: 'ecrRepository' },
  aws_security_group: { name: 'securityGroup' },
  aws_rds_cluster: {
    cluster_identifier: 'auroraCluster',
    final_snapshot_identifier: 'dbClusterSnapshot',
  },
  aws_rds_cluster_instance: { identifier: 'dbInstance' },
  aws_db_subnet_group: { name: 'dbSubnetGroup' },
  aws_rds_cluster_parameter_group: { name: 'dbClusterParameterGroup' },
  aws_backup_vault: { name: 'backupVault' },
  aws_backup_plan: { name: 'backupPlan' },
  aws_backup_selection: { name: 'backupSelection' },
  aws_elasticache_serverless_cache: { name: 'elastiCacheServerless' },
  aws_secretsmanager_secret: { name: 'secret' },
  aws_s3_bucket: { bucket: 's3Bucket' },
  aws_sns_topic: { name: 'snsTopic' },
  aws_appautoscaling_policy: { name: 'autoScalingPolicy' },
  aws_appautoscaling_scheduled_action: { name: 'autoScalingScheduledAction' },
  aws_cloudfront_origin_access_control: {
    name: 'cloudFrontOriginAccessControl',
  },
  aws_cloudfront_response_headers_policy: { name: 'cloudFrontPolicy' },
  aws_cloudfront_origin_request_policy: { name: 'cloudFrontPolicy' },
  aws_cloudfront_cache_policy: { name: 'cloudFrontPolicy' },
  aws_wafv2_web_acl: { name: 'wafWebAcl' },
  aws_budgets_budget: { name: 'budget' },
  aws_cloudtrail: { name: 'cloudTrail' },
  aws_ssm_parameter: { name: 'ssmParameter' },
  aws_route53_key_signing_key: { name: 'route53KeySigningKey' },
};

/** Attributes that name an AWS resource; one without a limit above is reported. */
const NAMING_ATTRIBUTES = new Set([
  'name',
  'name_prefix',
  'identifier',
  'cluster_identifier',
  'final_snapshot_identifier',
  'bucket',
  'alarm_name',
  'dashboard_name',
  'family',
]);

/** Attributes that look like names but are not (a parameter group family is an engine). */
const NOT_NAMES = new Set(['aws_rds_cluster_parameter_group.family']);

/**
 * The longest values of what only AWS knows, so names are measured at their longest: every
 * account id has 12 digits; the longest region names have 14 characters; the longest partition
 * is aws-us-gov.
 */
const LONGEST_PLATFORM_VALUES: Record<string, string> = {
  'data.aws_caller_identity.current.account_id': '"123456789012"',
  'data.aws_region.current.region': '"ap-southeast-2"',
  'data.aws_region.current.name': '"ap-southeast-2"',
  'data.aws_partition.current.partition': '"aws-us-gov"',
  // ecs-service's listener rule priority claims (names/values of one block): none yet, so a pull
  // request takes its first candidate, a priority of the same block and digit count.
  'data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].names':
    '[]',
  'data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].values':
    '[]',
};

function substitute(value: HclValue): HclValue {
  if (typeof value === 'string') {
    let text = value;
    for (const [reference, literal] of Object.entries(LONGEST_PLATFORM_VALUES))
      text = text.split(reference).join(literal);
    return text;
  }
  if (Array.isArray(value)) return value.map(substitute);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v)]),
    ) as HclBody;
  }
  return value;
}

/** The module with account, region and partition lookups replaced by their longest values. */
export function withLongestPlatformValues(
  module: TerraformModule,
): TerraformModule {
  const blocks = (list: TerraformModule['resources']) =>
    list.map(b => ({ ...b, body: substitute(b.body) as HclBody }));
  return {
    ...module,
    resources: blocks(module.resources),
    locals: blocks(module.locals),
  };
}

/** A name that breaks its AWS limit, or that the check cannot evaluate. */
export interface NameProblem {
  address: string;
  attribute: string;
  problem: string;
}

/** A name the check measured. */
export interface MeasuredName {
  address: string;
  attribute: string;
  limit: AwsNameLimitKey;
  value: string;
}

/**
 * Evaluates a module with the given inputs and measures every naming attribute against the
 * contract's AWS limits. Names built only from other resources' attributes (an `id`) are
 * checked where those resources are named.
 */
export async function measureModuleNames(
  module: TerraformModule,
  inputs: Record<string, TfValue>,
  scenario: string,
): Promise<{ names: MeasuredName[]; problems: NameProblem[] }> {
  const evaluated = await evaluateModule(withLongestPlatformValues(module), {
    name: scenario,
    inputs,
  });
  const raw = new Map(
    module.resources.map(b => [`${b.type}.${b.name}`, b.body]),
  );
  const names: MeasuredName[] = [];
  const problems: NameProblem[] = [];
  for (const resource of evaluated.resources) {
    if (resource.kind !== 'resource') continue;
    for (const attribute of NAMING_ATTRIBUTES) {
      if (!(attribute in resource.body)) continue;
      if (NOT_NAMES.has(`${resource.type}.${attribute}`)) continue;
      const source = JSON.stringify(
        raw.get(resource.baseAddress)?.[attribute] ?? '',
      );
      // Only names derived from inputs or locals: references to other resources are checked
      // where those are named, literals cannot grow.
      if (!/\b(var|local)\./.test(source)) continue;
      const limit = NAME_ATTRIBUTE_LIMITS[resource.type]?.[attribute];
      const value = resource.body[attribute];
      const where = { address: resource.address, attribute };
      if (!limit) {
        problems.push({
          ...where,
          problem: `no AWS name limit known for ${resource.type}.${attribute}: add it to the naming contract`,
        });
        continue;
      }
      if (isUnknown(value) || typeof value !== 'string') {
        problems.push({
          ...where,
          problem: `cannot evaluate the name (${
            isUnknown(value) ? value.source : JSON.stringify(value)
          })`,
        });
        continue;
      }
      names.push({ ...where, limit, value });
      const { maxLength, resource: what } = AWS_NAME_LIMITS[limit];
      if (value.length > maxLength) {
        problems.push({
          ...where,
          problem: `"${value}" has ${value.length} characters; ${what} allows ${maxLength}`,
        });
      }
    }
  }
  return { names, problems };
}

/** One call of a ZeroOps module in a generated environment, with its evaluated arguments. */
interface GeneratedCall {
  where: string;
  moduleDir: string;
  inputs: Record<string, TfValue>;
}

async function generatedCalls(
  environmentDir: string,
  pullRequestNumber: number,
): Promise<GeneratedCall[]> {
  const environment = await loadTerraformModule(environmentDir);
  const calls: GeneratedCall[] = [];
  for (const call of environment.moduleCalls) {
    const source = call.body.source;
    if (typeof source !== 'string') continue;
    const moduleDir = resolveModuleSource(source, environmentDir, MODULES_ROOT);
    if (!moduleDir || !moduleDir.startsWith(MODULES_ROOT)) continue;
    const args = moduleCallInputs(call.body);
    // The call's arguments evaluated in the environment's scope, as one probe resource.
    const probe = await evaluateModule(
      withLongestPlatformValues({
        ...environment,
        resources: [
          { ...call, type: 'terraform_data', name: 'call', body: args },
        ],
        dataSources: [],
      }),
      { name: environmentDir, inputs: { pr_number: pullRequestNumber } },
    );
    const inputs: Record<string, TfValue> = probe.resources[0]?.body ?? {};
    // A call per service (`for_each = var.services`, `service = each.key`) names services only
    // known at apply time; the module's validation caps them at the contract's longest name,
    // so that is the one to measure.
    if (isUnknown(inputs.service))
      inputs.service = 'a'.repeat(MAX_SERVICE_NAME_LENGTH);
    // The foundation's listener and the service's slot (read from the platform at plan time)
    // name ecs-service's listener rule priority claims: measured at the longest load balancer
    // name and the highest slot.
    if (isUnknown(inputs.production_listener_arn))
      inputs.production_listener_arn = `arn:aws-us-gov:elasticloadbalancing:ap-southeast-2:123456789012:listener/app/${'l'.repeat(
        AWS_NAME_LIMITS.loadBalancer.maxLength,
      )}/0123456789abcdef/0123456789abcdef`;
    if (isUnknown(inputs.listener_rule_slot))
      inputs.listener_rule_slot = LISTENER_RULE_SLOTS;
    calls.push({
      where: `${path.basename(environmentDir)} module.${call.name}`,
      moduleDir,
      inputs,
    });
  }
  return calls;
}

/**
 * Measures every name of every ZeroOps module call in a generated repository's environments
 * (`infrastructure/environments/*`): each module evaluated with the arguments the generated
 * code passes, pull-request environments at the given (by default the highest) PR number.
 */
export async function measureGeneratedNames(
  treeRoot: string,
  pullRequestNumber = 99999,
): Promise<{ names: MeasuredName[]; problems: string[] }> {
  const environmentsDir = path.join(treeRoot, 'infrastructure', 'environments');
  const names: MeasuredName[] = [];
  const problems: string[] = [];
  const environments = await readdir(environmentsDir, { withFileTypes: true });
  for (const entry of environments.filter(e => e.isDirectory())) {
    const dir = path.join(environmentsDir, entry.name);
    for (const call of await generatedCalls(dir, pullRequestNumber)) {
      const module = await loadTerraformModule(call.moduleDir);
      const measured = await measureModuleNames(
        module,
        call.inputs,
        call.where,
      );
      names.push(
        ...measured.names.map(n => ({
          ...n,
          address: `${call.where}.${n.address}`,
        })),
      );
      for (const p of measured.problems)
        problems.push(
          `${call.where}: ${p.address}.${p.attribute}: ${p.problem}`,
        );
    }
  }
  return { names, problems };
}

/**
 * The naming check of a generated repository: every name of every ZeroOps module call within
 * its AWS limit, pull-request environments at the highest PR number. Returns the problems,
 * empty when every name fits.
 */
export async function checkGeneratedNames(
  treeRoot: string,
  pullRequestNumber = 99999,
): Promise<string[]> {
  return (await measureGeneratedNames(treeRoot, pullRequestNumber)).problems;
}
