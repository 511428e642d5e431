/**
 * The generated-repository matrix: every scenario of lib/scenarios.ts runs through the real
 * scaffolder backend (the dry-run endpoint the template editor uses, with our module installed),
 * and its tree is checked by the tools a platform team would run on it: Checkov, actionlint,
 * zizmor (pedantic), shellcheck, our Terraform schema check (provider schema + module inputs),
 * the naming rules, `terraform fmt` formatting, and the generated service's own tests. Each tool
 * run is recorded for the per-tool, per-scenario table that `make test` prints.
 */
import {
  recordToolRun,
  runActionlint,
  runCheckov,
  runZizmor,
} from '../src/fieldTools';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { findFiles } from '../terraform/lib/hcl';
import { checkTerraformFormatting } from '../terraform/lib/fmt';
import { MODULES_DIR } from './lib/backend';
import { prepareForCheckov } from './lib/checkovTree';
import { checkResultPage } from './lib/resultPage';
import { checkGeneratedNames } from './lib/namingChecks';
import { listenerRulePriorities } from './lib/listenerPriorities';
import {
  GeneratedTree,
  generate,
  inBatches,
  lintWorkflows,
  useDryRunBackend,
} from './lib/scenarioGeneration';
import { Scenario, SCENARIOS } from './lib/scenarios';
import { listTree } from './lib/templateFiles';
import {
  checkCatalogInfo,
  checkShellScripts,
  checkTerraform,
  checkWorkflows,
  checkWorkflowScripts,
  findShellcheck,
  readWorkflows,
  scanForSecrets,
} from './lib/treeChecks';
import { deploymentReportingProblems } from '../workflows/lib/deploymentReporting';

jest.setTimeout(600_000);

const dryRunBackend = useDryRunBackend();
let shellcheck: string;

beforeAll(() => {
  shellcheck = findShellcheck();
});

describe.each(SCENARIOS)('scenario $name', (scenario: Scenario) => {
  let trees: GeneratedTree[];

  beforeAll(async () => {
    trees = [];
    for (const generation of scenario.generations) {
      trees.push(await generate(dryRunBackend(), generation));
    }
  });

  it('runs the ZeroOps steps and writes the workflows and the infrastructure', async () => {
    for (const { generation, root, response } of trees) {
      const messages = response.log.map(entry => entry.body.message).join('\n');
      expect(messages).not.toMatch(/\bError\b|failed/);
      const tree = await listTree(root);
      const workflows =
        generation.template === 'zeroops-foundation'
          ? ['platform.yml']
          : [
              'ci.yml',
              'cleanup.yml',
              'deploy-production.yml',
              'deploy-staging.yml',
              'ephemeral-pr.yml',
            ];
      expect(tree).toEqual(
        expect.arrayContaining([
          ...workflows.map(name => `.github/workflows/${name}`),
          'infrastructure/root.hcl',
          'infrastructure/environments/production/main.tf',
          'infrastructure/environments/staging/main.tf',
          'infrastructure/environments/ephemeral/main.tf',
        ]),
      );
      expect(await checkResultPage(generation, response.output, root)).toEqual(
        [],
      );
    }
  });

  it('writes workflows that validate and follow the ZeroOps rules', async () => {
    for (const { root } of trees) {
      expect(await checkWorkflows(root)).toEqual([]);
    }
  });

  it('writes deploy workflows that report their rollouts as GitHub deployments (zeroops-common contract, GitHub OpenAPI)', async () => {
    const problems: string[] = [];
    for (const { root, generation } of trees) {
      if (generation.template === 'zeroops-foundation') continue;
      problems.push(
        ...deploymentReportingProblems(
          await readWorkflows(root),
          generation.serviceName,
        ).map(problem => `${generation.serviceName}/${problem}`),
      );
    }
    expect(problems).toEqual([]);
  });

  it('writes workflows that pass actionlint', async () => {
    const { findings, passed, failed } = await lintWorkflows(
      trees,
      async (_tree, workflows) =>
        (
          await runActionlint(workflows)
        ).map(
          finding =>
            `${finding.file}:${finding.line}:${finding.column} [${finding.kind}] ${finding.message}`,
        ),
    );
    recordToolRun({
      tool: 'actionlint',
      scenario: scenario.name,
      passed,
      failed,
      skipped: 0,
    });
    expect(findings).toEqual([]);
  });

  it('writes workflows that pass zizmor (pedantic)', async () => {
    const { findings, passed, failed } = await lintWorkflows(
      trees,
      async ({ root, generation }) =>
        (
          await runZizmor(['.github/workflows'], {
            cwd: root,
            persona: 'pedantic',
          })
        ).map(
          finding =>
            `${generation.serviceName}/${finding.file}:${finding.line} [${finding.audit}, ${finding.severity}] ${finding.annotation}`,
        ),
    );
    recordToolRun({
      tool: 'zizmor',
      scenario: scenario.name,
      passed,
      failed,
      skipped: 0,
    });
    expect(findings).toEqual([]);
  });

  it('writes shell scripts and workflow run blocks that pass shellcheck', async () => {
    let passed = 0;
    const problems: string[] = [];
    for (const { root, generation } of trees) {
      const runBlocks = (await readWorkflows(root)).flatMap(({ workflow }) =>
        Object.values(workflow.jobs).flatMap(job =>
          (job.steps ?? []).filter(step => step.run),
        ),
      ).length;
      const runProblems = await checkWorkflowScripts(root, shellcheck);
      const scripts = await checkShellScripts(root, shellcheck, {
        requireExecutable: false,
      });
      expect(scripts.scripts.sort()).toEqual(generation.scripts);
      problems.push(...runProblems, ...scripts.problems);
      passed +=
        runBlocks -
        runProblems.length +
        scripts.scripts.length -
        scripts.problems.length;
    }
    recordToolRun({
      tool: 'shellcheck',
      scenario: scenario.name,
      passed,
      failed: problems.length,
      skipped: 0,
    });
    expect(problems).toEqual([]);
  });

  it('writes Terraform that parses and calls our modules with their real inputs (provider schema)', async () => {
    let passed = 0;
    const problems: string[] = [];
    for (const { root, generation } of trees) {
      const result = await checkTerraform(root);
      expect(result.moduleCalls).toBeGreaterThanOrEqual(12);
      passed += result.moduleCalls;
      problems.push(
        ...result.problems.map(p => `${generation.serviceName}: ${p}`),
      );
    }
    recordToolRun({
      tool: 'provider-schema',
      scenario: scenario.name,
      passed,
      failed: problems.length,
      skipped: 0,
    });
    expect(problems).toEqual([]);
  });

  it('writes Terraform that passes Checkov with the module library configuration', async () => {
    const results = await inBatches(trees, 2, async ({ root, generation }) => {
      const { dir, rewritten } = await prepareForCheckov(root);
      expect(rewritten).toBeGreaterThanOrEqual(12);
      const result = await runCheckov(dir, {
        configFile: path.join(MODULES_DIR, '.checkov.yaml'),
      });
      return { generation, result };
    });
    const findings = results.flatMap(({ generation, result }) =>
      result.findings.map(
        f =>
          `${generation.serviceName}: ${f.id} ${f.name} — ${f.resource} (${f.file}:${f.line})`,
      ),
    );
    const total = (key: 'passed' | 'failed' | 'skipped' | 'parsingErrors') =>
      results.reduce((sum, { result }) => sum + result[key], 0);
    recordToolRun({
      tool: 'checkov',
      scenario: scenario.name,
      passed: total('passed'),
      failed: total('failed'),
      skipped: total('skipped'),
    });
    expect(total('parsingErrors')).toBe(0);
    // Checkov saw the modules' resources, not just the module calls.
    expect(total('passed')).toBeGreaterThan(50);
    expect(findings).toEqual([]);
  });

  it('writes .tf files formatted as terraform fmt formats them', async () => {
    const files: string[] = [];
    const problems: string[] = [];
    for (const { root, generation } of trees) {
      for (const file of await findFiles(path.join(root, 'infrastructure'), [
        '.tf',
      ])) {
        const relative = `${generation.serviceName}/${path.relative(
          root,
          file,
        )}`;
        files.push(relative);
        const diff = checkTerraformFormatting(await fs.readFile(file, 'utf8'));
        if (diff.length > 0)
          problems.push(`${relative}:\n${diff.slice(0, 10).join('\n')}`);
      }
    }
    recordToolRun({
      tool: 'terraform-fmt',
      scenario: scenario.name,
      passed: files.length - problems.length,
      failed: problems.length,
      skipped: 0,
    });
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  it('uses AWS names that fit every service limit at the longest PR number (naming)', async () => {
    let passed = 0;
    const problems: string[] = [];
    for (const { root, generation } of trees) {
      // The naming helper's check evaluates every derived name at pr-99999.
      const found = await checkGeneratedNames(root);
      if (found.length === 0) passed += 1;
      problems.push(...found.map(p => `${generation.serviceName}: ${p}`));
    }
    recordToolRun({
      tool: 'naming',
      scenario: scenario.name,
      passed,
      failed: problems.length,
      skipped: 0,
    });
    expect(problems).toEqual([]);
  });

  it('writes a catalog entity with the ZeroOps annotation', async () => {
    for (const { root, generation } of trees) {
      expect((await listTree(root)).includes('catalog-info.yaml')).toBe(
        generation.catalogInfo,
      );
      const { problems } = generation.catalogInfo
        ? await checkCatalogInfo(root, generation.serviceName)
        : { problems: [] };
      expect(problems).toEqual([]);
    }
  });

  it('contains no secret values', async () => {
    for (const { root } of trees) {
      expect(await scanForSecrets(root)).toEqual([]);
    }
  });

  if (scenario.generations.length > 1) {
    it('gives every service its own listener rule priorities on the shared listener', async () => {
      const byService = await Promise.all(
        trees.map(async ({ root, generation }) => ({
          service: generation.serviceName,
          priorities: await listenerRulePriorities(
            root,
            generation.serviceName,
            scenario.listenerRuleSlots ?? {},
          ),
        })),
      );
      const owners = new Map<string, string>();
      const collisions: string[] = [];
      for (const { service, priorities } of byService) {
        expect(priorities.length).toBeGreaterThan(0);
        for (const { listener, priority } of priorities) {
          const key = `${listener}:${priority}`;
          const owner = owners.get(key);
          if (owner && owner !== service)
            collisions.push(
              `${listener} priority ${priority}: ${owner} and ${service}`,
            );
          owners.set(key, service);
        }
      }
      expect(collisions).toEqual([]);
    });
  }

  const withServiceTests = scenario.generations.filter(g => g.serviceTests);
  if (withServiceTests.length > 0) {
    it('generates a service whose own tests and type check pass', async () => {
      for (const { root, generation } of trees.filter(
        t => t.generation.serviceTests,
      )) {
        // npm from the PATH, run by this Node.js (>= 22.18 strips the service's TypeScript types).
        const run = (...args: string[]) =>
          execFileSync('npm', args, {
            cwd: root,
            encoding: 'utf8',
            env: {
              ...process.env,
              PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        run('install', '--no-audit', '--no-fund');
        const tests = run('test');
        const passed = Number(/(?:# pass|ℹ pass) (\d+)/.exec(tests)?.[1] ?? 0);
        const failed = Number(/(?:# fail|ℹ fail) (\d+)/.exec(tests)?.[1] ?? 0);
        const skipped = Number(
          /(?:# skipped|ℹ skipped) (\d+)/.exec(tests)?.[1] ?? 0,
        );
        recordToolRun({
          tool: 'service-tests',
          scenario: `${scenario.name} (${generation.serviceName})`,
          passed,
          failed,
          skipped,
        });
        expect(tests).toMatch(/# pass (\d+)|ℹ pass (\d+)/);
        expect(tests).toMatch(/(# fail|ℹ fail) 0/);
        expect(passed).toBeGreaterThanOrEqual(10);
        run('run', 'typecheck');
      }
    });
  }
});
