import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import {
  ENVIRONMENT_NAME_FORMS,
  MAX_SERVICE_NAME_LENGTH,
  SERVICE_NAME_FORM_PATTERN,
  SERVICE_NAME_PATTERN,
  alarmNamePrefix,
  dataStoreIdentifier,
  ecsServiceName,
  isReservedServiceName,
  logGroupName,
  secretName,
  taskDefinitionFamily,
  listenerRulePriority,
  targetGroupNames,
} from '@zeroops/backstage-plugin-zeroops-common';
import { evaluateModule } from './lib/evaluated-module.ts';
import type { EvaluatedModule } from './lib/evaluated-module.ts';
import { loadTerraformModule } from './lib/hcl.ts';
import type { HclValue, TerraformModule } from './lib/hcl.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { MODULES_ROOT, REPO_ROOT, moduleDirs } from './lib/repository.ts';
import { isUnknown } from './lib/values.ts';
import type { TfValue } from './lib/values.ts';
import os from 'node:os';
import { createInfrastructureGenerateAction } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import {
  checkGeneratedNames,
  measureGeneratedNames,
  measureModuleNames,
} from '../templates/lib/namingChecks.ts';

/**
 * The naming contract (plugins/zeroops-common/src/naming) against what the modules, templates
 * and scaffolder actually do: their service-name validations agree with it, and every name
 * every module derives fits AWS's limit at the longest service in every environment form.
 */

jest.setTimeout(240_000);

const LONGEST_SERVICE = 'abcdefghijklmnopqrstuvwxyz'.slice(
  0,
  MAX_SERVICE_NAME_LENGTH,
);

/** Evaluates one expression of a module (a validation condition, a local) for given inputs. */
async function evaluateIn(
  module: TerraformModule,
  expression: HclValue,
  inputs: Record<string, TfValue>,
): Promise<TfValue> {
  const probe = await evaluateModule(
    {
      ...module,
      resources: [
        {
          file: 'probe.tf',
          type: 'terraform_data',
          name: 'probe',
          body: { input: expression },
        },
      ],
      dataSources: [],
    },
    { name: 'probe', inputs },
  );
  return probe.resources[0].body.input;
}

function validationsOf(module: TerraformModule, variable: string): HclValue[] {
  const declared = module.variables.find(v => v.name === variable);
  const validations = declared?.body.validation;
  return (Array.isArray(validations) ? validations : [])
    .map(v =>
      v && typeof v === 'object' && !Array.isArray(v) ? v.condition : undefined,
    )
    .filter((c): c is HclValue => c !== undefined);
}

/** Whether every validation of `variable` accepts `value`. */
async function accepts(
  module: TerraformModule,
  variable: string,
  value: string,
): Promise<boolean> {
  for (const condition of validationsOf(module, variable)) {
    const result = await evaluateIn(module, condition, { [variable]: value });
    if (result !== true) return false;
  }
  return true;
}

async function allModules(): Promise<TerraformModule[]> {
  return Promise.all(moduleDirs().map(dir => loadTerraformModule(dir)));
}

const SHAPE_PROBES = [
  'a',
  'ab',
  'a-b',
  'a1',
  LONGEST_SERVICE,
  `${LONGEST_SERVICE}x`,
  'a--b',
  '-a',
  'a-',
  '1a',
  'Abc',
  'a_b',
  '',
  // Reserved for creation, but the platform itself passes them to the modules.
  'zeroops-platform',
  'shared',
  'orders-pr',
];

describe('naming contract: validations follow from it', () => {
  it('every module validates service names exactly like the contract (shape and length)', async () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const module of await allModules()) {
      if (validationsOf(module, 'service').length === 0) continue;
      checked += 1;
      for (const probe of SHAPE_PROBES) {
        const expected = SERVICE_NAME_PATTERN.test(probe);
        const accepted = await accepts(module, 'service', probe);
        // A module may also reject the reserved names (the contract's full validation).
        if (
          accepted !== expected &&
          !(isReservedServiceName(probe) && !accepted)
        )
          disagreements.push(
            `${path.basename(module.dir)}: "${probe}" ${
              expected ? 'rejected' : 'accepted'
            }`,
          );
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(disagreements).toEqual([]);
  });

  it('the templates ask for service names with the contract maximum and pattern', async () => {
    const templatesDir = path.join(REPO_ROOT, 'templates');
    const fields: string[] = [];
    for (const template of await fs.readdir(templatesDir)) {
      const file = path.join(templatesDir, template, 'template.yaml');
      const document = YAML.parse(await fs.readFile(file, 'utf8'));
      for (const page of document.spec.parameters ?? []) {
        const field = page.properties?.serviceName;
        if (!field) continue;
        fields.push(template);
        expect([template, field.maxLength]).toEqual([
          template,
          MAX_SERVICE_NAME_LENGTH,
        ]);
        expect([template, field.pattern]).toEqual([
          template,
          SERVICE_NAME_FORM_PATTERN,
        ]);
      }
    }
    expect(fields.sort()).toEqual(['zeroops-adopt', 'zeroops-service']);
  });
});

/** Each example's inputs with the longest service and every environment form the module takes. */
async function longestScenarios(): Promise<
  {
    module: EvaluatedModule;
    environment: string;
    inputs: Record<string, TfValue>;
  }[]
> {
  const result = [];
  const seen = new Set<string>();
  for (const model of await evaluateAllModules()) {
    const key = `${model.name} ${model.environment}`;
    const hasService = model.module.variables.some(v => v.name === 'service');
    const hasEnvironment = model.module.variables.some(
      v => v.name === 'environment',
    );
    const forms: string[] = [];
    if (hasEnvironment) {
      for (const form of ENVIRONMENT_NAME_FORMS)
        if (await accepts(model.module, 'environment', form)) forms.push(form);
    }
    // Platform modules take production/staging/ephemeral: their examples' environments stand.
    // So do compositions (terraform-modules/examples/<name>, scenario "../examples/…"): they
    // deploy one environment and find the platform by data sources, whose values are unknown
    // here; every environment form of each module is measured by the module's own examples.
    const composition = model.scenario.startsWith('../');
    const perForm = forms.length > 0 && !composition;
    const environments = perForm ? forms : [String(model.environment ?? '')];
    for (const environment of environments) {
      if (seen.has(`${key} ${environment} ${model.scenario}`)) continue;
      seen.add(`${key} ${environment} ${model.scenario}`);
      const inputs: Record<string, TfValue> = { ...model.inputs };
      if (
        hasService &&
        !isUnknown(inputs.service) &&
        inputs.service !== 'zeroops-platform'
      )
        inputs.service = LONGEST_SERVICE;
      if (perForm) inputs.environment = environment;
      result.push({ module: model, environment, inputs });
    }
  }
  return result;
}

describe('naming contract: every module name at the longest inputs', () => {
  it('fits every AWS limit for the longest service in production, staging and pr-99999', async () => {
    const problems: string[] = [];
    const measured = new Set<string>();
    for (const { module, environment, inputs } of await longestScenarios()) {
      const { names, problems: found } = await measureModuleNames(
        module.module,
        inputs,
        `${module.name} ${environment}`,
      );
      for (const n of names)
        measured.add(
          `${module.name}:${n.address.replace(/\[.*\]$/, '')}.${n.attribute}`,
        );
      for (const p of found)
        problems.push(
          `${module.name} (${environment}): ${p.address}.${p.attribute}: ${p.problem}`,
        );
    }
    expect(problems).toEqual([]);
    // The names issue 13 is about are among those measured.
    expect([...measured]).toEqual(
      expect.arrayContaining([
        'ecs-service:aws_lb_target_group.blue.name',
        'ecs-service:aws_lb_target_group.green.name',
        'database:aws_rds_cluster.this.cluster_identifier',
        'cache:aws_elasticache_serverless_cache.this.name',
        'cdn:aws_s3_bucket.logs.bucket',
        'monitoring:aws_cloudwatch_metric_alarm.alb_5xx.alarm_name',
      ]),
    );
  });

  it('names the target groups as the contract does (the backend and simulator rely on it)', async () => {
    const model = (await evaluateAllModules()).find(
      m => m.name === 'ecs-service' && m.environment === 'production',
    )!;
    for (const environment of ENVIRONMENT_NAME_FORMS) {
      const { names } = await measureModuleNames(
        model.module,
        {
          ...model.inputs,
          service: LONGEST_SERVICE,
          environment,
          deployment_strategy: 'BLUE_GREEN',
        },
        environment,
      );
      const byAddress = Object.fromEntries(
        names
          .filter(n => n.limit === 'targetGroup')
          .map(n => [n.address, n.value]),
      );
      const expected = targetGroupNames(LONGEST_SERVICE, environment);
      expect(byAddress['aws_lb_target_group.blue']).toBe(expected.blue);
      expect(byAddress['aws_lb_target_group.green[0]']).toBe(expected.green);
    }
  });
});

describe('naming contract: modules derive names exactly as the contract does', () => {
  /** Names of one module evaluated with its first example's inputs at the longest service. */
  async function namesOf(
    moduleName: string,
    environment: string,
  ): Promise<Record<string, string>> {
    const model = (await evaluateAllModules()).find(
      m => m.name === moduleName,
    )!;
    const { names } = await measureModuleNames(
      model.module,
      { ...model.inputs, service: LONGEST_SERVICE, environment },
      `${moduleName} ${environment}`,
    );
    return Object.fromEntries(
      names.map(n => [`${n.address}.${n.attribute}`, n.value]),
    );
  }

  it.each([...ENVIRONMENT_NAME_FORMS])(
    'the names the backend and the simulator look up, in %s',
    async environment => {
      const service = await namesOf('ecs-service', environment);
      expect(service['aws_ecs_service.this.name']).toBe(
        ecsServiceName(LONGEST_SERVICE, environment),
      );
      expect(service['aws_ecs_task_definition.this.family']).toBe(
        taskDefinitionFamily(LONGEST_SERVICE, environment),
      );
      expect(service['aws_cloudwatch_log_group.this.name']).toBe(
        logGroupName(LONGEST_SERVICE, environment),
      );
      const database = await namesOf('database', environment);
      expect(database['aws_rds_cluster.this.cluster_identifier']).toBe(
        dataStoreIdentifier(LONGEST_SERVICE, environment),
      );
      const cache = await namesOf('cache', environment);
      expect(cache['aws_elasticache_serverless_cache.this.name']).toBe(
        dataStoreIdentifier(LONGEST_SERVICE, environment),
      );
      const alarms = Object.entries(await namesOf('monitoring', environment))
        .filter(([key]) => key.endsWith('.alarm_name'))
        .map(([, value]) => value);
      expect(alarms.length).toBeGreaterThan(0);
      for (const alarm of alarms)
        expect(
          alarm.startsWith(alarmNamePrefix(LONGEST_SERVICE, environment)),
        ).toBe(true);
      const secrets = Object.entries(
        await namesOf('secrets', environment),
      ).filter(([key]) => key.startsWith('aws_secretsmanager_secret.'));
      expect(secrets.length).toBeGreaterThan(0);
      for (const [key, value] of secrets) {
        const secretKey =
          /^aws_secretsmanager_secret\.this\["(.+)"\]\.name$/.exec(key)?.[1];
        expect(value).toBe(
          secretName(LONGEST_SERVICE, environment, secretKey ?? ''),
        );
      }
    },
  );
});

describe('listener rule priorities', () => {
  /**
   * ecs-service before any pull request of the block claimed a priority: the claims it reads
   * from SSM (a data source, unknown offline) are none. Claims are tested in
   * listenerPriorityClaims.test.ts.
   */
  async function ecsService(): Promise<TerraformModule> {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'ecs-service'),
    );
    return {
      ...module,
      locals: module.locals.map(block =>
        'listener_rule_priority_claims' in block.body
          ? {
              ...block,
              body: { ...block.body, listener_rule_priority_claims: {} },
            }
          : block,
      ),
    };
  }

  it('without claims, the module derives the contract priority from the slot in every environment', async () => {
    const module = await ecsService();
    const priority = (
      module.locals.find(l => 'listener_rule_priority' in l.body)?.body ?? {}
    ).listener_rule_priority;
    expect(priority).toBeDefined();
    const environments = [
      'production',
      'staging',
      'pr-1',
      'pr-489',
      'pr-490',
      'pr-491',
      'pr-980',
      'pr-99999',
    ];
    for (const slot of [1, 2, 50, 99, 100]) {
      for (const environment of environments) {
        const value = await evaluateIn(module, priority!, {
          listener_rule_slot: slot,
          environment,
        });
        expect([slot, environment, value]).toEqual([
          slot,
          environment,
          listenerRulePriority(slot, environment),
        ]);
      }
    }
  });

  it('finds no duplicate first-candidate priority among 100 services × 12 pull requests on one listener', async () => {
    const module = await ecsService();
    const priority = module.locals.find(
      l => 'listener_rule_priority' in l.body,
    )!.body.listener_rule_priority;
    // Pull requests open at the same time: any numbers less than 490 apart.
    const pullRequests = [
      99510, 99511, 99600, 99700, 99735, 99800, 99850, 99900, 99950, 99980,
      99998, 99999,
    ];
    const owners = new Map<TfValue, string>();
    const duplicates: string[] = [];
    for (let slot = 1; slot <= 100; slot += 1) {
      for (const pr of pullRequests) {
        const value = await evaluateIn(module, priority, {
          listener_rule_slot: slot,
          environment: `pr-${pr}`,
        });
        expect(typeof value === 'number' && value >= 1 && value <= 50000).toBe(
          true,
        );
        const owner = `slot ${slot} pr-${pr}`;
        if (owners.has(value))
          duplicates.push(`${owner} = ${owners.get(value)} (${value})`);
        owners.set(value, owner);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('the load balancer registry rejects two services with one slot', async () => {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'load-balancer'),
    );
    const conditions = validationsOf(module, 'service_listener_rule_slots');
    const valid = async (slots: Record<string, number>) => {
      for (const condition of conditions)
        if (
          (await evaluateIn(module, condition, {
            service_listener_rule_slots: slots,
          })) !== true
        )
          return false;
      return true;
    };
    expect(await valid({ a: 1, b: 2, c: 100 })).toBe(true);
    expect(await valid({ a: 1, b: 1 })).toBe(false);
    expect(await valid({ a: 101 })).toBe(false);
  });
});

describe('autoscaling follows the live colour', () => {
  it('under blue/green, requests per target of both target groups drive scaling', async () => {
    const model = (await evaluateAllModules()).find(
      m => m.name === 'ecs-service' && m.environment === 'production',
    )!;
    const evaluated = await evaluateModule(model.module, {
      name: 'blue/green with load balancer metrics',
      inputs: {
        ...model.inputs,
        load_balancer_arn_suffix: 'app/zeroops-production/0123456789abcdef',
      },
    });
    const labels = evaluated.resources
      .filter(r => r.type === 'aws_appautoscaling_policy')
      .flatMap(r => {
        const configuration =
          r.body.target_tracking_scaling_policy_configuration;
        const first = Array.isArray(configuration)
          ? configuration[0]
          : undefined;
        const metric =
          first &&
          typeof first === 'object' &&
          !Array.isArray(first) &&
          !isUnknown(first)
            ? first.predefined_metric_specification
            : undefined;
        const spec = Array.isArray(metric) ? metric[0] : undefined;
        return spec &&
          typeof spec === 'object' &&
          !Array.isArray(spec) &&
          !isUnknown(spec) &&
          spec.predefined_metric_type === 'ALBRequestCountPerTarget'
          ? [
              isUnknown(spec.resource_label)
                ? spec.resource_label.source
                : String(spec.resource_label),
            ]
          : [];
      });
    expect(
      labels.some(l => l.includes('aws_lb_target_group.blue.arn_suffix')),
    ).toBe(true);
    expect(
      labels.some(l => l.includes('aws_lb_target_group.green[0].arn_suffix')),
    ).toBe(true);
  });
});

describe('naming contract: generated repositories at the longest name', () => {
  /** Runs zeroops:infrastructure:generate into a fresh directory, as the template does. */
  async function generate(input: Record<string, unknown>): Promise<string> {
    const workspacePath = await fs.mkdtemp(
      path.join(os.tmpdir(), 'zeroops-naming-'),
    );
    const action = createInfrastructureGenerateAction();
    const context = {
      input,
      workspacePath,
      logger: {
        info: () => {},
        warn: () => {},
        error: () => {},
        debug: () => {},
      },
      output: () => {},
      checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
      isDryRun: false,
    };
    await action.handler(
      context as unknown as Parameters<typeof action.handler>[0],
    );
    return workspacePath;
  }

  it.each(['blue-green', 'rolling'])(
    'keeps every name of a %s service with the longest name within its AWS limit',
    async deploymentStrategy => {
      const root = await generate({
        serviceName: LONGEST_SERVICE,
        awsRegion: 'eu-west-1',
        deploymentStrategy,
        modulesRepository: 'github.com/acme/zeroops',
        environments: {
          production: { accountId: '111111111111', domain: 'example.com' },
          staging: { accountId: '222222222222', domain: 'staging.example.com' },
          ephemeral: {
            accountId: '222222222222',
            domain: 'preview.example.com',
          },
        },
      });
      try {
        expect(await checkGeneratedNames(root)).toEqual([]);
        // The names were measured, the pull-request ones at pr-99999.
        const { names } = await measureGeneratedNames(root);
        const targetGroups = names
          .filter(n => n.limit === 'targetGroup')
          .map(n => n.value);
        expect(targetGroups).toEqual(
          expect.arrayContaining([
            targetGroupNames(LONGEST_SERVICE, 'production').blue,
            targetGroupNames(LONGEST_SERVICE, 'staging').blue,
            targetGroupNames(LONGEST_SERVICE, 'pr-99999').blue,
          ]),
        );
        expect(names.some(n => n.limit === 'auroraCluster')).toBe(true);
      } finally {
        await fs.rm(root, { recursive: true, force: true });
      }
    },
  );
});
