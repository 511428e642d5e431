import { block, describe, isSet } from '../values.ts';
import { attributeRule } from './attribute-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const REPOSITORIES = ['aws_ecr_repository'];

export const ecrRules: PolicyRule[] = [
  attributeRule({
    id: 'CKV_AWS_51',
    alsoKnownAs: ['AWS-0031'],
    title: 'ecr image tags are immutable',
    resourceTypes: REPOSITORIES,
    test: r =>
      r.body.image_tag_mutability === 'IMMUTABLE'
        ? undefined
        : `image_tag_mutability must be IMMUTABLE, is ${describe(
            r.body.image_tag_mutability,
          )}`,
  }),
  attributeRule({
    id: 'CKV_AWS_163',
    alsoKnownAs: ['AWS-0030'],
    title: 'ecr scans images on push',
    resourceTypes: REPOSITORIES,
    test: r =>
      block(r.body, 'image_scanning_configuration')?.scan_on_push === true
        ? undefined
        : 'image_scanning_configuration.scan_on_push must be true',
  }),
  attributeRule({
    id: 'CKV_AWS_136',
    alsoKnownAs: ['AWS-0033'],
    title: 'ecr repositories encrypted with a customer-managed key',
    resourceTypes: REPOSITORIES,
    test: r => {
      const encryption = block(r.body, 'encryption_configuration');
      return encryption?.encryption_type === 'KMS' && isSet(encryption.kms_key)
        ? undefined
        : 'encryption_configuration must use KMS with a customer-managed key';
    },
  }),
];
