import { block, blocks, describe, isSet } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import { finding, refersTo, resourcesOf, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const CLUSTERS = ['aws_rds_cluster'];
const INSTANCES = ['aws_rds_cluster_instance'];

export const auroraRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_96',
    alsoKnownAs: ['AWS-0079'],
    title: 'aurora storage encrypted',
    resourceTypes: CLUSTERS,
    test: r =>
      r.body.storage_encrypted === true
        ? undefined
        : `storage_encrypted must be true, is ${describe(
            r.body.storage_encrypted,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_327',
    title: 'aurora encrypted with a customer-managed KMS key',
    resourceTypes: CLUSTERS,
    test: r =>
      isSet(r.body.kms_key_id)
        ? undefined
        : `kms_key_id must name a customer-managed key, is ${describe(
            r.body.kms_key_id,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_139',
    alsoKnownAs: ['AWS-0343'],
    title: 'aurora deletion protection in production',
    resourceTypes: CLUSTERS,
    productionOnly: true,
    test: r =>
      r.body.deletion_protection === true
        ? undefined
        : `deletion_protection must be true in production, is ${describe(
            r.body.deletion_protection,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_133',
    alsoKnownAs: ['AWS-0077'],
    title: 'aurora backup retention set, 35 days in production',
    resourceTypes: CLUSTERS,
    test: (r, model) => {
      const days = r.body.backup_retention_period;
      const minimum = model.environment === 'production' ? 35 : 1;
      return typeof days === 'number' && days >= minimum
        ? undefined
        : `backup_retention_period must be at least ${minimum} days here, is ${describe(
            days,
          )}`;
    },
  }),
  attributeRule({
    id: 'CKV_AWS_162',
    alsoKnownAs: ['AWS-0176'],
    title: 'aurora IAM database authentication',
    resourceTypes: CLUSTERS,
    test: r =>
      r.body.iam_database_authentication_enabled === true
        ? undefined
        : 'iam_database_authentication_enabled must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_313',
    title: 'aurora copies tags to snapshots',
    resourceTypes: CLUSTERS,
    test: r =>
      r.body.copy_tags_to_snapshot === true
        ? undefined
        : 'copy_tags_to_snapshot must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_324',
    title: 'aurora exports PostgreSQL logs',
    resourceTypes: CLUSTERS,
    test: r => {
      const exports = r.body.enabled_cloudwatch_logs_exports;
      return Array.isArray(exports) && exports.includes('postgresql')
        ? undefined
        : `enabled_cloudwatch_logs_exports must include "postgresql", is ${describe(
            exports,
          )}`;
    },
  }),
  attributeRule({
    id: 'CKV_AWS_17',
    alsoKnownAs: ['AWS-0180'],
    title: 'aurora instances not publicly accessible',
    resourceTypes: INSTANCES,
    test: r =>
      r.body.publicly_accessible === false
        ? undefined
        : `publicly_accessible must be set to false, is ${describe(
            r.body.publicly_accessible,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_353',
    title: 'aurora Performance Insights in production',
    resourceTypes: INSTANCES,
    productionOnly: true,
    test: r =>
      r.body.performance_insights_enabled === true
        ? undefined
        : `performance_insights_enabled must be true in production, is ${describe(
            r.body.performance_insights_enabled,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_354',
    title: 'aurora Performance Insights encrypted with a customer-managed key',
    resourceTypes: INSTANCES,
    test: r =>
      r.body.performance_insights_enabled !== true ||
      isSet(r.body.performance_insights_kms_key_id)
        ? undefined
        : 'performance_insights_kms_key_id must be set when Performance Insights is on',
  }),
  {
    id: 'CKV2_AWS_69',
    title: 'aurora postgresql requires TLS (rds.force_ssl = 1)',
    resourceTypes: CLUSTERS,
    check(model) {
      const groups = resourcesOf(model, ['aws_rds_cluster_parameter_group']);
      return subjects(this, model).flatMap(cluster => {
        const group = groups.find(g =>
          refersTo(cluster.body.db_cluster_parameter_group_name, g.baseAddress),
        );
        const forced = group
          ? blocks(group.body, 'parameter').some(
              p => p.name === 'rds.force_ssl' && String(p.value) === '1',
            )
          : false;
        return forced
          ? []
          : [
              finding(
                this,
                model,
                cluster,
                'the cluster parameter group must set rds.force_ssl = 1',
              ),
            ];
      });
    },
  },
  attributeRule({
    id: 'ZEROOPS_AURORA_CAPACITY',
    title: 'aurora serverless v2 capacity is capped (cost)',
    resourceTypes: CLUSTERS,
    test: r => {
      const scaling = block(r.body, 'serverlessv2_scaling_configuration');
      const max = scaling?.max_capacity;
      return typeof max === 'number' && max <= 64
        ? undefined
        : `serverlessv2_scaling_configuration.max_capacity must be a known cap of at most 64 ACU, is ${describe(
            max,
          )}`;
    },
  }),
];
