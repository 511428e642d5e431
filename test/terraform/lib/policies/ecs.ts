import {
  block,
  blocks,
  decodeJsonDocument,
  describe,
  isTfObject,
  isUnknown,
} from '../values.ts';
import type { TfObject, TfValue } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import { finding, refersTo, resourcesOf, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const TASK_DEFINITIONS = ['aws_ecs_task_definition'];

/** Container definitions as far as they are known (jsonencode with apply-time parts). */
function containers(value: TfValue | undefined): TfObject[] | undefined {
  const decoded = decodeJsonDocument(value);
  return Array.isArray(decoded) ? decoded.filter(isTfObject) : undefined;
}

function containerRule(options: {
  id: string;
  alsoKnownAs?: string[];
  title: string;
  problem(container: TfObject): string | undefined;
}): PolicyRule {
  return attributeRule({
    ...options,
    resourceTypes: TASK_DEFINITIONS,
    test: r => {
      const list = containers(r.body.container_definitions);
      if (!list || list.length === 0)
        return 'container_definitions cannot be read';
      for (const c of list) {
        const problem = options.problem(c);
        if (problem) return `container ${describe(c.name)}: ${problem}`;
      }
      return undefined;
    },
  });
}

const SECRET_NAME =
  /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

export const ecsRules: PolicyRule[] = [
  containerRule({
    id: 'CKV_AWS_334',
    title: 'ecs containers are not privileged',
    problem: c =>
      c.privileged === true ? 'privileged must not be true' : undefined,
  }),
  containerRule({
    id: 'ZEROOPS_ECS_NON_ROOT',
    title: 'ecs containers run as a non-root user',
    problem: c => {
      const user = c.user;
      if (isUnknown(user)) return 'user must be known to be non-root';
      if (typeof user !== 'string' || user === '')
        return 'user must be set (images default to root)';
      return /^(0|root)(:|$)/.test(user)
        ? `user must not be root, is ${user}`
        : undefined;
    },
  }),
  containerRule({
    id: 'AWS-0036',
    title:
      'ecs task definitions hold no plaintext secrets in environment variables',
    problem: c => {
      const env = Array.isArray(c.environment)
        ? c.environment.filter(isTfObject)
        : [];
      const leaked = env.find(
        e => typeof e.name === 'string' && SECRET_NAME.test(e.name),
      );
      return leaked
        ? `environment variable ${String(
            leaked.name,
          )} looks like a secret; inject it from Secrets Manager`
        : undefined;
    },
  }),
  containerRule({
    id: 'ZEROOPS_ECS_LOGS',
    title: 'ecs containers log to CloudWatch (awslogs)',
    problem: c => {
      const config = c.logConfiguration;
      return isTfObject(config) && config.logDriver === 'awslogs'
        ? undefined
        : 'logConfiguration must use the awslogs driver';
    },
  }),
  attributeRule({
    id: 'ZEROOPS_ECS_ROLLBACK',
    title:
      'ecs deployments roll back automatically (alarms or circuit breaker)',
    resourceTypes: ['aws_ecs_service'],
    test: r => {
      const breaker = block(r.body, 'deployment_circuit_breaker');
      const alarms = block(r.body, 'alarms');
      const strategy = block(r.body, 'deployment_configuration')?.strategy;
      if (strategy === 'BLUE_GREEN') {
        return alarms?.rollback === true ||
          blocks(
            block(r.body, 'deployment_configuration') ?? {},
            'lifecycle_hook',
          ).length > 0
          ? undefined
          : 'blue/green deployments need alarms { rollback = true } or lifecycle hooks';
      }
      return breaker?.enable === true && breaker.rollback === true
        ? undefined
        : 'rolling deployments need deployment_circuit_breaker { enable = true, rollback = true }';
    },
  }),
  {
    id: 'ZEROOPS_ECS_BLUE_GREEN_RULES',
    title: 'ecs blue/green listener rules only forward (no mixed actions)',
    resourceTypes: ['aws_ecs_service'],
    check(model) {
      const rules = resourcesOf(model, [
        'aws_lb_listener_rule',
        'aws_alb_listener_rule',
      ]);
      return subjects(this, model).flatMap(service =>
        blocks(service.body, 'load_balancer')
          .flatMap(lb => blocks(lb, 'advanced_configuration'))
          .flatMap(advanced =>
            [
              advanced.production_listener_rule,
              advanced.test_listener_rule,
            ].flatMap(ref => {
              const rule = rules.find(r => refersTo(ref, r.baseAddress));
              if (!rule) return [];
              const actions = blocks(rule.body, 'action');
              return actions.length > 0 &&
                actions.every(a => a.type === 'forward')
                ? []
                : [
                    finding(
                      this,
                      model,
                      rule,
                      'listener rules used by ECS blue/green must only have forward actions',
                    ),
                  ];
            }),
          ),
      );
    },
  },
];
