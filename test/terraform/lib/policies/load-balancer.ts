import { block, blocks, describe } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const LOAD_BALANCERS = ['aws_lb', 'aws_alb'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];

/** ELB security policies that negotiate TLS 1.2 or newer only. */
export const TLS12_POLICIES = new Set([
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
]);

const isApplication = (type: unknown) =>
  type === undefined || type === 'application';

export const loadBalancerRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_131',
    alsoKnownAs: ['AWS-0052'],
    title: 'alb drops invalid header fields',
    resourceTypes: LOAD_BALANCERS,
    test: r =>
      !isApplication(r.body.load_balancer_type) ||
      r.body.drop_invalid_header_fields === true
        ? undefined
        : 'drop_invalid_header_fields must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_328',
    title: 'alb desync mitigation mode defensive or strictest',
    resourceTypes: LOAD_BALANCERS,
    test: r =>
      !isApplication(r.body.load_balancer_type) ||
      r.body.desync_mitigation_mode === 'defensive' ||
      r.body.desync_mitigation_mode === 'strictest'
        ? undefined
        : `desync_mitigation_mode must be defensive or strictest, is ${describe(
            r.body.desync_mitigation_mode,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_91',
    title: 'alb access logs enabled',
    resourceTypes: LOAD_BALANCERS,
    test: r => {
      const logs = block(r.body, 'access_logs');
      return logs && logs.enabled === true && logs.bucket !== undefined
        ? undefined
        : 'access_logs must be enabled with a bucket';
    },
  }),
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
  attributeRule({
    id: 'CKV_AWS_103',
    alsoKnownAs: ['AWS-0047'],
    title: 'alb https listeners use a TLS 1.2+ policy',
    resourceTypes: LISTENERS,
    test: r => {
      if (r.body.protocol !== 'HTTPS' && r.body.protocol !== 'TLS')
        return undefined;
      const policy = r.body.ssl_policy;
      return typeof policy === 'string' && TLS12_POLICIES.has(policy)
        ? undefined
        : `ssl_policy must be a TLS 1.2+ policy, is ${describe(policy)}`;
    },
  }),
  attributeRule({
    id: 'CKV2_AWS_20',
    alsoKnownAs: ['CKV_AWS_2', 'AWS-0054'],
    title: 'alb http listeners only redirect to https',
    resourceTypes: LISTENERS,
    test: r => {
      if (r.body.protocol === 'HTTPS' || r.body.protocol === 'TLS')
        return undefined;
      if (r.body.protocol !== 'HTTP') {
        return `protocol must be HTTPS, or HTTP with a redirect; is ${describe(
          r.body.protocol,
        )}`;
      }
      const actions = blocks(r.body, 'default_action');
      const redirects =
        actions.length > 0 &&
        actions.every(
          a =>
            a.type === 'redirect' && block(a, 'redirect')?.protocol === 'HTTPS',
        );
      return redirects
        ? undefined
        : 'an HTTP listener may only redirect to HTTPS';
    },
  }),
];
