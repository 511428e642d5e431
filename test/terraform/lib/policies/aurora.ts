import { block, blocks, describe } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import { finding, refersTo, resourcesOf, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const CLUSTERS = ['aws_rds_cluster'];
const INSTANCES = ['aws_rds_cluster_instance'];

export const auroraRules: PolicyRule[] = [
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
