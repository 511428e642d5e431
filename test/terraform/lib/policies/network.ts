import { asList, blocks, describe, isUnknown } from '../values.ts';
import type { TfObject, TfValue } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import { attachedTo, finding, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

function opens(value: TfValue | undefined): boolean {
  if (typeof value === 'string') return OPEN_CIDRS.has(value);
  return (asList(value) ?? []).some(
    v => typeof v === 'string' && OPEN_CIDRS.has(v),
  );
}

/** Internet ingress is tolerated on HTTPS only (load balancers, CloudFront origins). */
function httpsOnly(rule: TfObject): boolean {
  return rule.from_port === 443 && rule.to_port === 443;
}

export const networkRules: PolicyRule[] = [
  {
    id: 'CKV2_AWS_11',
    alsoKnownAs: ['AWS-0178'],
    title: 'vpc flow logs enabled',
    resourceTypes: ['aws_vpc'],
    check(model) {
      return subjects(this, model).flatMap(vpc =>
        attachedTo(model, ['aws_flow_log'], 'vpc_id', vpc).length > 0
          ? []
          : [finding(this, model, vpc, 'no aws_flow_log for this VPC')],
      );
    },
  },
  {
    id: 'CKV2_AWS_12',
    alsoKnownAs: ['AWS-0173'],
    title: 'vpc default security group restricts all traffic',
    resourceTypes: ['aws_vpc'],
    check(model) {
      return subjects(this, model).flatMap(vpc => {
        const defaults = attachedTo(
          model,
          ['aws_default_security_group'],
          'vpc_id',
          vpc,
        );
        if (defaults.length === 0) {
          return [
            finding(
              this,
              model,
              vpc,
              'adopt the default security group (aws_default_security_group) with no rules',
            ),
          ];
        }
        return defaults
          .filter(
            d =>
              blocks(d.body, 'ingress').length > 0 ||
              blocks(d.body, 'egress').length > 0,
          )
          .map(d =>
            finding(
              this,
              model,
              d,
              'the default security group must have no ingress or egress rules',
            ),
          );
      });
    },
  },
  attributeRule({
    id: 'CKV_AWS_130',
    title: 'subnets do not assign public IPs',
    resourceTypes: ['aws_subnet'],
    test: r =>
      r.body.map_public_ip_on_launch === true ||
      isUnknown(r.body.map_public_ip_on_launch)
        ? `map_public_ip_on_launch must be false, is ${describe(
            r.body.map_public_ip_on_launch,
          )}`
        : undefined,
  }),
  attributeRule({
    id: 'AWS-0107',
    alsoKnownAs: ['CKV_AWS_260', 'CKV_AWS_24', 'CKV_AWS_25'],
    title: 'security groups allow no internet ingress except HTTPS',
    resourceTypes: [
      'aws_security_group',
      'aws_vpc_security_group_ingress_rule',
      'aws_security_group_rule',
    ],
    test: r => {
      if (r.type === 'aws_vpc_security_group_ingress_rule') {
        const open = opens(r.body.cidr_ipv4) || opens(r.body.cidr_ipv6);
        return open && !httpsOnly(r.body)
          ? 'ingress from the internet is only allowed on port 443'
          : undefined;
      }
      if (r.type === 'aws_security_group_rule') {
        if (r.body.type !== 'ingress') return undefined;
        const open =
          opens(r.body.cidr_blocks) || opens(r.body.ipv6_cidr_blocks);
        return open && !httpsOnly(r.body)
          ? 'ingress from the internet is only allowed on port 443'
          : undefined;
      }
      const bad = blocks(r.body, 'ingress').find(
        i =>
          (opens(i.cidr_blocks) || opens(i.ipv6_cidr_blocks)) && !httpsOnly(i),
      );
      return bad
        ? 'ingress from the internet is only allowed on port 443'
        : undefined;
    },
  }),
];
