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
  targetGroupNames,
} from '@zeroops/backstage-plugin-zeroops-common';
import { withCalledModules } from './lib/called-modules.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { REPO_ROOT } from './lib/repository.ts';
import {
  measureModuleNames,
  withLongestPlatformValues,
} from '../templates/lib/namingChecks.ts';
import {
  LONGEST_SERVICE,
  SHAPE_PROBES,
  accepts,
  allModules,
  longestScenarios,
  validationsOf,
} from './naming-fixtures.ts';

/**
 * The naming contract (plugins/zeroops-common/src/naming) against what the modules, templates
 * and scaffolder actually do: their service-name validations agree with it, and every name
 * every module derives fits AWS's limit at the longest service in every environment form.
 */

jest.setTimeout(240_000);

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

describe('naming contract: every module name at the longest inputs', () => {
  it('fits every AWS limit for the longest service in production, staging and pr-99999', async () => {
    const problems: string[] = [];
    const measured = new Set<string>();
    for (const { module, environment, inputs } of await longestScenarios()) {
      // A name passed to a called module (cdn's log bucket, declared in secure-bucket) is
      // measured there, with the inputs of the call.
      for (const called of await withCalledModules(
        module.module,
        inputs,
        withLongestPlatformValues,
      )) {
        const { names, problems: found } = await measureModuleNames(
          called.module,
          called.inputs,
          `${module.name} ${environment}`,
        );
        for (const n of names)
          measured.add(
            `${module.name}:${called.prefix}${n.address.replace(
              /\[.*\]$/,
              '',
            )}.${n.attribute}`,
          );
        for (const p of found)
          problems.push(
            `${module.name} (${environment}): ${called.prefix}${p.address}.${p.attribute}: ${p.problem}`,
          );
      }
    }
    expect(problems).toEqual([]);
    // The names issue 13 is about are among those measured.
    expect([...measured]).toEqual(
      expect.arrayContaining([
        'ecs-service:aws_lb_target_group.this.name',
        'database:aws_rds_cluster.this.cluster_identifier',
        'cache:aws_elasticache_serverless_cache.this.name',
        'cdn:module.logs_bucket.aws_s3_bucket.this.bucket',
        'monitoring:aws_cloudwatch_metric_alarm.load_balancer.alarm_name',
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
      expect(byAddress['aws_lb_target_group.this["blue"]']).toBe(expected.blue);
      expect(byAddress['aws_lb_target_group.this["green"]']).toBe(
        expected.green,
      );
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
