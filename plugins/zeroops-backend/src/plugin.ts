import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { zeroopsPermissions } from '@zeroops/backstage-plugin-zeroops-common';
import { registerActions } from './actions/registerActions';
import { AwsClients } from './aws/AwsClients';
import { isProcessLocalCacheStore } from './cache/cacheStore';
import { SharedReadCache } from './cache/SharedReadCache';
import { DecisionCachingPermissionsService } from './service/DecisionCachingPermissionsService';
import { CatalogServiceIndex } from './catalog/CatalogServiceIndex';
import { readZeroOpsConfig } from './config/ZeroOpsConfig';
import { scheduleCostRefresh } from './cost/scheduleCostRefresh';
import { CostService } from './cost/CostService';
import { CostSnapshotStore } from './cost/CostSnapshotStore';
import { setUpDelivery } from './delivery/ingest/setUpDelivery';
import { DeliveryReadService } from './delivery/read/DeliveryReadService';
import { DeliveryStore } from './delivery/store/DeliveryStore';
import { AwsEnvironmentReader } from './environments/readers/AwsEnvironmentReader';
import { EnvironmentsService } from './environments/EnvironmentsService';
import { ZeroOpsEnvironmentSupplier } from './environments/EnvironmentSupplier';
import { zeroopsEnvironmentsExtensionPoint } from './extensions';
import { createRouter } from './service/createRouter';
import { EntityResolver } from './service/EntityResolver';
import { ZeroOpsReadService } from './service/ZeroOpsReadService';

/**
 * The ZeroOps backend plugin: `/api/zeroops` (environments, cost, overview), the scheduled
 * cost refresh, the `zeroops.cost.read` permission and read actions for MCP clients.
 *
 * @public
 */
export const zeroopsPlugin = createBackendPlugin({
  pluginId: 'zeroops',
  register(env) {
    let environmentSupplier: ZeroOpsEnvironmentSupplier | undefined;
    env.registerExtensionPoint(zeroopsEnvironmentsExtensionPoint, {
      setEnvironmentSupplier(supplier) {
        if (environmentSupplier) {
          throw new Error('ZeroOps: an environment supplier is already set');
        }
        environmentSupplier = supplier;
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const settings = readZeroOpsConfig(config);
        if (!environmentSupplier && settings.environments.length === 0) {
          logger.warn(
            'ZeroOps: zeroops.environments is empty; entity pages will show no environments',
          );
        }

        const clients = new AwsClients(
          DefaultAwsCredentialsManager.fromConfig(config),
          {
            requestTimeoutMs: settings.requestTimeoutMs,
            maxAttempts: settings.maxAttempts,
          },
        );
        deps.lifecycle.addShutdownHook(() => clients.destroy());

        const index = new CatalogServiceIndex(deps.catalog, deps.auth);
        const reader = new AwsEnvironmentReader(
          clients,
          new SharedReadCache(
            isProcessLocalCacheStore(config) ? undefined : deps.cache,
          ),
          {
            ttlMs: settings.cacheTtlMs,
            restingTtlMs: settings.restingTtlMs,
            logger,
          },
        );
        // Cost still names the persistent environments of zeroops.environments.
        const environments = new EnvironmentsService(
          environmentSupplier ?? settings.environments,
          reader,
          index,
          logger,
          {
            targetHealth: settings.targetHealth,
            requestDeadlineMs: settings.requestDeadlineMs,
          },
        );

        const store = await CostSnapshotStore.create(deps.database);
        const cost = new CostService(store, {
          enabled: settings.costExplorer !== undefined,
          budgetWarningPercent:
            settings.costExplorer?.budgetWarningPercent ?? 80,
          persistentEnvironments: settings.environments
            .filter(e => e.kind === 'persistent')
            .map(e => e.name),
          demoData: settings.demoData,
        });
        if (settings.costExplorer) {
          await scheduleCostRefresh({
            settings: settings.costExplorer,
            clients,
            store,
            scheduler: deps.scheduler,
            lifecycle: deps.lifecycle,
            logger,
          });
        } else {
          logger.info(
            'ZeroOps: zeroops.costExplorer is not configured; cost is disabled',
          );
        }

        // Delivery (GitHub): records in the plugin database, read through `deliveryStore.reader`
        // (a DeliveryRecordsReader); filled by webhooks and a global reconciliation when enabled.
        const deliveryStore = await DeliveryStore.create(deps.database);
        if (settings.delivery.enabled) {
          await setUpDelivery({
            store: deliveryStore,
            settings: settings.delivery,
            config,
            scheduler: deps.scheduler,
            events: deps.events,
            metrics: deps.metrics,
            catalog: deps.catalog,
            auth: deps.auth,
            clients,
            logger,
          });
        } else {
          logger.info(
            'ZeroOps: delivery is off (no integrations.github, or zeroops.delivery.enabled: false)',
          );
        }

        deps.permissionsRegistry.addPermissions(zeroopsPermissions);

        const permissions =
          settings.decisionCacheTtlMs > 0
            ? new DecisionCachingPermissionsService(deps.permissions, {
                ttlMs: settings.decisionCacheTtlMs,
              })
            : deps.permissions;
        const entities = new EntityResolver(deps.catalog, deps.auth, logger);
        const reads = new ZeroOpsReadService({
          permissions,
          entities,
          index,
          environments,
          cost,
          demoData: settings.demoData,
        });
        // Delivery reads: the store only (page views never call GitHub); when delivery is off
        // the routes answer 404 naming zeroops.delivery.enabled.
        const delivery = new DeliveryReadService({
          enabled: settings.delivery.enabled,
          permissions,
          entities,
          index,
          records: deliveryStore.reader,
          demoData: settings.demoData,
          productionEnvironment: settings.delivery.productionEnvironment,
          stagingEnvironment: settings.delivery.stagingEnvironment,
        });
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          reads,
          delivery,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            reads,
            delivery,
            validateResponses: process.env.NODE_ENV === 'test',
          }),
        );
      },
    });
  },
});
