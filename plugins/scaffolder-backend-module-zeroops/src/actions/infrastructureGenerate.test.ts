import { JsonObject } from '@backstage/types';
import { ZEROOPS_TERRAFORM_MODULES_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createActionTestContext,
  createWorkspace,
  exampleInputs,
  readTree,
} from '../__testUtils__/actionTestContext';
import { createInfrastructureGenerateAction } from './infrastructureGenerate';
import { examples } from './infrastructureGenerate.examples';

const action = createInfrastructureGenerateAction();
const baseInput = exampleInputs(examples[0].example)[0];

async function run(input: JsonObject, isDryRun = false) {
  const workspacePath = await createWorkspace();
  const test = createActionTestContext(action, {
    input,
    workspacePath,
    isDryRun,
  });
  await action.handler(test.ctx);
  return { workspacePath, ...test };
}

const read = (workspacePath: string, file: string) =>
  fs.readFile(path.join(workspacePath, 'infrastructure', file), 'utf8');

/** The value of `name = value` inside `module "<module>" { ... }` of a main.tf. */
function argument(mainTf: string, module: string, name: string) {
  const body = mainTf.split(`module "${module}" {`)[1].split('\n}\n')[0];
  return new RegExp(`^\\s*${name}\\s*=\\s*(.+)$`, 'm').exec(body)?.[1];
}

describe('zeroops:infrastructure:generate', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    'runs the example "%s"',
    async (_description, example) => {
      for (const input of exampleInputs(example)) {
        const { workspacePath, outputs } = await run(input);
        const files = Object.keys(await readTree(workspacePath)).sort();
        expect(files).toEqual(
          [
            // What zeroops:repository:update re-renders later (managedFiles.test.ts).
            '.zeroops/managed.json',
            'infrastructure/README.md',
            'infrastructure/root.hcl',
            ...['ephemeral', 'production', 'staging'].flatMap(env =>
              [
                'main.tf',
                'outputs.tf',
                'providers.tf',
                'terragrunt.hcl',
                'variables.tf',
              ].map(f => `infrastructure/environments/${env}/${f}`),
            ),
          ].sort(),
        );
        expect(outputs.files).toHaveLength(files.length - 1);
      }
    },
  );

  it('keeps state in S3 with native locking, one key per environment and per pull request', async () => {
    const { workspacePath } = await run(baseInput);
    const root = await read(workspacePath, 'root.hcl');
    expect(root).toContain('use_lockfile = true');
    expect(root).toContain('encrypt      = true');
    expect(root).not.toMatch(/dynamodb/i);
    expect(root).toContain(
      '"${local.service}/ephemeral/pr-${get_env("TF_VAR_pr_number")}/terraform.tfstate"',
    );
    expect(root).toContain('production = "111111111111"');
    const ephemeralVariables = await read(
      workspacePath,
      'environments/ephemeral/variables.tf',
    );
    expect(ephemeralVariables).toContain('variable "pr_number"');
    expect(ephemeralVariables).toContain(
      'var.pr_number >= 1 && var.pr_number <= 99999',
    );
  });

  it('sizes production for availability, staging for cost and pull requests for disposal', async () => {
    const { workspacePath } = await run(baseInput);
    const production = await read(
      workspacePath,
      'environments/production/main.tf',
    );
    const staging = await read(workspacePath, 'environments/staging/main.tf');
    const ephemeral = await read(
      workspacePath,
      'environments/ephemeral/main.tf',
    );

    expect(argument(production, 'service', 'desired_count')).toBe('2');
    expect(argument(production, 'service', 'deployment_strategy')).toBe(
      '"BLUE_GREEN"',
    );
    expect(argument(production, 'service', 'test_listener_arn')).toBe(
      'data.aws_lb_listener.test.arn',
    );
    expect(argument(production, 'service', 'enable_scale_to_zero')).toBe(
      'false',
    );
    expect(argument(production, 'database', 'backup_retention_days')).toBe(
      '35',
    );
    expect(argument(production, 'database', 'deletion_protection')).toBe(
      'true',
    );
    // No slot given: every environment reads the service's slot from the foundation's registry.
    expect(argument(production, 'service', 'listener_rule_slot')).toBe(
      'tonumber(data.aws_ssm_parameter.listener_rule_slot.value)',
    );

    expect(argument(staging, 'service', 'desired_count')).toBe('1');
    expect(argument(staging, 'service', 'enable_scale_to_zero')).toBe('true');

    expect(argument(ephemeral, 'service', 'deployment_strategy')).toBe(
      '"ROLLING"',
    );
    expect(argument(ephemeral, 'database', 'deletion_protection')).toBe(
      'false',
    );
    expect(argument(ephemeral, 'database', 'min_capacity')).toBe('0');
    expect(argument(ephemeral, 'service', 'create_ecr_repository')).toBe(
      'false',
    );
    expect(ephemeral).toContain('environment = "pr-${var.pr_number}"');
    expect(ephemeral).toContain(
      'cluster_name                    = "zeroops-ephemeral"',
    );
  });

  /** The `source` of every module call in a generated tree. */
  function moduleSources(tree: Record<string, string>) {
    return Object.values(tree)
      .flatMap(text =>
        [...text.matchAll(/^\s*source\s*=\s*"([^"]+)"/gm)].map(m => m[1]),
      )
      .filter(source => source !== 'hashicorp/aws');
  }

  it('pins every module to the modules released with the action by default and tags everything for cost allocation', async () => {
    expect(baseInput.modulesRef).toBeUndefined();
    const { workspacePath } = await run(baseInput);
    const sources = moduleSources(await readTree(workspacePath));
    // Six modules (service, database, cache, monitoring, cdn, dns) in three environments.
    expect(sources.length).toBe(18);
    for (const source of sources) {
      expect(source).toMatch(
        /^git::https:\/\/github\.com\/zeroops-demo\/zeroops\/\/terraform-modules\/[a-z0-9-]+\?ref=terraform-modules\/v[^&]+$/,
      );
      expect(source.split('?ref=')[1]).toBe(
        `terraform-modules/v${ZEROOPS_TERRAFORM_MODULES_VERSION}`,
      );
    }
    const providers = await read(
      workspacePath,
      'environments/ephemeral/providers.tf',
    );
    expect(providers).toContain('"zeroops:environment" = local.environment');
    expect(providers).toContain('allowed_account_ids = ["222222222222"]');
  });

  it.each([
    'terraform-modules/v1.4.0',
    'v1.4.0',
    '0123456789abcdef0123456789abcdef01234567',
  ])('pins every module to an explicit modulesRef %s', async modulesRef => {
    const { workspacePath } = await run({ ...baseInput, modulesRef });
    const sources = moduleSources(await readTree(workspacePath));
    expect(sources.length).toBe(18);
    expect(new Set(sources.map(source => source.split('?ref=')[1]))).toEqual(
      new Set([modulesRef]),
    );
  });

  it('applies sizing overrides and leaves out the cache when asked', async () => {
    const { workspacePath } = await run({
      ...baseInput,
      cache: false,
      deploymentStrategy: 'rolling',
      sizing: {
        production: { compute: { taskCount: 3, vcpu: 1, memoryGb: 2 } },
      },
    });
    const production = await read(
      workspacePath,
      'environments/production/main.tf',
    );
    expect(argument(production, 'service', 'cpu')).toBe('1024');
    expect(argument(production, 'service', 'memory')).toBe('2048');
    expect(argument(production, 'service', 'desired_count')).toBe('3');
    expect(argument(production, 'service', 'deployment_strategy')).toBe(
      '"ROLLING"',
    );
    expect(production).not.toContain('module "cache"');
    expect(production).not.toContain('VALKEY_HOST');
  });

  it('gives the same tree when run twice, and writes the scratch workspace in a dry run', async () => {
    const first = await run(baseInput);
    const before = await readTree(first.workspacePath);
    const again = createActionTestContext(action, {
      input: baseInput,
      workspacePath: first.workspacePath,
    });
    await action.handler(again.ctx);
    expect(await readTree(first.workspacePath)).toEqual(before);
    const dry = await run(baseInput, true);
    expect(await readTree(dry.workspacePath)).toEqual(before);
  });

  it.each([
    [
      'a file where the infrastructure folder goes',
      { infrastructure: 'notes\n' },
      {},
      'infrastructureDirectory: "infrastructure" is a file in the workspace, but this step writes "infrastructure/',
    ],
    [
      'a file where an environment folder goes',
      { 'infrastructure/environments/production': 'notes\n' },
      {},
      'infrastructureDirectory: "infrastructure/environments/production" is a file in the workspace',
    ],
    [
      'a folder where root.hcl goes',
      { 'infrastructure/root.hcl/keep': '' },
      {},
      'infrastructureDirectory: "infrastructure/root.hcl" is a folder in the workspace, but this step writes a file there',
    ],
    [
      'a file as the target folder',
      { service: 'notes\n' },
      { targetPath: 'service' },
      'targetPath: "service" is a file in the workspace',
    ],
  ])(
    'fails on %s with an input error naming the field and the file, writing nothing',
    async (_case, existing: Record<string, string>, override, message) => {
      const workspacePath = await createWorkspace();
      for (const [file, content] of Object.entries(existing)) {
        await fs.mkdir(path.dirname(path.join(workspacePath, file)), {
          recursive: true,
        });
        await fs.writeFile(path.join(workspacePath, file), content);
      }
      const before = await readTree(workspacePath);
      const test = createActionTestContext(action, {
        input: { ...baseInput, ...override } as JsonObject,
        workspacePath,
      });
      const failure = action.handler(test.ctx);
      await expect(failure).rejects.toThrow(message);
      await expect(failure).rejects.toMatchObject({ name: 'InputError' });
      await expect(failure).rejects.not.toThrow(workspacePath);
      expect(await readTree(workspacePath)).toEqual(before);
    },
  );

  it.each([
    [
      { modulesRef: 'main' },
      'modulesRef: must pin a release tag such as terraform-modules/v1.4.0 or a 40-character commit SHA, got "main"',
    ],
    [
      { modulesRef: 'terraform-modules/main' },
      'modulesRef: must pin a release tag such as terraform-modules/v1.4.0 or a 40-character commit SHA, got "terraform-modules/main"',
    ],
    [
      { modulesRepository: 'zeroops' },
      'modulesRepository: must be <host>/<owner>/<repository>',
    ],
    [
      { serviceName: 'payments-api-for-the-storefront' },
      'serviceName: must be at most 21 characters',
    ],
    [{ awsRegion: 'moon-1' }, 'awsRegion: must be an AWS region'],
    [
      {
        environments: {
          ...(baseInput.environments as JsonObject),
          ephemeral: {
            accountId: '333333333333',
            domain: 'preview.example.com',
          },
        },
      },
      'environments.ephemeral.accountId: must be the staging account',
    ],
    [
      {
        environments: {
          ...(baseInput.environments as JsonObject),
          staging: { accountId: '222222222222', domain: 'Staging.Example' },
        },
      },
      'environments.staging.domain: must be a lowercase domain name',
    ],
    [
      { sizing: { production: { compute: { taskCount: 1 } } } },
      'sizing.production.compute.taskCount: production runs at least 2 tasks',
    ],
    [
      { containerPort: 80 },
      'containerPort: Number must be greater than or equal to 1024',
    ],
    [{ alarmEmails: ['oncall'] }, 'alarmEmails.0: Invalid email'],
  ])(
    'fails on %j naming the field and the rule, writing nothing',
    async (override, message) => {
      const workspacePath = await createWorkspace();
      const test = createActionTestContext(action, {
        input: { ...baseInput, ...override } as JsonObject,
        workspacePath,
      });
      await expect(action.handler(test.ctx)).rejects.toThrow(message);
      expect(await readTree(workspacePath)).toEqual({});
    },
  );
});
