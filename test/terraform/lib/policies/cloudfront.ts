import { block, blocks } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const WEB_ACLS = ['aws_wafv2_web_acl'];

export const cloudFrontRules: PolicyRule[] = [
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
        : 'a CLOUDFRONT web ACL must be created in us-east-1: set region = "us-east-1" (provider = aws.us_east_1 is also accepted)';
    },
  }),
];
