import fs from 'node:fs/promises';
import path from 'node:path';
import { loadTerraformModule, moduleFromSources } from './lib/hcl.ts';
import {
  BEGIN_MARKER,
  END_MARKER,
  renderReadmeTables,
  updateReadme,
} from './lib/readme-tables.ts';
import { POLICY_RULES } from './lib/policies/index.ts';
import { exampleDirs, MODULES_ROOT, moduleDirs } from './lib/repository.ts';

const modules = moduleDirs().map(dir => [path.basename(dir), dir] as const);

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('module READMEs', () => {
  it.each(modules)(
    '%s has up-to-date input and output tables',
    async (_name, dir) => {
      const readme = await fs.readFile(path.join(dir, 'README.md'), 'utf8');
      const expected = updateReadme(
        readme,
        renderReadmeTables(await loadTerraformModule(dir)),
      );
      // Fix with: node scripts/terraform/generate-readme-tables.mjs
      expect(readme).toBe(expected);
    },
  );

  it.each(modules)(
    '%s documents its usage and links every example',
    async (_name, dir) => {
      const readme = await fs.readFile(path.join(dir, 'README.md'), 'utf8');
      expect(readme).toMatch(/## Usage/);
      for (const example of exampleDirs(dir)) {
        expect(readme).toContain(`(${path.relative(dir, example)})`);
      }
    },
  );

  it('the library README lists every module and every enforced rule', async () => {
    const readme = await fs.readFile(
      path.join(MODULES_ROOT, 'README.md'),
      'utf8',
    );
    for (const [name] of modules) {
      expect(readme).toMatch(
        new RegExp(`^\\| \\[${name}\\]\\(${name}\\) +\\|`, 'm'),
      );
    }
    for (const rule of POLICY_RULES) {
      expect(readme).toMatch(
        new RegExp(`^\\| ${rule.id.replace('.', '\\.')} +\\|`, 'm'),
      );
    }
  });

  it('notices a stale table when a variable changes', async () => {
    const before = await moduleFromSources('m', {
      'variables.tf':
        'variable "size" {\n  description = "Size in GB."\n  type        = number\n  default     = 1\n}\n',
      'outputs.tf':
        'output "id" {\n  description = "ID."\n  value       = "x"\n}\n',
    });
    const after = await moduleFromSources('m', {
      'variables.tf':
        'variable "size" {\n  description = "Size in GB."\n  type        = number\n  default     = 2\n}\n',
      'outputs.tf':
        'output "id" {\n  description = "ID."\n  value       = "x"\n}\n',
    });
    const readme = updateReadme(
      '# m\n\nHand-written text.\n',
      renderReadmeTables(before),
    );
    expect(readme).toContain('Hand-written text.');
    expect(readme).toContain(
      '| `size` | Size in GB. | `number` | `1`     |    no    |',
    );
    expect(readme).toContain('| `id` | ID.         |');
    expect(updateReadme(readme, renderReadmeTables(before))).toBe(readme);
    const refreshed = updateReadme(readme, renderReadmeTables(after));
    expect(refreshed).not.toBe(readme);
    expect(refreshed).toContain(
      '| `size` | Size in GB. | `number` | `2`     |    no    |',
    );
    expect(refreshed.split(BEGIN_MARKER)).toHaveLength(2);
    expect(refreshed.split(END_MARKER)).toHaveLength(2);
  });
});
