import {
  DEFAULT_SERVICE_SIZING,
  EnvironmentSizing,
  ServiceSizing,
  explainInvalidEnvironmentSizing,
} from '@zeroops/backstage-plugin-zeroops-common';
import type { z as zod } from 'zod/v3';
import { Zod } from '../validation/schemas';

// NaN is not a number to zod; Infinity is, so finite() rejects it here with the field's path.
const number = (z: Zod, description: string) =>
  z.number({ description }).finite().nonnegative().optional();

const environmentOverridesSchema = (z: Zod, env: string) =>
  z
    .object(
      {
        concurrentInstances: number(
          z,
          'Copies running at once (ephemeral: average open pull requests)',
        ),
        compute: z
          .object({
            taskCount: number(z, 'ECS tasks'),
            vcpu: number(z, 'vCPU per task: 0.25, 0.5, 1, 2, 4, 8 or 16'),
            memoryGb: number(
              z,
              'Memory per task in GB (a Fargate size for the vCPU)',
            ),
            architecture: z
              .enum(['x86_64', 'arm64'], { description: 'CPU architecture' })
              .optional(),
            runningHoursPerMonth: number(
              z,
              'Hours per month the tasks run (730 = always; less with scheduled shutdown)',
            ),
          })
          .optional(),
        database: z
          .object({
            minAcu: number(z, 'Aurora minimum ACU (0 = auto-pause)'),
            maxAcu: number(z, 'Aurora maximum ACU'),
            averageAcu: number(
              z,
              'Average ACU while active (for the estimate)',
            ),
            activeHoursPerMonth: number(z, 'Hours per month not paused'),
            storageGb: number(z, 'Storage in GB'),
            millionIoRequestsPerMonth: number(
              z,
              'I/O requests (millions per month)',
            ),
          })
          .optional(),
        cache: z
          .object({
            averageDataGb: number(z, 'Average data stored in Valkey (GB)'),
            millionEcpuPerMonth: number(
              z,
              'ElastiCache processing units (millions per month)',
            ),
          })
          .optional(),
        secrets: number(z, 'Secrets Manager secrets'),
        alarms: number(z, 'CloudWatch alarms'),
        loadBalancerCapacityUnits: number(z, 'Average ALB LCUs'),
      },
      { description: `Overrides of the default ${env} sizing` },
    )
    .optional();

/**
 * Sizing input shared by `zeroops:infrastructure:generate` and `zeroops:cost:estimate`: any
 * field left out keeps the ZeroOps default, so a template passes only what its form asks for.
 */
export const sizingInputSchema = (z: Zod) =>
  z
    .object(
      {
        production: environmentOverridesSchema(z, 'production'),
        staging: environmentOverridesSchema(z, 'staging'),
        ephemeral: environmentOverridesSchema(z, 'ephemeral'),
      },
      {
        description:
          'Per-environment sizing; omitted fields keep the defaults (production 2 × 0.5 vCPU/1 GB tasks, staging 1 task in business hours, 3 ephemeral environments of 0.25 vCPU)',
      },
    )
    .default({});

export type SizingInput = zod.output<ReturnType<typeof sizingInputSchema>>;

type Overrides = SizingInput['production'];

function mergeEnvironment(
  base: EnvironmentSizing,
  overrides: Overrides,
): EnvironmentSizing {
  if (!overrides) return base;
  const defined = <T extends object>(value: T | undefined) =>
    Object.fromEntries(
      Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
    ) as Partial<T>;
  return {
    ...base,
    ...defined({
      concurrentInstances: overrides.concurrentInstances,
      secrets: overrides.secrets,
      alarms: overrides.alarms,
      loadBalancerCapacityUnits: overrides.loadBalancerCapacityUnits,
    }),
    compute: { ...base.compute, ...defined(overrides.compute) },
    database: base.database && {
      ...base.database,
      ...defined(overrides.database),
    },
    cache: base.cache && { ...base.cache, ...defined(overrides.cache) },
  };
}

/** Problems of a resolved sizing as `sizing.<env>.<field>: <rule>` sentences. */
export function explainInvalidServiceSizing(sizing: ServiceSizing): string[] {
  const problems: string[] = [];
  for (const [env, environment] of Object.entries(sizing.environments)) {
    problems.push(
      ...explainInvalidEnvironmentSizing(environment).map(
        problem => `sizing.${env}.${problem}`,
      ),
    );
  }
  const production = sizing.environments.production;
  if (production && production.compute.taskCount < 2) {
    problems.push(
      'sizing.production.compute.taskCount: production runs at least 2 tasks (one per availability zone, and blue/green needs a healthy set while it shifts)',
    );
  }
  return problems;
}

/** The default sizing with the template's overrides applied. */
export function resolveSizing(input: SizingInput): ServiceSizing {
  const defaults = DEFAULT_SERVICE_SIZING.environments;
  return {
    environments: Object.fromEntries(
      (['production', 'staging', 'ephemeral'] as const).map(env => [
        env,
        mergeEnvironment(defaults[env], input[env]),
      ]),
    ),
  };
}
