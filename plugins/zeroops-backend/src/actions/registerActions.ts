import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { DeliveryReadService } from '../delivery/read/DeliveryReadService';
import { ZeroOpsReadService } from '../service/ZeroOpsReadService';
import { registerDeliveryActions } from './registerDeliveryActions';
import { registerServiceAction } from './registerServiceAction';
import {
  READ_ONLY_ACTION,
  SERVICE_INPUT_HELP,
  SERVICE_INPUT_HELP_SHORT,
} from './serviceActionInputs';

/**
 * Registers the API's reads in Backstage's actions registry, so that MCP clients (through
 * `@backstage/plugin-mcp-actions-backend`) can ask "is payments healthy in production?".
 * Actions run with the caller's credentials and the same authorization as the REST routes.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  reads: ZeroOpsReadService;
  /** Registers `get-delivery-state` and `get-dora-metrics` too. */
  delivery?: DeliveryReadService;
}) {
  const { actionsRegistry, reads, delivery } = options;
  if (delivery) registerDeliveryActions({ actionsRegistry, reads, delivery });

  registerServiceAction(actionsRegistry, reads, {
    name: 'get-service-health',
    title: 'Get service health per environment',
    description: `Health of a service in each environment (production, staging, pull-request environments), rolled up from ECS, load balancer target health, CloudWatch alarms, Aurora and Valkey.

\`health\` is one of healthy, degraded, down, not-deployed, unknown (not-deployed means the environment has no ECS service yet: nothing was deployed there; unknown means AWS could not be read; see \`error\`). \`reasons\` explain a status that is not healthy. Also returns what is deployed (task definition revision, git commit, rollout state).

${SERVICE_INPUT_HELP} Use \`environment\` to ask about one environment only.`,
    input: z => ({
      environment: z
        .string()
        .optional()
        .describe('Only this environment, e.g. "production" or "pr-42"'),
    }),
    output: z =>
      z.object({
        entityRef: z.string(),
        serviceName: z.string(),
        environments: z.array(
          z.object({
            name: z.string(),
            health: z.enum([
              'healthy',
              'degraded',
              'down',
              'not-deployed',
              'unknown',
            ]),
            reasons: z.array(z.string()),
            runningTasks: z.number().optional(),
            desiredTasks: z.number().optional(),
            taskDefinition: z.string().optional(),
            commitSha: z.string().optional(),
            rolloutState: z.string().optional(),
            error: z.string().optional(),
          }),
        ),
      }),
    examples: [
      {
        title: 'Is payments healthy in production?',
        input: { service: 'payments', environment: 'production' },
      },
    ],
    read: async ({ entityRef, input, credentials }) => {
      const result = await reads.entityEnvironments(entityRef, credentials);
      const wanted = input.environment?.trim().toLocaleLowerCase('en-US');
      return {
        entityRef: result.entityRef,
        serviceName: result.serviceName,
        environments: result.environments
          .filter(
            e =>
              !wanted || e.name === wanted || e.platformEnvironment === wanted,
          )
          .map(e => {
            const primary = e.deployment?.primary;
            return {
              name: e.name,
              health: e.health.status,
              reasons: e.health.reasons.map(r => r.message),
              runningTasks: e.service?.runningCount,
              desiredTasks: e.service?.desiredCount,
              taskDefinition: primary
                ? `${primary.taskDefinitionFamily}:${primary.taskDefinitionRevision}`
                : undefined,
              commitSha: primary?.commitSha,
              rolloutState: primary?.rolloutState,
              error: e.error ? `${e.error.message} ${e.error.hint}` : undefined,
            };
          }),
      };
    },
  });

  registerServiceAction(actionsRegistry, reads, {
    name: 'get-service-cost',
    title: 'Get service cost',
    description: `AWS cost of a service from the latest Cost Explorer snapshot (refreshed a few times a day): month to date, forecast for the month, budget consumption and cost per environment, in the snapshot's currency. Requires the zeroops.cost.read permission.

${SERVICE_INPUT_HELP_SHORT}`,
    output: z =>
      z.object({
        entityRef: z.string(),
        currency: z.string(),
        monthToDate: z.number(),
        forecast: z.number(),
        budgetLimit: z.number().optional(),
        budgetConsumedPercent: z.number().optional(),
        budgetStatus: z.string().optional(),
        environments: z.array(
          z.object({ environment: z.string(), monthToDate: z.number() }),
        ),
        lastRefreshedAt: z.string().nullable(),
      }),
    read: async ({ entityRef, credentials }) => {
      const cost = await reads.entityCost(entityRef, credentials);
      return {
        entityRef: cost.entityRef,
        currency: cost.currency,
        monthToDate: cost.monthToDate,
        forecast: cost.forecast.amount,
        budgetLimit: cost.budget?.limit,
        budgetConsumedPercent: cost.budget?.consumedPercent,
        budgetStatus: cost.budget?.status,
        environments: cost.environments.map(e => ({
          environment: e.environment,
          monthToDate: e.monthToDate,
        })),
        lastRefreshedAt: cost.lastRefreshedAt,
      };
    },
  });

  actionsRegistry.register({
    name: 'list-services-health',
    title: 'List services with health and cost',
    description:
      'Every ZeroOps service the caller can read, with health per persistent environment, the number of pull-request environments and, when the caller may read cost, month-to-date cost and budget status.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              entityRef: z.string(),
              serviceName: z.string(),
              health: z.record(z.string(), z.string()),
              pullRequestEnvironments: z.number(),
              monthToDate: z.number().optional(),
              budgetStatus: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      const overview = await reads.overview(credentials);
      return {
        output: {
          services: overview.services.map(s => ({
            entityRef: s.entityRef,
            serviceName: s.serviceName,
            health: Object.fromEntries(
              s.environments.map(e => [e.name, e.health]),
            ),
            pullRequestEnvironments: s.ephemeral.length,
            monthToDate: s.cost?.monthToDate,
            budgetStatus: s.cost?.budget?.status,
          })),
        },
      };
    },
  });
}
