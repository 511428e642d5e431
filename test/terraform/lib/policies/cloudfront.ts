import { block, blocks, describe, isSet } from '../values.ts';
import type { TfObject } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import { attachedTo, finding, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const DISTRIBUTIONS = ['aws_cloudfront_distribution'];
const WEB_ACLS = ['aws_wafv2_web_acl'];

function cacheBehaviors(body: TfObject): TfObject[] {
  return [
    ...blocks(body, 'default_cache_behavior'),
    ...blocks(body, 'ordered_cache_behavior'),
  ];
}

/** Names of the managed rule groups a web ACL uses with their own actions (not overridden to count). */
function enforcedManagedRuleGroups(acl: TfObject): string[] {
  return blocks(acl, 'rule').flatMap(rule => {
    const override = block(rule, 'override_action');
    if (override && block(override, 'count')) return [];
    return blocks(rule, 'statement').flatMap(s =>
      blocks(s, 'managed_rule_group_statement')
        .filter(m => m.vendor_name === 'AWS' && typeof m.name === 'string')
        .map(m => String(m.name)),
    );
  });
}

export const cloudFrontRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_68',
    alsoKnownAs: ['AWS-0011'],
    title: 'cloudfront has a WAF web ACL attached',
    resourceTypes: DISTRIBUTIONS,
    test: r =>
      isSet(r.body.web_acl_id)
        ? undefined
        : 'web_acl_id must attach a WAFv2 web ACL',
  }),
  attributeRule({
    id: 'CKV_AWS_174',
    alsoKnownAs: ['AWS-0013'],
    title: 'cloudfront minimum TLS 1.2',
    resourceTypes: DISTRIBUTIONS,
    test: r => {
      const certificate = block(r.body, 'viewer_certificate');
      if (!certificate || certificate.cloudfront_default_certificate === true) {
        return 'the default CloudFront certificate allows TLS 1.0; use an ACM certificate';
      }
      const version = certificate.minimum_protocol_version;
      return typeof version === 'string' && /^TLSv1\.[23]_/.test(version)
        ? undefined
        : `minimum_protocol_version must be TLSv1.2_* or newer, is ${describe(
            version,
          )}`;
    },
  }),
  attributeRule({
    id: 'CKV_AWS_34',
    title: 'cloudfront viewers use https',
    resourceTypes: DISTRIBUTIONS,
    test: r => {
      const behaviors = cacheBehaviors(r.body);
      const bad = behaviors.find(
        b =>
          b.viewer_protocol_policy !== 'redirect-to-https' &&
          b.viewer_protocol_policy !== 'https-only',
      );
      if (behaviors.length === 0) return 'no cache behavior found';
      return bad
        ? `viewer_protocol_policy must be redirect-to-https or https-only, is ${describe(
            bad.viewer_protocol_policy,
          )}`
        : undefined;
    },
  }),
  attributeRule({
    id: 'CKV_AWS_86',
    title: 'cloudfront access logging',
    resourceTypes: DISTRIBUTIONS,
    test: r =>
      isSet(block(r.body, 'logging_config')?.bucket)
        ? undefined
        : 'logging_config must name a log bucket',
  }),
  attributeRule({
    id: 'CKV2_AWS_32',
    title: 'cloudfront response headers policy',
    resourceTypes: DISTRIBUTIONS,
    test: r => {
      const behaviors = cacheBehaviors(r.body);
      return behaviors.length > 0 &&
        behaviors.every(b => isSet(b.response_headers_policy_id))
        ? undefined
        : 'every cache behavior needs a response_headers_policy_id';
    },
  }),
  attributeRule({
    id: 'CKV2_AWS_47',
    alsoKnownAs: ['CKV_AWS_192'],
    title:
      'waf blocks Log4j and known bad inputs (AWSManagedRulesKnownBadInputsRuleSet)',
    resourceTypes: WEB_ACLS,
    test: r =>
      enforcedManagedRuleGroups(r.body).includes(
        'AWSManagedRulesKnownBadInputsRuleSet',
      )
        ? undefined
        : 'the web ACL must enforce AWSManagedRulesKnownBadInputsRuleSet (not in count mode)',
  }),
  attributeRule({
    id: 'ZEROOPS_WAF_RATE_LIMIT',
    title: 'waf rate-limits each client IP',
    resourceTypes: WEB_ACLS,
    test: r => {
      const limited = blocks(r.body, 'rule').some(
        rule =>
          block(rule, 'action') !== undefined &&
          block(block(rule, 'action') ?? {}, 'block') !== undefined &&
          blocks(rule, 'statement').some(
            s => typeof block(s, 'rate_based_statement')?.limit === 'number',
          ),
      );
      return limited
        ? undefined
        : 'the web ACL needs a blocking rate_based_statement rule';
    },
  }),
  attributeRule({
    id: 'ZEROOPS_WAF_US_EAST_1',
    title: 'waf for cloudfront is created in us-east-1',
    resourceTypes: WEB_ACLS,
    test: r => {
      if (r.body.scope !== 'CLOUDFRONT') return undefined;
      const inUsEast1 =
        r.body.region === 'us-east-1' ||
        /^aws\.us_east_1$/.test(r.provider ?? '');
      return inUsEast1
        ? undefined
        : 'a CLOUDFRONT web ACL must use the us_east_1 provider alias (or region = "us-east-1")';
    },
  }),
  {
    id: 'CKV2_AWS_31',
    title: 'waf logging configured',
    resourceTypes: WEB_ACLS,
    check(model) {
      return subjects(this, model).flatMap(acl =>
        attachedTo(
          model,
          ['aws_wafv2_web_acl_logging_configuration'],
          'resource_arn',
          acl,
        ).length > 0
          ? []
          : [
              finding(
                this,
                model,
                acl,
                'no aws_wafv2_web_acl_logging_configuration for this web ACL',
              ),
            ],
      );
    },
  },
];
