import { auroraRules } from './aurora.ts';
import { cloudFrontRules } from './cloudfront.ts';
import { ecsRules } from './ecs.ts';
import { elastiCacheRules } from './elasticache.ts';
import { loadBalancerRules } from './load-balancer.ts';
import { networkRules } from './network.ts';
import type { PolicyRule } from './policy-rule.ts';
import { s3Rules } from './s3.ts';
import { taggingRules } from './tagging.ts';

export type { PolicyRule } from './policy-rule.ts';

/**
 * The in-house rules no standard tool proves (test/terraform/README.md says why for each); the
 * rules Checkov proves run as Checkov itself (test/fieldTools/checkovModules.test.ts).
 */
export const POLICY_RULES: PolicyRule[] = [
  ...auroraRules,
  ...elastiCacheRules,
  ...loadBalancerRules,
  ...cloudFrontRules,
  ...s3Rules,
  ...ecsRules,
  ...networkRules,
  ...taggingRules,
];
