import { describe } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const LOAD_BALANCERS = ['aws_lb', 'aws_alb'];
export const loadBalancerRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_150',
    title: 'alb deletion protection in production',
    resourceTypes: LOAD_BALANCERS,
    productionOnly: true,
    test: r =>
      r.body.enable_deletion_protection === true
        ? undefined
        : `enable_deletion_protection must be true in production, is ${describe(
            r.body.enable_deletion_protection,
          )}`,
  }),
];
