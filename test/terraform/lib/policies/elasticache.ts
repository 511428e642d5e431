import { block, describe, isSet } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

export const elastiCacheRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_191',
    alsoKnownAs: ['CKV_AWS_29', 'CKV_AWS_30'],
    title:
      'elasticache encrypted at rest with a customer-managed key and in transit',
    resourceTypes: [
      'aws_elasticache_serverless_cache',
      'aws_elasticache_replication_group',
    ],
    test: r => {
      if (!isSet(r.body.kms_key_id)) {
        return `kms_key_id must name a customer-managed key, is ${describe(
          r.body.kms_key_id,
        )}`;
      }
      // Serverless caches always encrypt at rest and require TLS; replication groups must opt in.
      if (r.type === 'aws_elasticache_replication_group') {
        if (r.body.at_rest_encryption_enabled !== true)
          return 'at_rest_encryption_enabled must be true';
        if (r.body.transit_encryption_enabled !== true)
          return 'transit_encryption_enabled must be true';
      }
      return undefined;
    },
  }),
  attributeRule({
    id: 'ZEROOPS_CACHE_USAGE_LIMITS',
    title: 'elasticache serverless has usage limits (cost cap)',
    resourceTypes: ['aws_elasticache_serverless_cache'],
    test: r => {
      const limits = block(r.body, 'cache_usage_limits');
      const storage = limits && block(limits, 'data_storage');
      const ecpu = limits && block(limits, 'ecpu_per_second');
      return typeof storage?.maximum === 'number' &&
        typeof ecpu?.maximum === 'number'
        ? undefined
        : 'cache_usage_limits must cap data_storage.maximum and ecpu_per_second.maximum';
    },
  }),
];
