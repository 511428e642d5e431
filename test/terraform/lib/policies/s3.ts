import type {
  EvaluatedModule,
  EvaluatedResource,
} from '../evaluated-module.ts';
import { block, blocks, describe, isSet } from '../values.ts';
import { policyStatements } from './policy-documents.ts';
import {
  attachedTo,
  finding,
  refersTo,
  resourcesOf,
  subjects,
} from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const BUCKETS = ['aws_s3_bucket'];

/** A rule satisfied by a separate resource attached to each bucket through its `bucket` argument. */
function bucketCompanionRule(options: {
  id: string;
  alsoKnownAs?: string[];
  title: string;
  companion: string;
  problem(companions: EvaluatedResource[]): string | undefined;
}): PolicyRule {
  const rule: PolicyRule = {
    id: options.id,
    alsoKnownAs: options.alsoKnownAs,
    title: options.title,
    resourceTypes: BUCKETS,
    check(model: EvaluatedModule) {
      return subjects(rule, model).flatMap(bucket => {
        const problem = options.problem(
          attachedTo(model, [options.companion], 'bucket', bucket),
        );
        return problem ? [finding(rule, model, bucket, problem)] : [];
      });
    },
  };
  return rule;
}

export const s3Rules: PolicyRule[] = [
  bucketCompanionRule({
    id: 'CKV2_AWS_6',
    alsoKnownAs: [
      'CKV_AWS_53',
      'CKV_AWS_54',
      'CKV_AWS_55',
      'CKV_AWS_56',
      'AWS-0094',
    ],
    title: 's3 public access block',
    companion: 'aws_s3_bucket_public_access_block',
    problem: blocksFound => {
      const settings = [
        'block_public_acls',
        'block_public_policy',
        'ignore_public_acls',
        'restrict_public_buckets',
      ];
      if (blocksFound.length === 0)
        return 'no aws_s3_bucket_public_access_block for this bucket';
      const missing = settings.filter(
        s => !blocksFound.some(b => b.body[s] === true),
      );
      return missing.length
        ? `public access block must set ${missing.join(', ')} to true`
        : undefined;
    },
  }),
  bucketCompanionRule({
    id: 'CKV_AWS_21',
    alsoKnownAs: ['AWS-0090'],
    title: 's3 versioning',
    companion: 'aws_s3_bucket_versioning',
    problem: found =>
      found.some(
        v => block(v.body, 'versioning_configuration')?.status === 'Enabled',
      )
        ? undefined
        : 'versioning must be Enabled (aws_s3_bucket_versioning)',
  }),
  bucketCompanionRule({
    id: 'CKV_AWS_145',
    alsoKnownAs: ['AWS-0132'],
    title: 's3 encrypted with KMS',
    companion: 'aws_s3_bucket_server_side_encryption_configuration',
    problem: found => {
      const defaults = found.flatMap(c =>
        blocks(c.body, 'rule').flatMap(r =>
          blocks(r, 'apply_server_side_encryption_by_default'),
        ),
      );
      if (defaults.length === 0)
        return 'no server-side encryption configuration for this bucket';
      const kms = defaults.every(
        d =>
          (d.sse_algorithm === 'aws:kms' ||
            d.sse_algorithm === 'aws:kms:dsse') &&
          isSet(d.kms_master_key_id),
      );
      return kms
        ? undefined
        : `default encryption must be aws:kms with a customer-managed key, is ${describe(
            defaults[0].sse_algorithm,
          )}`;
    },
  }),
  {
    id: 'S3.5',
    alsoKnownAs: ['AWS Security Hub S3.5'],
    title: 's3 bucket policy denies requests without TLS',
    resourceTypes: BUCKETS,
    check(model) {
      const policies = resourcesOf(model, ['aws_s3_bucket_policy']);
      return subjects(this, model).flatMap(bucket => {
        const attached = policies.filter(p =>
          refersTo(p.body.bucket, bucket.baseAddress),
        );
        const denies = attached.some(p =>
          policyStatements(model, p.body.policy).some(
            s =>
              s.effect === 'Deny' &&
              s.conditions.some(
                c =>
                  c.variable === 'aws:SecureTransport' &&
                  c.values.includes('false'),
              ),
          ),
        );
        return denies
          ? []
          : [
              finding(
                this,
                model,
                bucket,
                'the bucket policy must deny aws:SecureTransport = false',
              ),
            ];
      });
    },
  },
];
