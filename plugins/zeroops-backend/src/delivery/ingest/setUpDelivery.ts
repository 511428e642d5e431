import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { AwsClients } from '../../aws/AwsClients';
import { DeliverySettings } from '../../config/ZeroOpsConfig';
import { GithubApi } from '../github/GithubApi';
import { readPendingApprovals } from '../github/deliveryReads';
import { DeliveryStore } from '../store/DeliveryStore';
import { CatalogRepositories } from './CatalogRepositories';
import { catchUpWhileCatalogEmpty } from './catchUpWhileCatalogEmpty';
import { DeliveryReconciler } from './DeliveryReconciler';
import { joinEcsRollbacks } from './ecsRollbacks';
import { WebhookIngest } from './WebhookIngest';
import { createWebhookCounter } from './webhookMetric';

/** Scheduler task id; global, so one backend instance runs it per interval. */
export const DELIVERY_RECONCILE_TASK_ID = 'zeroops-delivery-reconcile';
/** GitHub redelivers a failed delivery for a few days; ids older than this are forgotten. */
const DELIVERY_ID_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
/** ECS rollbacks happen during the rollout; a week covers late webhooks and outages. */
const ROLLBACK_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Wires the delivery ingest into a store: the webhook subscription and the global scheduled
 * reconciliation.
 */
export async function setUpDelivery(options: {
  store: DeliveryStore;
  settings: DeliverySettings;
  config: RootConfigService;
  scheduler: SchedulerService;
  events: EventsService;
  metrics: MetricsService;
  catalog: CatalogService;
  auth: AuthService;
  clients: AwsClients;
  logger: LoggerService;
}): Promise<void> {
  const { store, settings, logger } = options;
  const integrations = ScmIntegrations.fromConfig(options.config);
  const api = new GithubApi(
    integrations,
    DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    { rateLimitReserve: settings.rateLimitReserve },
  );
  const repositories = new CatalogRepositories(
    options.catalog,
    options.auth,
    integrations,
  );
  const reconciler = new DeliveryReconciler(api, store, settings, logger);

  const ingest = new WebhookIngest({
    store,
    findRepository: slug => repositories.find(slug),
    count: createWebhookCounter(options.metrics),
    logger,
    onRunWaiting: async (repo, run) => {
      await store.replacePendingApprovals(
        repo.slug,
        await readPendingApprovals(api, repo, run),
        run.id,
      );
    },
  });
  await ingest.subscribe(options.events);

  await options.scheduler.scheduleTask({
    id: DELIVERY_RECONCILE_TASK_ID,
    scope: 'global',
    frequency: { milliseconds: settings.reconcileIntervalMs },
    initialDelay: { milliseconds: settings.reconcileInitialDelayMs },
    timeout: { milliseconds: Math.max(settings.reconcileIntervalMs, 60_000) },
    fn: async () => {
      const now = Date.now();
      const outcome = await reconciler.run(await repositories.list());
      catchUpWhileCatalogEmpty({
        repositoriesListed: outcome.repositories,
        delayMs: settings.reconcileInitialDelayMs,
        triggerRun: () =>
          options.scheduler.triggerTask(DELIVERY_RECONCILE_TASK_ID),
      });
      const rollbacks = await joinEcsRollbacks({
        clients: options.clients,
        store,
        productionEnvironment: settings.productionEnvironment,
        since: new Date(now - ROLLBACK_LOOKBACK_MS),
      });
      await store.pruneDeliveries(new Date(now - DELIVERY_ID_RETENTION_MS));
      logger.info(
        `ZeroOps delivery reconciliation: ${outcome.reconciled}/${
          outcome.repositories
        } repositories, ${outcome.requests} GitHub requests, ${
          rollbacks.rolledBack
        } rollbacks from ${rollbacks.services} ECS services${
          outcome.stoppedAtReserve
            ? `; stopped: ${outcome.stoppedAtReserve}; the rest goes first next run`
            : ''
        }${
          outcome.failed.length ? `; failed: ${outcome.failed.join(', ')}` : ''
        }${
          rollbacks.errors.length
            ? `; ECS errors: ${rollbacks.errors.join('; ')}`
            : ''
        }`,
      );
    },
  });
}
