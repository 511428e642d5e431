import { asList, blocks } from '../values.ts';
import type { TfObject, TfValue } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
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
