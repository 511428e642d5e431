import fs from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import YAML from 'yaml';
import { REPO_ROOT } from './lib/repository.ts';

const WORKFLOW = path.join(REPO_ROOT, '.github', 'workflows', 'terraform.yml');

interface Step {
  uses?: string;
  run?: string;
}

interface Job {
  steps: Step[];
}

describe('.github/workflows/terraform.yml', () => {
  const source = fs.readFileSync(WORKFLOW, 'utf8');
  const workflow = YAML.parse(source) as {
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
    env: Record<string, string>;
  };
  const runs = (job: string) =>
    workflow.jobs[job].steps.map(s => s.run ?? '').join('\n');

  it('is a valid GitHub workflow', () => {
    // action-validator warns that it cannot check path globs; that is not a finding.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(validateWorkflow(source).errors).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('only reads the repository', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('pins every action to a full commit SHA with a version comment', () => {
    const uses = source
      .split('\n')
      .filter(line => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line).toMatch(
        /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
      );
    }
  });

  it('runs terraform fmt -check, terraform validate on every example, tflint and checkov', () => {
    expect(Object.keys(workflow.jobs).sort()).toEqual([
      'checkov',
      'fmt',
      'tflint',
      'validate',
    ]);
    expect(runs('fmt')).toMatch(/terraform fmt -check -recursive/);
    // Module examples and the compositions (terraform-modules/examples/, e.g. zeroops-portal).
    expect(runs('validate')).toContain(
      'for example in terraform-modules/*/examples/*/ terraform-modules/examples/*/;',
    );
    expect(runs('validate')).toMatch(/init -backend=false/);
    expect(runs('validate')).toMatch(/terraform -chdir="\$example" validate/);
    expect(runs('tflint')).toMatch(/tflint --recursive/);
    // The same checkov command and configuration as test/fieldTools/checkovModules.test.ts.
    expect(runs('checkov')).toContain(
      'for example in terraform-modules/*/examples/*/ terraform-modules/examples/*/;',
    );
    expect(runs('checkov')).toMatch(
      /checkov --directory "\$example" --framework terraform --compact --skip-download[\s\\]+--config-file terraform-modules\/\.checkov\.yaml/,
    );
  });

  it('pins the tool versions; Terraform satisfies every module (>= 1.11 for write-only arguments)', () => {
    expect(workflow.env.TERRAFORM_VERSION).toMatch(
      /^1\.(1[1-9]|[2-9]\d)\.\d+$/,
    );
    expect(workflow.env.TFLINT_VERSION).toMatch(/^v\d+\.\d+\.\d+$/);
    // Checkov comes from the hash-pinned file `make test` installs from, so the versions agree.
    expect(runs('checkov')).toContain(
      'pip install --require-hashes --only-binary=:all: -r scripts/python-tools/requirements.txt',
    );
    expect(
      fs.readFileSync(
        path.join(REPO_ROOT, 'scripts', 'python-tools', 'requirements.txt'),
        'utf8',
      ),
    ).toMatch(/^checkov==3\.3\.30 \\$/m);
    expect(
      fs.existsSync(path.join(REPO_ROOT, 'terraform-modules', '.tflint.hcl')),
    ).toBe(true);
    const checkov = YAML.parse(
      fs.readFileSync(
        path.join(REPO_ROOT, 'terraform-modules', '.checkov.yaml'),
        'utf8',
      ),
    ) as { 'skip-check': string[] };
    expect(
      checkov['skip-check'].every(id => /^CKV2?_(AWS|TF)_\d+$/.test(id)),
    ).toBe(true);
  });
});
