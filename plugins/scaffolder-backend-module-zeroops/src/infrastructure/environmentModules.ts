import { EnvironmentSizing } from '@zeroops/backstage-plugin-zeroops-common';
import { expr, hclArguments, HclValue } from './hcl';
import { EnvironmentPolicy } from './environmentPolicy';
import { EnvironmentFolder, InfrastructureOptions } from './types';

/** Source of one of our modules at the pinned ref. */
export function moduleSource(options: InfrastructureOptions, name: string) {
  return `git::https://${options.modulesRepository}//terraform-modules/${name}?ref=${options.modulesRef}`;
}

export function hclBlock(
  header: string,
  args: Record<string, HclValue | undefined>,
) {
  return `${header} {\n${hclArguments(args)}\n}\n`;
}

/**
 * The service's listener rule slot: given explicitly, or read from the registry the foundation's
 * load-balancer module publishes. The ecs-service module derives collision-free priorities from
 * it (zeroops-common listenerRulePriority).
 */
function listenerRuleSlot(options: InfrastructureOptions): HclValue {
  return (
    options.listenerRuleSlot ??
    expr('tonumber(data.aws_ssm_parameter.listener_rule_slot.value)')
  );
}

export function serviceModule(
  env: EnvironmentFolder,
  options: InfrastructureOptions,
  sizing: EnvironmentSizing,
  policy: EnvironmentPolicy,
): string {
  const { compute } = sizing;
  const environmentVariables: Record<string, HclValue> = {
    SERVICE_NAME: expr('local.service'),
    ZEROOPS_ENVIRONMENT: expr('local.environment'),
    PORT: String(options.containerPort),
  };
  const secrets: Record<string, HclValue> = {};
  const kmsKeys: HclValue[] = [];
  if (options.database) {
    Object.assign(environmentVariables, {
      DATABASE_HOST: expr('module.database.endpoint'),
      DATABASE_PORT: expr('tostring(module.database.port)'),
      DATABASE_NAME: expr('module.database.database_name'),
    });
    // RDS manages and rotates the credentials; ECS injects them at task start.
    secrets.DATABASE_CREDENTIALS = expr(
      'module.database.master_user_secret_arn',
    );
    kmsKeys.push(expr('module.database.kms_key_arn'));
  }
  if (options.cache) {
    Object.assign(environmentVariables, {
      VALKEY_HOST: expr('module.cache.endpoint_address'),
      VALKEY_PORT: expr('tostring(module.cache.endpoint_port)'),
    });
  }
  // Autoscaling headroom: production triples, staging doubles, a pull request stays fixed.
  const headroom = { production: 3, staging: 2, ephemeral: 1 }[env];
  const maxTasks = compute.taskCount * headroom;
  return hclBlock(`module "service"`, {
    source: moduleSource(options, 'ecs-service'),
    service: expr('local.service'),
    environment: expr('local.environment'),
    cluster_name: options.environments[env].ecsCluster,
    vpc_id: expr('data.aws_vpc.platform.id'),
    private_subnet_ids: expr('data.aws_subnets.private.ids'),
    load_balancer_security_group_id: expr(
      'data.aws_security_group.load_balancer.id',
    ),
    load_balancer_arn_suffix: expr('data.aws_lb.platform.arn_suffix'),
    production_listener_arn: expr('data.aws_lb_listener.https.arn'),
    test_listener_arn: policy.blueGreen
      ? expr('data.aws_lb_listener.test.arn')
      : undefined,
    host_headers: [expr('local.origin_host')],
    listener_rule_slot: listenerRuleSlot(options),
    image: expr(
      '"${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/${local.service}:${var.image_tag}"',
    ),
    container_port: options.containerPort,
    cpu: Math.round(compute.vcpu * 1024),
    memory: Math.round(compute.memoryGb * 1024),
    cpu_architecture: compute.architecture === 'arm64' ? 'ARM64' : 'X86_64',
    health_check_path: options.healthCheckPath,
    environment_variables: environmentVariables,
    secrets,
    secrets_kms_key_arns: kmsKeys,
    deployment_strategy: policy.blueGreen ? 'BLUE_GREEN' : 'ROLLING',
    deployment_alarm_names: expr('module.monitoring.deployment_alarm_names'),
    desired_count: compute.taskCount,
    min_capacity: compute.taskCount,
    max_capacity: maxTasks,
    enable_scale_to_zero: policy.scaleToZero,
    create_ecr_repository: policy.createEcrRepository,
  });
}

export function databaseModule(
  options: InfrastructureOptions,
  sizing: EnvironmentSizing,
  policy: EnvironmentPolicy,
) {
  const database = sizing.database;
  return hclBlock(`module "database"`, {
    source: moduleSource(options, 'database'),
    service: expr('local.service'),
    environment: expr('local.environment'),
    vpc_id: expr('data.aws_vpc.platform.id'),
    subnet_ids: expr('data.aws_subnets.database.ids'),
    allowed_security_group_ids: [expr('module.service.security_group_id')],
    min_capacity: database?.minAcu,
    max_capacity: database?.maxAcu,
    backup_retention_days: policy.backupRetentionDays,
    deletion_protection: policy.deletionProtection,
  });
}

export function cacheModule(
  options: InfrastructureOptions,
  sizing: EnvironmentSizing,
) {
  // The storage cap is a cost ceiling: twice the expected data, at least the 1 GB minimum.
  const maxGb = Math.max(
    1,
    Math.ceil((sizing.cache?.averageDataGb ?? 0.5) * 2),
  );
  return hclBlock(`module "cache"`, {
    source: moduleSource(options, 'cache'),
    service: expr('local.service'),
    environment: expr('local.environment'),
    vpc_id: expr('data.aws_vpc.platform.id'),
    subnet_ids: expr(
      'slice(data.aws_subnets.private.ids, 0, min(3, length(data.aws_subnets.private.ids)))',
    ),
    allowed_security_group_ids: [expr('module.service.security_group_id')],
    max_data_storage_gb: maxGb,
  });
}

export function monitoringModule(options: InfrastructureOptions) {
  return hclBlock(`module "monitoring"`, {
    source: moduleSource(options, 'monitoring'),
    service: expr('local.service'),
    environment: expr('local.environment'),
    load_balancer_arn_suffix: expr('data.aws_lb.platform.arn_suffix'),
    target_group_arn_suffixes: expr('module.service.target_group_arn_suffixes'),
    ecs_cluster_name: expr('module.service.cluster_name'),
    ecs_service_name: expr('module.service.service_name'),
    aurora_cluster_identifier: options.database
      ? expr('module.database.cluster_identifier')
      : undefined,
    notification_emails:
      options.alarmEmails.length > 0 ? options.alarmEmails : undefined,
  });
}

export function cdnModule(options: InfrastructureOptions) {
  // The cdn module places its us-east-1 resources (WAF logging, its key) with provider 6's
  // per-resource region argument, so it takes no aliased provider.
  return `module "cdn" {
  source = "${moduleSource(options, 'cdn')}"

${hclArguments({
  service: expr('local.service'),
  environment: expr('local.environment'),
  aliases: [expr('local.public_host')],
  certificate_arn: expr('data.aws_acm_certificate.public.arn'),
  origin_domain_name: expr('local.origin_host'),
  web_acl_arn: expr('data.aws_wafv2_web_acl.shared.arn'),
})}
}
`;
}

export function dnsModule(
  options: InfrastructureOptions,
  policy: EnvironmentPolicy,
) {
  return hclBlock(`module "dns"`, {
    source: moduleSource(options, 'dns'),
    service: expr('local.service'),
    environment: expr('local.environment'),
    zone_id: expr('data.aws_route53_zone.environment.zone_id'),
    alias_records: {
      public: {
        name: expr('local.public_host'),
        target_dns_name: expr('module.cdn.domain_name'),
        target_zone_id: expr('module.cdn.hosted_zone_id'),
      },
      origin: {
        name: expr('local.origin_host'),
        target_dns_name: expr('data.aws_lb.platform.dns_name'),
        target_zone_id: expr('data.aws_lb.platform.zone_id'),
        evaluate_target_health: true,
      },
    },
    health_checks: policy.healthCheck
      ? {
          public: {
            fqdn: expr('local.public_host'),
            resource_path: options.healthCheckPath,
          },
        }
      : undefined,
  });
}
