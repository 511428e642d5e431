import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  DeliveryDeployment,
  DoraMetric,
  DORA_WINDOWS,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DeliveryReadService } from '../delivery/read/DeliveryReadService';
import { ZeroOpsReadService } from '../service/ZeroOpsReadService';
import { registerServiceAction } from './registerServiceAction';
import {
  SERVICE_INPUT_HELP,
  SERVICE_INPUT_HELP_SHORT,
} from './serviceActionInputs';

function deploymentSummary(d: DeliveryDeployment | undefined) {
  return d
    ? {
        sha: d.sha,
        ref: d.ref,
        state: d.state,
        startedAt: d.createdAt,
        finishedAt: d.finishedAt,
        rollbackReason: d.rollbackReason,
        pullRequest: d.pullRequest,
        workflowRunUrl: d.workflowRunUrl,
      }
    : undefined;
}

function metricSummary(metric: DoraMetric, unit: string) {
  return {
    value: metric.value,
    unit,
    band: metric.band,
    target: metric.target,
    meetsTarget: metric.meetsTarget,
    samples: metric.samples,
  };
}

/**
 * The delivery reads as actions for MCP clients ("what is waiting for approval in payments?",
 * "how is checkout's change failure rate?"), with the caller's credentials and the same
 * authorization as the REST routes. Called by {@link registerActions}.
 */
export function registerDeliveryActions(options: {
  actionsRegistry: ActionsRegistryService;
  reads: ZeroOpsReadService;
  delivery: DeliveryReadService;
}) {
  const { actionsRegistry, reads, delivery } = options;

  registerServiceAction(actionsRegistry, reads, {
    name: 'get-delivery-state',
    title: 'Get delivery state per environment',
    description: `What each GitHub environment of a service runs (commit, when, by which workflow run), what is rolling out, the last failed or rolled-back deployment, runs waiting for a reviewer (with the link where they approve) and how many commits staging has that production has not. Read from the records ZeroOps keeps from GitHub webhooks and its reconciliation; \`lastSyncedAt\` says how fresh they are.

${SERVICE_INPUT_HELP} The service needs a GitHub repository (annotation github.com/project-slug).`,
    output: z => {
      const deployment = z
        .object({
          sha: z.string(),
          ref: z.string(),
          state: z.string(),
          startedAt: z.string(),
          finishedAt: z.string().optional(),
          rollbackReason: z.string().optional(),
          pullRequest: z.number().optional(),
          workflowRunUrl: z.string().optional(),
        })
        .optional();
      return z.object({
        entityRef: z.string(),
        repository: z.string(),
        environments: z.array(
          z.object({
            name: z.string(),
            current: deployment,
            inProgress: deployment,
            lastFailure: deployment,
            pendingApprovals: z.array(
              z.object({
                reviewUrl: z.string(),
                sha: z.string(),
                waitingSince: z.string(),
                reviewers: z.array(z.string()),
              }),
            ),
          }),
        ),
        stagingAheadBy: z.number().optional(),
        compareUrl: z.string().optional(),
        lastFailure: deployment,
        lastSyncedAt: z.string().nullable(),
      });
    },
    examples: [
      {
        title: 'What is waiting for approval in payments?',
        input: { service: 'payments' },
      },
    ],
    read: async ({ entityRef, credentials }) => {
      const state = await delivery.entityDelivery(entityRef, credentials);
      return {
        entityRef: state.entityRef,
        repository: state.repository,
        environments: state.environments.map(e => ({
          name: e.name,
          current: deploymentSummary(e.current),
          inProgress: deploymentSummary(e.inProgress),
          lastFailure: deploymentSummary(e.lastFailure),
          pendingApprovals: e.pendingApprovals.map(a => ({
            reviewUrl: a.reviewUrl,
            sha: a.sha,
            waitingSince: a.waitingSince,
            reviewers: a.reviewers,
          })),
        })),
        stagingAheadBy: state.stagingAhead?.commits,
        compareUrl: state.stagingAhead?.compareUrl,
        lastFailure: deploymentSummary(state.lastFailure),
        lastSyncedAt: state.lastSyncedAt,
      };
    },
  });

  registerServiceAction(actionsRegistry, reads, {
    name: 'get-dora-metrics',
    title: 'Get DORA metrics',
    description: `The four DORA metrics of a service's production deployments over the last 7, 30 or 90 days (default 30): deployment frequency (changes per day), lead time for changes (median minutes from the change's first commit to its first successful production deployment), change failure rate (fraction of changes with a failed or rolled-back production deployment) and time to restore (median minutes from a failed production deployment to the next successful one). Each comes with its DORA 2023 performance band (elite, high, medium, low, no-data) and whether it meets the platform's target (2 per day, < 30 min, < 5 %, < 15 min). Also the incidents still open and a weekly trend.

${SERVICE_INPUT_HELP_SHORT}`,
    input: z => ({
      windowDays: z
        .union([z.literal(7), z.literal(30), z.literal(90)])
        .optional()
        .describe(`Days to measure over: ${DORA_WINDOWS.join(', ')}`),
    }),
    output: z => {
      const metric = z.object({
        value: z.number().optional(),
        unit: z.string(),
        band: z.enum(['elite', 'high', 'medium', 'low', 'no-data']),
        target: z.number(),
        meetsTarget: z.boolean().optional(),
        samples: z.number(),
      });
      return z.object({
        entityRef: z.string(),
        windowDays: z.number(),
        from: z.string(),
        to: z.string(),
        deploymentFrequency: metric,
        leadTime: metric,
        changeFailureRate: metric,
        timeToRestore: metric,
        openIncidents: z.number(),
        weekly: z.array(
          z.object({
            weekStart: z.string(),
            deployments: z.number(),
            leadTimeMinutes: z.number().optional(),
            changeFailureRate: z.number().optional(),
            timeToRestoreMinutes: z.number().optional(),
          }),
        ),
      });
    },
    examples: [
      {
        title: 'How did payments deliver over the last 90 days?',
        input: { service: 'payments', windowDays: 90 },
      },
    ],
    read: async ({ entityRef, input, credentials }) => {
      const { dora } = await delivery.entityDora(
        entityRef,
        input.windowDays,
        credentials,
      );
      return {
        entityRef,
        windowDays: dora.windowDays,
        from: dora.from,
        to: dora.to,
        deploymentFrequency: metricSummary(
          dora.deploymentFrequency,
          'changes per day',
        ),
        leadTime: metricSummary(dora.leadTime, 'minutes (median)'),
        changeFailureRate: metricSummary(
          dora.changeFailureRate,
          'fraction of changes (0-1)',
        ),
        timeToRestore: metricSummary(dora.timeToRestore, 'minutes (median)'),
        openIncidents: dora.openIncidents,
        weekly: dora.weekly,
      };
    },
  });
}
