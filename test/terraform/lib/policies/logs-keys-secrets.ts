import { describe, isSet } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

export const logsKeysSecretsRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_66',
    title: 'cloudwatch log groups have a retention period',
    resourceTypes: ['aws_cloudwatch_log_group'],
    test: r => {
      const days = r.body.retention_in_days;
      return typeof days === 'number' && days > 0
        ? undefined
        : `retention_in_days must be set, is ${describe(days)}`;
    },
  }),
  attributeRule({
    id: 'CKV_AWS_158',
    alsoKnownAs: ['AWS-0017'],
    title: 'cloudwatch log groups encrypted with a customer-managed key',
    resourceTypes: ['aws_cloudwatch_log_group'],
    test: r =>
      isSet(r.body.kms_key_id)
        ? undefined
        : `kms_key_id must be set, is ${describe(r.body.kms_key_id)}`,
  }),
  attributeRule({
    id: 'CKV_AWS_7',
    alsoKnownAs: ['AWS-0065'],
    title: 'kms keys rotate',
    resourceTypes: ['aws_kms_key'],
    test: r => {
      // Only symmetric keys can rotate automatically.
      const asymmetric =
        r.body.customer_master_key_spec !== undefined &&
        r.body.customer_master_key_spec !== 'SYMMETRIC_DEFAULT';
      return asymmetric || r.body.enable_key_rotation === true
        ? undefined
        : 'enable_key_rotation must be true';
    },
  }),
  attributeRule({
    id: 'CKV_AWS_149',
    alsoKnownAs: ['AWS-0098'],
    title: 'secrets encrypted with a customer-managed key',
    resourceTypes: ['aws_secretsmanager_secret'],
    test: r =>
      isSet(r.body.kms_key_id)
        ? undefined
        : 'kms_key_id must name a customer-managed key',
  }),
  attributeRule({
    id: 'CKV_AWS_26',
    alsoKnownAs: ['AWS-0095'],
    title: 'sns topics encrypted with a customer-managed key',
    resourceTypes: ['aws_sns_topic'],
    test: r => {
      const key = r.body.kms_master_key_id;
      if (!isSet(key)) return 'kms_master_key_id must be set';
      return key === 'alias/aws/sns'
        ? 'use a customer-managed key: CloudWatch cannot publish with alias/aws/sns'
        : undefined;
    },
  }),
];
