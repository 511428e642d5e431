import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { findFiles, parseHclFile } from './lib/hcl.ts';
import { MODULES_ROOT, REPO_ROOT } from './lib/repository.ts';

/** Folders whose Terraform must parse: our modules and, once they exist, the templates' skeletons. */
const ROOTS = [MODULES_ROOT, path.join(REPO_ROOT, 'templates')].filter(dir =>
  fs.existsSync(dir),
);

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

/**
 * Template skeletons hold Nunjucks (`${{ values.name }}`, `{% if %}` lines) that the scaffolder
 * renders before the HCL exists; replace it by a plain value so the HCL around it is checked.
 */
function withoutTemplateSyntax(content: string): string {
  return content
    .replace(/\$\{\{[\s\S]*?\}\}/g, 'zeroops-template-value')
    .replace(/^\s*\{%[\s\S]*?%\}\s*$/gm, '')
    .replace(/\{%[\s\S]*?%\}/g, '');
}

describe('HCL files parse with @cdktf/hcl2json', () => {
  it('finds the module sources', async () => {
    const files = await findFiles(MODULES_ROOT, ['.tf', '.hcl']);
    expect(files.length).toBeGreaterThan(50);
  });

  it('parses every .tf and .hcl file', async () => {
    const failures: string[] = [];
    for (const root of ROOTS) {
      for (const file of await findFiles(root, ['.tf', '.hcl'])) {
        try {
          const content = await fsp.readFile(file, 'utf8');
          await parseHclFile(
            path.basename(file),
            file.startsWith(MODULES_ROOT)
              ? content
              : withoutTemplateSyntax(content),
          );
        } catch (error) {
          failures.push(`${path.relative(REPO_ROOT, file)}: ${String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects invalid HCL, naming the file and position', async () => {
    await expect(
      parseHclFile(
        'broken.tf',
        'resource "aws_vpc" "this" {\n  cidr_block = \n',
      ),
    ).rejects.toThrow(/broken\.tf:\d+/);
  });
});
