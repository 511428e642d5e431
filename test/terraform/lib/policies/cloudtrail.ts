import { isSet } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const TRAILS = ['aws_cloudtrail'];

export const cloudTrailRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_36',
    alsoKnownAs: ['AWS-0016'],
    title: 'cloudtrail log file validation',
    resourceTypes: TRAILS,
    test: r =>
      r.body.enable_log_file_validation === true
        ? undefined
        : 'enable_log_file_validation must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_67',
    alsoKnownAs: ['AWS-0014'],
    title: 'cloudtrail covers all regions',
    resourceTypes: TRAILS,
    test: r =>
      r.body.is_multi_region_trail === true
        ? undefined
        : 'is_multi_region_trail must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_35',
    alsoKnownAs: ['AWS-0015'],
    title: 'cloudtrail logs encrypted with a customer-managed key',
    resourceTypes: TRAILS,
    test: r =>
      isSet(r.body.kms_key_id) ? undefined : 'kms_key_id must be set',
  }),
];
