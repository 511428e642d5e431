import path from 'node:path';
import { evaluateModule } from './lib/evaluated-module.ts';
import type {
  EvaluatedModule,
  EvaluatedResource,
} from './lib/evaluated-module.ts';
import { loadTerraformModule } from './lib/hcl.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { MODULES_ROOT } from './lib/repository.ts';
import { block, blocks, decodeJsonDocument, isTfObject } from './lib/values.ts';
import type { TfObject } from './lib/values.ts';

/**
 * The naming contract shared with the backend plugin, the deploy workflows and the simulator
 * (plugins/zeroops-common/src/naming.ts), and the per-environment behaviour the seed asks for,
 * checked on the modules evaluated with their examples' inputs.
 */

async function scenario(
  module: string,
  example: string,
): Promise<EvaluatedModule> {
  const models = await evaluateAllModules();
  const model = models.find(
    m => m.name === module && m.scenario.startsWith(`examples/${example} `),
  );
  if (!model) throw new Error(`no example ${example} of ${module}`);
  return model;
}

function resource(model: EvaluatedModule, address: string): EvaluatedResource {
  const found = model.resources.find(r => r.address === address);
  if (!found)
    throw new Error(`${address} not in ${model.name} (${model.scenario})`);
  return found;
}

const all = (model: EvaluatedModule, type: string) =>
  model.resources.filter(r => r.type === type && r.kind === 'resource');

function containerDefinitions(model: EvaluatedModule): TfObject[] {
  const decoded = decodeJsonDocument(
    resource(model, 'aws_ecs_task_definition.this').body.container_definitions,
  );
  return Array.isArray(decoded) ? decoded.filter(isTfObject) : [];
}

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('naming contract and environment behaviour', () => {
  it('ecs-service in production: names, native blue/green with bake time and alarm rollback', async () => {
    const model = await scenario('ecs-service', 'production-blue-green');
    const service = resource(model, 'aws_ecs_service.this').body;
    expect(service.name).toBe('payments-api');
    expect(service.cluster).toBe('zeroops-production');
    expect(resource(model, 'aws_ecs_task_definition.this').body.family).toBe(
      'payments-api-production',
    );
    expect(containerDefinitions(model).map(c => c.name)).toEqual(['app']);
    expect(resource(model, 'aws_lb_target_group.this["blue"]').body.name).toBe(
      'payments-api-prod-b',
    );
    expect(resource(model, 'aws_lb_target_group.this["green"]').body.name).toBe(
      'payments-api-prod-g',
    );
    expect(resource(model, 'aws_cloudwatch_log_group.this').body.name).toBe(
      '/ecs/payments-api/production',
    );
    expect(block(service, 'deployment_configuration')).toMatchObject({
      strategy: 'BLUE_GREEN',
      bake_time_in_minutes: '10',
    });
    const advanced = block(
      block(service, 'load_balancer') ?? {},
      'advanced_configuration',
    );
    expect(Object.keys(advanced ?? {}).sort()).toEqual([
      'alternate_target_group_arn',
      'production_listener_rule',
      'role_arn',
      'test_listener_rule',
    ]);
    expect(block(service, 'alarms')).toMatchObject({
      enable: true,
      rollback: true,
    });
    expect(block(service, 'network_configuration')?.assign_public_ip).toBe(
      false,
    );
    expect(
      block(service, 'capacity_provider_strategy')?.capacity_provider,
    ).toBe('FARGATE');
  });

  it('ecs-service leaves the image and the task count to the deploy workflow and autoscaling', async () => {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'ecs-service'),
    );
    const service = module.resources.find(r => r.type === 'aws_ecs_service');
    expect(JSON.stringify(service?.body.lifecycle)).toContain(
      'task_definition',
    );
    expect(JSON.stringify(service?.body.lifecycle)).toContain('desired_count');
    expect(module.outputs.map(o => o.name)).toEqual(
      expect.arrayContaining([
        'service_name',
        'cluster_name',
        'task_family',
        'container_name',
        'target_group_arns',
        'production_listener_rule_arn',
        'test_listener_rule_arn',
      ]),
    );
  });

  it('ecs-service autoscales on CPU 70 %, memory 80 % and ALB requests per target', async () => {
    const model = await scenario('ecs-service', 'production-blue-green');
    const targets = all(model, 'aws_appautoscaling_policy').map(p => {
      const config =
        block(p.body, 'target_tracking_scaling_policy_configuration') ?? {};
      return [
        block(config, 'predefined_metric_specification')
          ?.predefined_metric_type,
        config.target_value,
      ];
    });
    expect(targets).toEqual(
      expect.arrayContaining([
        ['ECSServiceAverageCPUUtilization', 70],
        ['ECSServiceAverageMemoryUtilization', 80],
        ['ALBRequestCountPerTarget', 1000],
      ]),
    );
    expect(all(model, 'aws_appautoscaling_scheduled_action')).toEqual([]);
  });

  it('ecs-service in staging: rolling with circuit breaker, Fargate Spot and scale-to-zero inside AWS', async () => {
    const model = await scenario('ecs-service', 'staging-rolling');
    const service = resource(model, 'aws_ecs_service.this').body;
    expect(block(service, 'deployment_configuration')?.strategy).toBe(
      'ROLLING',
    );
    expect(block(service, 'deployment_circuit_breaker')).toMatchObject({
      enable: true,
      rollback: true,
    });
    expect(
      block(service, 'capacity_provider_strategy')?.capacity_provider,
    ).toBe('FARGATE_SPOT');
    expect(resource(model, 'aws_lb_target_group.this["blue"]').body.name).toBe(
      'payments-api-stg-b',
    );
    const schedules = all(model, 'aws_appautoscaling_scheduled_action').map(
      a => [
        a.body.schedule,
        block(a.body, 'scalable_target_action')?.max_capacity,
      ],
    );
    expect(schedules).toEqual(
      expect.arrayContaining([
        ['cron(0 20 ? * MON-FRI *)', 0],
        ['cron(0 7 ? * MON-FRI *)', 2],
      ]),
    );
    expect(schedules).toHaveLength(2);
  });

  it('ecs-service for a pull request: <service>-pr-<n> in zeroops-ephemeral, destroyable', async () => {
    const model = await scenario('ecs-service', 'ephemeral-pr');
    const service = resource(model, 'aws_ecs_service.this').body;
    expect(service.name).toBe('payments-api-pr-42');
    expect(service.cluster).toBe('zeroops-ephemeral');
    expect(service.force_delete).toBe(true);
    expect(resource(model, 'aws_ecs_task_definition.this').body.family).toBe(
      'payments-api-pr-42',
    );
    expect(resource(model, 'aws_lb_target_group.this["blue"]').body.name).toBe(
      'payments-api-pr-42-b',
    );
    expect(resource(model, 'aws_cloudwatch_log_group.this').body).toMatchObject(
      {
        name: '/ecs/payments-api/pr-42',
        retention_in_days: 7,
      },
    );
  });

  it('target group names of the longest service and pull request number fit 32 characters', async () => {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'ecs-service'),
    );
    const model = await evaluateModule(module, {
      name: 'longest names',
      inputs: {
        service: 'abcdefghijklmnopqrst',
        environment: 'pr-99999',
        deployment_strategy: 'BLUE_GREEN',
        test_listener_arn: 'arn',
      },
    });
    const names = all(model, 'aws_lb_target_group').map(t =>
      String(t.body.name),
    );
    expect(names).toEqual([
      'abcdefghijklmnopqrst-pr-99999-b',
      'abcdefghijklmnopqrst-pr-99999-g',
    ]);
    expect(Math.max(...names.map(n => n.length))).toBeLessThanOrEqual(32);
  });

  it('monitoring names every alarm <service>-<environment>-<signal>', async () => {
    const model = await scenario('monitoring', 'production');
    const names = all(model, 'aws_cloudwatch_metric_alarm')
      .map(a => a.body.alarm_name)
      .sort();
    expect(names).toEqual(
      [
        'alb-5xx',
        'aurora-acu-high',
        'aurora-connections-high',
        'cpu-high',
        'memory-high',
        'p99-latency',
        'unhealthy-hosts',
      ].map(signal => `payments-api-production-${signal}`),
    );
    expect(
      resource(
        model,
        'aws_cloudwatch_metric_alarm.load_balancer["p99-latency"]',
      ).body.threshold,
    ).toBe(0.2);
    expect(
      resource(model, 'aws_cloudwatch_dashboard.this').body.dashboard_name,
    ).toBe('payments-api-production');
  });

  it('names data stores <service>-<environment> and clusters zeroops-<environment>', async () => {
    expect(
      resource(await scenario('database', 'production'), 'aws_rds_cluster.this')
        .body.cluster_identifier,
    ).toBe('payments-api-production');
    expect(
      resource(
        await scenario('cache', 'staging'),
        'aws_elasticache_serverless_cache.this',
      ).body.name,
    ).toBe('payments-api-staging');
    for (const env of ['production', 'staging', 'ephemeral']) {
      expect(
        resource(await scenario('ecs-cluster', env), 'aws_ecs_cluster.this')
          .body.name,
      ).toBe(`zeroops-${env}`);
    }
  });

  it('database: production is protected and highly available, non-production scales to zero', async () => {
    const production = resource(
      await scenario('database', 'production'),
      'aws_rds_cluster.this',
    ).body;
    expect(production).toMatchObject({
      deletion_protection: true,
      skip_final_snapshot: false,
      backup_retention_period: 35,
    });
    expect(
      block(production, 'serverlessv2_scaling_configuration'),
    ).toMatchObject({ min_capacity: 0.5, max_capacity: 8 });
    expect(
      all(await scenario('database', 'production'), 'aws_rds_cluster_instance'),
    ).toHaveLength(3);

    const staging = resource(
      await scenario('database', 'staging'),
      'aws_rds_cluster.this',
    ).body;
    expect(block(staging, 'serverlessv2_scaling_configuration')).toMatchObject({
      min_capacity: 0,
      seconds_until_auto_pause: 600,
    });

    const pr = resource(
      await scenario('database', 'ephemeral'),
      'aws_rds_cluster.this',
    ).body;
    expect(pr).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: true,
      backup_retention_period: 1,
    });
  });

  it('secrets of pull-request environments are deleted without a recovery window', async () => {
    const pr = all(
      await scenario('secrets', 'ephemeral'),
      'aws_secretsmanager_secret',
    );
    expect(pr.map(s => [s.body.name, s.body.recovery_window_in_days])).toEqual([
      ['payments-api/pr-42/stripe-api-key', 0],
    ]);
    const production = all(
      await scenario('secrets', 'production'),
      'aws_secretsmanager_secret',
    );
    expect(production.every(s => s.body.recovery_window_in_days === 30)).toBe(
      true,
    );
  });

  it('networking: one NAT gateway per zone and interface endpoints in production only', async () => {
    const production = await scenario('networking', 'production');
    const staging = await scenario('networking', 'staging');
    expect(all(production, 'aws_nat_gateway')).toHaveLength(2);
    expect(all(staging, 'aws_nat_gateway')).toHaveLength(1);
    expect(
      all(production, 'aws_vpc_endpoint').map(e => e.body.service_name),
    ).toHaveLength(5);
    expect(all(staging, 'aws_vpc_endpoint')).toHaveLength(1);
  });

  it('load balancer accepts CloudFront only and redirects HTTP', async () => {
    const model = await scenario('load-balancer', 'production');
    const ingress = all(model, 'aws_vpc_security_group_ingress_rule').filter(
      r => r.body.from_port !== 8443,
    );
    const sources = ingress.map(r => [
      r.body.from_port,
      String((r.body.prefix_list_id as { source?: string }).source),
    ]);
    expect(sources.sort()).toEqual([
      [443, 'data.aws_ec2_managed_prefix_list.cloudfront.id'],
      [80, 'data.aws_ec2_managed_prefix_list.cloudfront.id'],
    ]);
    expect(
      resource(model, 'data.aws_ec2_managed_prefix_list.cloudfront').body.name,
    ).toBe('com.amazonaws.global.cloudfront.origin-facing');
  });

  it('budgets notify at 50, 80 and 95 % and activate the cost-allocation tags', async () => {
    const model = await scenario('budgets', 'complete');
    const platform = resource(model, 'aws_budgets_budget.platform').body;
    expect(
      blocks(platform, 'notification').map(n => [
        n.notification_type,
        n.threshold,
      ]),
    ).toEqual([
      ['ACTUAL', 50],
      ['ACTUAL', 80],
      ['ACTUAL', 95],
      ['FORECASTED', 100],
    ]);
    expect(
      resource(model, 'aws_budgets_budget.service["payments-api"]').body
        .cost_filter,
    ).toEqual([
      { name: 'TagKeyValue', values: ['user:zeroops:service$payments-api'] },
    ]);
    expect(
      all(model, 'aws_ce_cost_allocation_tag').map(t => t.body.tag_key),
    ).toEqual(['zeroops:environment', 'zeroops:service']);
  });

  it('github-oidc trusts exactly repo:<org>/<repo>:environment:<env> and the pull_request subject', async () => {
    const model = await scenario('github-oidc', 'complete');
    const subjects = model.resources
      .filter(r => r.kind === 'data' && r.name.endsWith('trust'))
      .flatMap(d => blocks(d.body, 'statement'))
      .flatMap(s => blocks(s, 'condition'))
      .filter(c => String(c.variable).endsWith(':sub'))
      .map(c => c.values);
    expect(subjects).toEqual([
      [
        'repo:acme/payments-api:environment:production',
        'repo:acme@123456/payments-api@987654321:environment:production',
      ],
      [
        'repo:acme/payments-api:pull_request',
        'repo:acme@123456/payments-api@987654321:pull_request',
      ],
    ]);
  });

  it('state uses S3 native locking and no module creates DynamoDB lock tables', async () => {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'state-backend'),
    );
    const output = module.outputs.find(o => o.name === 'backend_config');
    expect(JSON.stringify(output?.body.value)).toContain('"use_lockfile":true');
    const models = await evaluateAllModules();
    expect(
      models
        .flatMap(m => m.resources)
        .filter(r => r.type.startsWith('aws_dynamodb')),
    ).toEqual([]);
  });
});
