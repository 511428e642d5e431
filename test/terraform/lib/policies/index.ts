import { auroraRules } from './aurora.ts';
import { cloudFrontRules } from './cloudfront.ts';
import { cloudTrailRules } from './cloudtrail.ts';
import { ecrRules } from './ecr.ts';
import { ecsRules } from './ecs.ts';
import { elastiCacheRules } from './elasticache.ts';
import { iamRules } from './iam.ts';
import { loadBalancerRules } from './load-balancer.ts';
import { logsKeysSecretsRules } from './logs-keys-secrets.ts';
import { networkRules } from './network.ts';
import type { PolicyRule } from './policy-rule.ts';
import { s3Rules } from './s3.ts';
import { taggingRules } from './tagging.ts';

export type { PolicyRule } from './policy-rule.ts';

/** Every policy the offline tests enforce, in the order of the security reference table. */
export const POLICY_RULES: PolicyRule[] = [
  ...auroraRules,
  ...elastiCacheRules,
  ...loadBalancerRules,
  ...cloudFrontRules,
  ...s3Rules,
  ...ecsRules,
  ...logsKeysSecretsRules,
  ...networkRules,
  ...ecrRules,
  ...iamRules,
  ...cloudTrailRules,
  ...taggingRules,
];
