/* eslint-disable @backstage/no-forbidden-package-imports -- the contract test runs the
   backend's internal readers, which are deliberately not part of its public API. */
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { JsonValue } from '@backstage/types';
import { AwsClients } from '@zeroops/backstage-plugin-zeroops-backend/src/aws/AwsClients';
import { SharedReadCache } from '@zeroops/backstage-plugin-zeroops-backend/src/cache/SharedReadCache';
import { readZeroOpsConfig } from '@zeroops/backstage-plugin-zeroops-backend/src/config/ZeroOpsConfig';
import { CostRefresher } from '@zeroops/backstage-plugin-zeroops-backend/src/cost/CostRefresher';
import {
  CostSnapshot,
  CostSnapshotStore,
} from '@zeroops/backstage-plugin-zeroops-backend/src/cost/CostSnapshotStore';
import { AwsEnvironmentReader } from '@zeroops/backstage-plugin-zeroops-backend/src/environments/readers/AwsEnvironmentReader';
import { EnvironmentsService } from '@zeroops/backstage-plugin-zeroops-backend/src/environments/EnvironmentsService';
import type { ServiceTarget } from '@zeroops/backstage-plugin-zeroops-backend/src/catalog/serviceTargets';
import { CONTRACT_ACCOUNT, CONTRACT_REGION } from './contractWorld';

type CacheService = NonNullable<
  ConstructorParameters<typeof SharedReadCache>[0]
>;

/** What one AWS endpoint yields, keyed by the read (operation and subject). */
export type ReadRecords = Record<string, unknown>;

/** A process-local CacheService: each read goes to AWS once, as on a cold backend. */
function memoryCache(): CacheService {
  const values = new Map<string, JsonValue>();
  const cache: CacheService = {
    async get<T extends JsonValue>(key: string) {
      return values.get(key) as T | undefined;
    },
    async set(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

/** The platform configuration an operator would write for the contract world. */
function appConfig(): ConfigReader {
  return new ConfigReader({
    zeroops: {
      environments: [
        {
          name: 'production',
          kind: 'persistent',
          accountId: CONTRACT_ACCOUNT,
          region: CONTRACT_REGION,
          cluster: 'zeroops-production',
        },
        {
          name: 'ephemeral',
          kind: 'ephemeral',
          accountId: CONTRACT_ACCOUNT,
          region: CONTRACT_REGION,
          cluster: 'zeroops-ephemeral',
        },
      ],
      costExplorer: { accountId: CONTRACT_ACCOUNT },
      aws: { maxAttempts: 2, requestTimeout: '20s' },
      targetHealth: 'always',
    },
    aws: {
      mainAccount: { accessKeyId: 'contract', secretAccessKey: 'contract' },
      accountDefaults: { roleName: 'zeroops-backstage-readonly' },
    },
  });
}

/** Captures the snapshot the cost refresh would store; nothing else of the store is used. */
function capturingStore(): {
  store: CostSnapshotStore;
  saved: () => CostSnapshot | undefined;
} {
  let saved: CostSnapshot | undefined;
  const store = {
    async latestSuccessful() {
      return undefined;
    },
    async saveSnapshot(snapshot: CostSnapshot) {
      saved = snapshot;
      return 1;
    },
    async recordFailure(failure: { error: string }) {
      throw new Error(`cost refresh failed: ${failure.error}`);
    },
  };
  return {
    store: store as unknown as CostSnapshotStore,
    saved: () => saved,
  };
}

/**
 * moto 5.2.6 answers CloudWatch only in awsQuery (and CBOR), while the SDK sends awsJson1_0.
 * The wire encoding of the reader's CloudWatch client is switched to awsQuery — the SDK's
 * other protocol for this service (`awsQueryCompatible`), with the same output shapes — so
 * the reader's request, pagination and mapping stay the production ones.
 */
async function useAwsQueryForCloudWatch(clients: AwsClients): Promise<void> {
  const cloudwatch = await clients.get(
    'cloudwatch',
    CONTRACT_ACCOUNT,
    CONTRACT_REGION,
  );
  const settings = (
    cloudwatch.config as unknown as {
      protocolSettings: ConstructorParameters<typeof AwsQueryProtocol>[0];
    }
  ).protocolSettings;
  const protocol = new AwsQueryProtocol(settings);
  protocol.setSerdeContext(cloudwatch.config);
  (cloudwatch.config as unknown as { protocol: unknown }).protocol = protocol;
}

function target(serviceName: string): ServiceTarget {
  return { entityRef: `component:default/${serviceName}`, serviceName };
}

/**
 * Runs the backend's AWS readers — the production classes, SDK clients whose endpoint comes
 * from `AWS_ENDPOINT_URL`, credentials from `@backstage/integration-aws-node` assuming the
 * account's role — against one endpoint and returns every parsed record.
 */
export async function readWorld(
  endpoint: string,
  options: { cloudWatchWireProtocol?: 'awsQuery' } = {},
): Promise<ReadRecords> {
  process.env.AWS_ENDPOINT_URL = endpoint;
  process.env.AWS_REGION = CONTRACT_REGION;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const config = appConfig();
  const zeroops = readZeroOpsConfig(config);
  const logger = mockServices.logger.mock();
  const clients = new AwsClients(
    DefaultAwsCredentialsManager.fromConfig(config),
    {
      requestTimeoutMs: zeroops.requestTimeoutMs,
      maxAttempts: zeroops.maxAttempts,
    },
  );
  try {
    if (options.cloudWatchWireProtocol === 'awsQuery') {
      await useAwsQueryForCloudWatch(clients);
    }
    const reader = new AwsEnvironmentReader(
      clients,
      new SharedReadCache(memoryCache()),
      { ttlMs: 60_000, logger },
    );
    const [production, ephemeral] = zeroops.environments;
    const records: ReadRecords = {};

    const services = await reader.clusterServices(
      production,
      ['ghost', 'ledger', 'shop'],
      'contract',
    );
    records['ecs:DescribeServices zeroops-production'] = services;
    records['ecs:ListServices+DescribeServices zeroops-ephemeral'] =
      await reader.ephemeralServices(ephemeral);
    records['ecs:ListTasks+DescribeTasks STOPPED zeroops-production'] =
      await reader.stoppedTasks(production);
    records['cloudwatch:DescribeAlarms ALARM'] = await reader.alarmsInAlarm(
      CONTRACT_ACCOUNT,
      CONTRACT_REGION,
    );
    records['rds:DescribeDBClusters'] = await reader.auroraClusters(
      CONTRACT_ACCOUNT,
      CONTRACT_REGION,
    );
    if (services.ok) {
      for (const service of Object.values(services.value.services)) {
        for (const deployment of service.deployments) {
          records[
            `ecs:DescribeTaskDefinition ${deployment.taskDefinitionFamily}`
          ] = await reader.taskDefinition(
            production,
            deployment.taskDefinitionArn,
          );
        }
        if (service.targetGroupArns.length > 0) {
          records[
            `elasticloadbalancing:DescribeTargetHealth ${service.serviceName}`
          ] = await reader.targetHealth(
            CONTRACT_ACCOUNT,
            CONTRACT_REGION,
            service.targetGroupArns,
          );
        }
      }
    }

    // The composed environment records the API returns for a service page.
    const environments = new EnvironmentsService(
      zeroops.environments,
      reader,
      {
        rosterTargets: async () => [target('ledger'), target('shop')],
        refreshSoon: () => undefined,
      },
      logger,
      // Records are compared complete: no environment may be cut off as pending.
      { targetHealth: zeroops.targetHealth, requestDeadlineMs: 600_000 },
    );
    // `ghost` has no ECS service in any environment: the not-deployed roll-up on both sides.
    for (const name of ['ghost', 'ledger', 'shop']) {
      records[`environments ${name}`] = await environments.forService(
        target(name),
        'detail',
      );
    }

    // Budgets as the scheduled cost refresh stores them.
    const { store, saved } = capturingStore();
    const refresher = new CostRefresher(
      zeroops.costExplorer!,
      clients,
      store,
      logger,
    );
    await refresher.run({ force: true });
    records['budgets:DescribeBudgets'] = saved()?.budgets;
    return JSON.parse(JSON.stringify(records));
  } finally {
    clients.destroy();
  }
}
