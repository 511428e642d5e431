import fs from 'node:fs';
import path from 'node:path';
import { formatFindings } from './lib/findings.ts';
import { blocksOf, isHclBody, loadTerraformModule } from './lib/hcl.ts';
import type { HclBody, TerraformModule } from './lib/hcl.ts';
import { checkModuleCall } from './lib/module-calls.ts';
import { resolveModuleSource } from './lib/module-source.ts';
import {
  compositionDirs,
  exampleDirs,
  MODULES_ROOT,
  moduleDirs,
  REPO_ROOT,
} from './lib/repository.ts';

/** The modules the issue asks for. */
const EXPECTED_MODULES = [
  'audit',
  'budgets',
  'cache',
  'cdn',
  'database',
  'dns',
  'ecs-cluster',
  'ecs-service',
  'edge-security',
  'github-oidc',
  'identity-center',
  'kms-key',
  'load-balancer',
  'monitoring',
  'networking',
  'secrets',
  'secure-bucket',
  'state-backend',
];

const REQUIRED_FILES = [
  'main.tf',
  'variables.tf',
  'outputs.tf',
  'versions.tf',
  'README.md',
];

const modules = moduleDirs().map(dir => [path.basename(dir), dir] as const);
const loaded = new Map<string, Promise<TerraformModule>>();
const load = (dir: string) => {
  if (!loaded.has(dir)) loaded.set(dir, loadTerraformModule(dir));
  return loaded.get(dir)!;
};

const typeText = (value: unknown) =>
  typeof value === 'string'
    ? value.replace(/^\$\{([\s\S]*)\}$/, '$1').trim()
    : '';

/** Lower bound of a version constraint such as ">= 1.10" or ">= 6.25, < 7.0". */
function lowerBound(constraint: string): number[] | undefined {
  const match = />=\s*([0-9]+)\.([0-9]+)/.exec(constraint);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function atLeast(version: number[] | undefined, minimum: number[]): boolean {
  if (!version) return false;
  return (
    version[0] > minimum[0] ||
    (version[0] === minimum[0] && version[1] >= minimum[1])
  );
}

function awsRequirement(module: TerraformModule): HclBody | undefined {
  for (const settings of module.settings) {
    for (const providers of blocksOf(settings.body, 'required_providers')) {
      if (isHclBody(providers.aws)) return providers.aws;
    }
  }
  return undefined;
}

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('Terraform module interfaces', () => {
  it('provides every module of the library', () => {
    expect(modules.map(([name]) => name)).toEqual(EXPECTED_MODULES);
  });

  describe.each(modules)('%s', (name, dir) => {
    it('has main.tf, variables.tf, outputs.tf, versions.tf, README.md and at least one example', () => {
      for (const file of REQUIRED_FILES)
        expect(`${name}/${file}: ${fs.existsSync(path.join(dir, file))}`).toBe(
          `${name}/${file}: true`,
        );
      expect(exampleDirs(dir).length).toBeGreaterThan(0);
    });

    it('pins Terraform >= 1.10 and the AWS provider >= 6.25, < 7 in versions.tf', async () => {
      const module = await load(dir);
      const settings = module.settings.filter(s => s.file === 'versions.tf');
      expect(settings).toHaveLength(1);
      const required = settings[0].body.required_version;
      expect(
        typeof required === 'string' && atLeast(lowerBound(required), [1, 10]),
      ).toBe(true);
      const aws = awsRequirement(module);
      expect(aws?.source).toBe('hashicorp/aws');
      expect(aws?.version).toBe('>= 6.25, < 7.0');
    });

    it('types and describes every variable and validates enums and ranges', async () => {
      const module = await load(dir);
      const problems: string[] = [];
      for (const v of module.variables) {
        const type = typeText(v.body.type);
        if (!type) problems.push(`${v.name}: no type`);
        if (
          typeof v.body.description !== 'string' ||
          v.body.description.length < 10
        ) {
          problems.push(`${v.name}: no description`);
        }
        // Numbers are ranges; strings with a default, environment and service are enums or
        // formats: all of them must reject bad values at plan time.
        const bounded =
          /^(number|list\(number\))$/.test(type) ||
          ['environment', 'service'].includes(v.name) ||
          (type === 'string' && typeof v.body.default === 'string');
        if (bounded && blocksOf(v.body, 'validation').length === 0)
          problems.push(`${v.name}: no validation`);
        for (const validation of blocksOf(v.body, 'validation')) {
          if (
            typeof validation.error_message !== 'string' ||
            !validation.error_message.endsWith('.')
          ) {
            problems.push(
              `${v.name}: validation needs an error_message sentence`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('describes every output', async () => {
      const module = await load(dir);
      expect(module.outputs.length).toBeGreaterThan(0);
      expect(
        module.outputs
          .filter(o => typeof o.body.description !== 'string')
          .map(o => o.name),
      ).toEqual([]);
    });

    it.each(
      exampleDirs(dir).map(
        example => [path.relative(dir, example), example] as const,
      ),
    )(
      '%s calls the module with all required inputs, no unknown ones, and tags through default_tags',
      async (_example, exampleDir) => {
        const example = await loadTerraformModule(exampleDir);
        const target = await load(dir);
        const calls = example.moduleCalls.filter(
          c =>
            typeof c.body.source === 'string' &&
            resolveModuleSource(c.body.source, exampleDir, MODULES_ROOT) ===
              dir,
        );
        expect(calls.length).toBeGreaterThan(0);
        expect(
          formatFindings(
            calls.flatMap(c =>
              checkModuleCall(c, path.relative(REPO_ROOT, exampleDir), target),
            ),
          ),
        ).toBe('');

        expect(
          example.settings.some(
            s => typeof s.body.required_version === 'string',
          ),
        ).toBe(true);
        const providers = example.providers.filter(p => p.name === 'aws');
        expect(providers.length).toBeGreaterThan(0);
        for (const provider of providers) {
          const tags = blocksOf(provider.body, 'default_tags')[0]?.tags;
          expect(isHclBody(tags) ? Object.keys(tags).sort() : []).toEqual(
            expect.arrayContaining(['zeroops:environment', 'zeroops:service']),
          );
        }
      },
    );
  });
});

describe('compositions (terraform-modules/examples/*)', () => {
  const compositions = compositionDirs().map(
    dir => [path.relative(MODULES_ROOT, dir), dir] as const,
  );

  it('include the ZeroOps portal', () => {
    expect(compositions.map(([name]) => name)).toContain(
      'examples/zeroops-portal',
    );
  });

  it.each(compositions)(
    '%s calls only our modules, each with all required inputs and no unknown ones, and tags through default_tags',
    async (_name, dir) => {
      const composition = await loadTerraformModule(dir);
      const libraryModules = new Set(moduleDirs());
      const calls = composition.moduleCalls.map(call => ({
        call,
        target:
          typeof call.body.source === 'string'
            ? resolveModuleSource(call.body.source, dir, MODULES_ROOT)
            : undefined,
      }));
      expect(calls.length).toBeGreaterThan(1);
      expect(
        calls
          .filter(({ target }) => !target || !libraryModules.has(target))
          .map(({ call }) => call.name),
      ).toEqual([]);
      const findings = [];
      for (const { call, target } of calls)
        findings.push(
          ...checkModuleCall(
            call,
            path.relative(REPO_ROOT, dir),
            await load(target!),
          ),
        );
      expect(formatFindings(findings)).toBe('');
      expect(
        composition.settings.some(
          s => typeof s.body.required_version === 'string',
        ),
      ).toBe(true);
      const providers = composition.providers.filter(p => p.name === 'aws');
      expect(providers.length).toBeGreaterThan(0);
      for (const provider of providers) {
        const tags = blocksOf(provider.body, 'default_tags')[0]?.tags;
        expect(isHclBody(tags) ? Object.keys(tags).sort() : []).toEqual(
          expect.arrayContaining(['zeroops:environment', 'zeroops:service']),
        );
      }
    },
  );
});
