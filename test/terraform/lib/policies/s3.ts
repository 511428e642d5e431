import { policyStatements } from './policy-documents.ts';
import { finding, refersTo, resourcesOf, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

const BUCKETS = ['aws_s3_bucket'];

export const s3Rules: PolicyRule[] = [
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
