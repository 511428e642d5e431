/**
 * Every .tf file of the module library (modules and their examples) is laid out as
 * `terraform fmt` lays it out (see lib/fmt.ts for the rules checked without a terraform binary).
 * The generated repositories are checked the same way in templates/scenarioMatrix.test.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { recordToolRun } from '../src/fieldTools';
import { checkTerraformFormatting } from './lib/fmt';
import { findFiles } from './lib/hcl';
import { MODULES_ROOT } from './lib/repository';

it('formats every module file as terraform fmt does', async () => {
  const files = await findFiles(MODULES_ROOT, ['.tf']);
  const problems: string[] = [];
  for (const file of files) {
    const found = checkTerraformFormatting(await fs.readFile(file, 'utf8'));
    if (found.length > 0)
      problems.push(
        `${path.relative(MODULES_ROOT, file)}:\n  ${found
          .slice(0, 10)
          .join('\n  ')}`,
      );
  }
  recordToolRun({
    tool: 'terraform-fmt',
    scenario: 'terraform-modules',
    passed: files.length - problems.length,
    failed: problems.length,
    skipped: 0,
  });
  expect(files.length).toBeGreaterThan(40);
  expect(problems).toEqual([]);
});
