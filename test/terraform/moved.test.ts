import path from 'node:path';
import { formatFindings } from './lib/findings.ts';
import { moduleFromSources } from './lib/hcl.ts';
import { checkMovedBlocks } from './lib/moved-blocks.ts';
import { loadTerraformModule } from './lib/hcl.ts';
import { MODULES_ROOT, moduleDirs } from './lib/repository.ts';

/**
 * Modules that moved resources into the kms-key and secure-bucket modules keep the existing
 * objects only if every moved block names a declared resource: a key or bucket moved to a wrong
 * address is destroyed by the next apply.
 */

jest.setTimeout(60_000);

describe('moved blocks', () => {
  it('move every object of the library to a resource that is declared', async () => {
    let checked = 0;
    const findings = [];
    for (const dir of moduleDirs()) {
      const result = await checkMovedBlocks(
        await loadTerraformModule(dir),
        path.basename(dir),
      );
      checked += result.checked;
      findings.push(...result.findings);
    }
    expect(formatFindings(findings)).toBe('');
    // The buckets of audit, cdn, load-balancer and state-backend, and the keys, are moved.
    expect(checked).toBeGreaterThan(60);
  });

  it('reports a target that is not declared, a wrong instance key and a source still declared', async () => {
    const module = await moduleFromSources(path.join(MODULES_ROOT, 'fixture'), {
      'main.tf': `
resource "aws_s3_bucket" "kept" {
  bucket = "kept"
}

module "bucket" {
  source = "../secure-bucket"
  count  = 1

  name           = "b"
  kms_key_arn    = "arn:aws:kms:us-east-1:111111111111:key/k"
  lifecycle_rule = { id = "r", noncurrent_version_expiration_days = 1 }
}

moved {
  from = aws_s3_bucket.old
  to   = module.bucket[0].aws_s3_bucket.thiss
}

moved {
  from = aws_s3_bucket_versioning.old
  to   = module.bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_ownership_controls.old
  to   = module.bucket[0].aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket.kept
  to   = module.bucket[0].aws_s3_bucket.this
}
`,
    });
    const { findings } = await checkMovedBlocks(module, 'fixture');
    expect(findings.map(f => f.message)).toEqual([
      'aws_s3_bucket.thiss is not declared in secure-bucket',
      'module.bucket has count or for_each: give its instance key',
      'aws_s3_bucket_ownership_controls.this has count or for_each: give its instance key',
      'aws_s3_bucket.kept is still declared',
    ]);
  });
});
