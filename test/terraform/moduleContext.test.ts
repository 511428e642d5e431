import fs from 'node:fs/promises';
import path from 'node:path';
import * as naming from '@zeroops/backstage-plugin-zeroops-common';
import { checkTerraformFormatting } from './lib/fmt.ts';
import { evaluateIn } from './lib/evaluated-module.ts';
import { loadTerraformModule, moduleFromSources } from './lib/hcl.ts';
import type { TerraformModule } from './lib/hcl.ts';
import {
  CONTEXT_FILE,
  environmentInstanceRe2Pattern,
  renderModuleContext,
  serviceNameRe2Pattern,
} from './lib/module-context.ts';
import type { ModuleContext } from './lib/module-context.ts';
import {
  HAND_WRITTEN_CONTEXTS,
  MODULE_CONTEXTS,
} from './lib/module-contexts.ts';
import { moduleDirs } from './lib/repository.ts';
import { SHAPE_PROBES } from './naming-fixtures.ts';

/**
 * The naming and tagging contract of the modules (service, environment, tags and the
 * cost-allocation tags local) is generated into each module's context.tf from
 * plugins/zeroops-common/src/naming: this fails when a file is stale, missing or written
 * by hand again. Fix with: node scripts/terraform/generate-module-context.mjs
 */

jest.setTimeout(60_000);

const CONTRACT_INPUTS = ['service', 'environment', 'tags'];
const modules = moduleDirs().map(dir => [path.basename(dir), dir] as const);
const contextOf = (name: string) =>
  MODULE_CONTEXTS.find(c => c.module === name)!;

/** `"<key>" = var.<input>` inside an expression's source text. */
const assigns = (text: string, key: string, input: string) =>
  new RegExp(`"${key}"\\s*=\\s*var\\.${input}\\b`).test(text);

/**
 * True when a `locals` block sets `tags` from var.tags with both cost-allocation tags taken
 * from var.service and var.environment (identity-center's fixed `= "all"` is another contract).
 */
function setsCostAllocationTags(module: TerraformModule, file?: string) {
  const { service, environment } = naming.COST_ALLOCATION_TAGS;
  return module.locals.some(
    l =>
      (file === undefined || l.file === file) &&
      typeof l.body.tags === 'string' &&
      l.body.tags.includes('var.tags') &&
      assigns(l.body.tags, service, 'service') &&
      assigns(l.body.tags, environment, 'environment'),
  );
}

describe('generated module context (context.tf)', () => {
  it('every module either has a generated context or is listed with why it declares its own', () => {
    const generated = MODULE_CONTEXTS.map(c => c.module);
    const handWritten = Object.keys(HAND_WRITTEN_CONTEXTS);
    expect(generated.filter(m => handWritten.includes(m))).toEqual([]);
    expect([...generated, ...handWritten].sort()).toEqual(
      modules.map(([name]) => name),
    );
  });

  it.each(MODULE_CONTEXTS.map(c => [c.module] as const))(
    '%s has an up-to-date context.tf and declares the contract nowhere else',
    async name => {
      const dir = path.join(path.dirname(modules[0][1]), name);
      const current = await fs
        .readFile(path.join(dir, CONTEXT_FILE), 'utf8')
        .catch(() => 'missing');
      expect(current).toBe(renderModuleContext(contextOf(name), naming));

      const module = await loadTerraformModule(dir);
      const elsewhere = module.variables
        .filter(v => CONTRACT_INPUTS.includes(v.name))
        .filter(v => v.file !== CONTEXT_FILE)
        .map(v => `${v.file}: variable "${v.name}"`);
      for (const block of module.locals)
        if (block.file !== CONTEXT_FILE && 'tags' in block.body)
          elsewhere.push(`${block.file}: local.tags`);
      expect(elsewhere).toEqual([]);
    },
  );

  it.each(Object.keys(HAND_WRITTEN_CONTEXTS).map(name => [name] as const))(
    '%s does not declare the whole contract by hand (it would belong in MODULE_CONTEXTS)',
    async name => {
      const module = await loadTerraformModule(
        path.join(path.dirname(modules[0][1]), name),
      );
      const declared = module.variables.map(v => v.name);
      expect(CONTRACT_INPUTS.every(input => declared.includes(input))).toBe(
        false,
      );
      expect(setsCostAllocationTags(module)).toBe(false);
      expect(module.files).not.toContain(CONTEXT_FILE);
    },
  );
});

describe('module context renderer', () => {
  const cache = contextOf('cache');
  const budgets = contextOf('budgets');

  it('lays the files out as terraform fmt does', () => {
    for (const context of MODULE_CONTEXTS)
      expect(
        checkTerraformFormatting(renderModuleContext(context, naming)),
      ).toEqual([]);
  });

  it('the Terraform service pattern (RE2, with the separate "--" check) accepts what the contract accepts', () => {
    const re2 = new RegExp(serviceNameRe2Pattern(naming));
    for (const probe of SHAPE_PROBES)
      expect([probe, re2.test(probe) && !probe.includes('--')]).toEqual([
        probe,
        naming.SERVICE_NAME_PATTERN.test(probe),
      ]);
  });

  it('the Terraform environment pattern accepts exactly the contract environment instances', () => {
    const re2 = new RegExp(environmentInstanceRe2Pattern(naming));
    const probes = [
      ...naming.ENVIRONMENT_NAME_FORMS,
      'pr-1',
      `pr-${naming.MAX_PULL_REQUEST_NUMBER + 1}`,
      'pr-0',
      'pr-01',
      'pr-',
      'ephemeral',
      'all',
      'Production',
    ];
    for (const probe of probes) {
      const expected =
        naming.parseEphemeralEnvironmentName(probe) !== undefined ||
        (naming.ENVIRONMENT_NAME_FORMS as readonly string[]).includes(probe);
      expect([probe, re2.test(probe)]).toEqual([probe, expected]);
    }
  });

  it('derives the service regex, messages and descriptions from the maximum service name length', () => {
    const longer = renderModuleContext(cache, {
      ...naming,
      MAX_SERVICE_NAME_LENGTH: 30,
    });
    expect(longer).toContain('"^[a-z]([a-z0-9-]{0,28}[a-z0-9])?$"');
    expect(longer).toContain('of at most 30 characters."');
    expect(longer).toContain(
      '"Service name: lowercase DNS label of at most 30 characters. The cache is named <service>-<environment>."',
    );
    expect(renderModuleContext(cache, naming)).toContain('{0,19}');
  });

  it('derives the environment regex and message from the environment forms and the highest pull-request number', () => {
    const changed = renderModuleContext(cache, {
      ...naming,
      MAX_PULL_REQUEST_NUMBER: 999,
      ENVIRONMENT_NAME_FORMS: ['production', 'staging', 'preview', 'pr-999'],
    });
    expect(changed).toContain(
      '"^(production|staging|preview|pr-[1-9][0-9]{0,2})$"',
    );
    expect(changed).toContain(
      '"environment must be production, staging, preview or pr-<n> (n from 1 to 999)."',
    );
    expect(changed).toContain(
      '"Environment instance: production, staging, preview or pr-<n>."',
    );
    expect(() =>
      renderModuleContext(cache, {
        ...naming,
        MAX_PULL_REQUEST_NUMBER: 500,
        ENVIRONMENT_NAME_FORMS: ['production', 'pr-500'],
      }),
    ).toThrow(/not all nines/);
  });

  it('derives the tag keys from the cost-allocation tags, and platform scopes from the module table', () => {
    const tagged = renderModuleContext(budgets, {
      ...naming,
      COST_ALLOCATION_TAGS: { service: 'acme:svc', environment: 'acme:env' },
    });
    expect(tagged).toMatch(/^ {4}"acme:svc" += var\.service$/m);
    expect(tagged).toMatch(/^ {4}"acme:env" += var\.environment$/m);
    expect(tagged).toContain('"Value of the acme:svc tag of the budgets');
    expect(tagged).toContain(
      '"Extra tags for every resource. The acme:svc and acme:env tags are always set."',
    );
    const scoped: ModuleContext = {
      ...budgets,
      environment: { ...budgets.environment, platformScopes: ['a', 'b'] },
    };
    const rendered = renderModuleContext(scoped, naming);
    expect(rendered).toContain('contains(["a", "b"], var.environment)');
    expect(rendered).toContain('"environment must be a or b."');
    expect(rendered).toContain('default     = "all"');
  });

  it('gives a module with a fixed scope no environment input and tags the scope itself', async () => {
    const organization = contextOf('identity-center');
    const rendered = renderModuleContext(organization, naming);
    expect(rendered).not.toContain('variable "environment"');
    // Its reason is a comment, wrapped like the modules' own comments.
    expect(rendered).toContain('# No environment input: ');
    for (const line of rendered.split('\n').filter(l => l.startsWith('#')))
      expect([line, line.length <= 100]).toEqual([line, true]);
    const module = await moduleFromSources('m', { [CONTEXT_FILE]: rendered });
    expect(module.variables.map(v => v.name).sort()).toEqual([
      'service',
      'tags',
    ]);
    const tags = await evaluateIn(module, '${local.tags}', {
      service: 'zeroops-platform',
      tags: { [naming.COST_ALLOCATION_TAGS.environment]: 'production' },
    });
    expect(tags).toEqual({
      [naming.COST_ALLOCATION_TAGS.service]: 'zeroops-platform',
      [naming.COST_ALLOCATION_TAGS.environment]: 'all',
    });
  });

  it('names itself generated, by what and how to regenerate', () => {
    const rendered = renderModuleContext(cache, naming);
    expect(rendered.split('\n').slice(0, 5).join('\n')).toMatch(
      /Generated by scripts\/terraform\/generate-module-context\.mjs[\s\S]*plugins\/zeroops-common\/src\/naming[\s\S]*Do not edit[\s\S]*node scripts\/terraform\/generate-module-context\.mjs/,
    );
  });

  it('tags every resource with the cost-allocation tags over the extra tags', async () => {
    const module = await moduleFromSources('m', {
      [CONTEXT_FILE]: renderModuleContext(cache, naming),
    });
    expect(setsCostAllocationTags(module, CONTEXT_FILE)).toBe(true);
    const tags = await evaluateIn(module, '${local.tags}', {
      service: 'orders',
      environment: 'pr-7',
      tags: { team: 'a', [naming.COST_ALLOCATION_TAGS.service]: 'other' },
    });
    expect(tags).toEqual({
      team: 'a',
      [naming.COST_ALLOCATION_TAGS.service]: 'orders',
      [naming.COST_ALLOCATION_TAGS.environment]: 'pr-7',
    });
  });
});
