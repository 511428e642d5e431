import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@aws-sdk/types';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsCredentialsError } from './classifyAwsError';

/** Credentials are renewed this long before they expire. */
const CREDENTIALS_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One credential lookup (e.g. sts:AssumeRole) at a time per account, shared by every client
 * of that account, reused until shortly before it expires. Without it, the first requests
 * after start-up assume the same role once per client and concurrent call.
 */
export function sharedCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (
      cached &&
      (!cached.expiration ||
        cached.expiration.getTime() - now() > CREDENTIALS_REFRESH_MARGIN_MS)
    ) {
      return cached;
    }
    if (!inFlight) {
      inFlight = Promise.resolve(provider())
        .then(credentials => {
          cached = credentials;
          return credentials;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  };
}

/** Settings shared by every SDK client the plugin creates. */
export interface AwsClientSettings {
  requestTimeoutMs: number;
  maxAttempts: number;
}

interface ClientConstructors {
  ecs: typeof ECSClient;
  elbv2: typeof ElasticLoadBalancingV2Client;
  cloudwatch: typeof CloudWatchClient;
  rds: typeof RDSClient;
  elasticache: typeof ElastiCacheClient;
  costExplorer: typeof CostExplorerClient;
  budgets: typeof BudgetsClient;
}

const CONSTRUCTORS: ClientConstructors = {
  ecs: ECSClient,
  elbv2: ElasticLoadBalancingV2Client,
  cloudwatch: CloudWatchClient,
  rds: RDSClient,
  elasticache: ElastiCacheClient,
  costExplorer: CostExplorerClient,
  budgets: BudgetsClient,
};

export type ClientKind = keyof ClientConstructors;
export type ClientOf<K extends ClientKind> = InstanceType<
  ClientConstructors[K]
>;

/**
 * SDK clients per account, region and AWS service, created once and reused so that HTTP
 * keep-alive connections and the adaptive retry token bucket are shared by every request.
 *
 * Credentials come from `@backstage/integration-aws-node` (`aws.accounts`, `aws.mainAccount`).
 * Endpoints are not configured here: the SDK reads `AWS_ENDPOINT_URL` /
 * `AWS_ENDPOINT_URL_<SERVICE>`, which is how the simulator is plugged in without a separate
 * code path.
 */
export class AwsClients {
  private readonly clients = new Map<string, Promise<unknown>>();
  private readonly credentials = new Map<
    string,
    Promise<AwsCredentialIdentityProvider>
  >();

  constructor(
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly settings: AwsClientSettings,
  ) {}

  get<K extends ClientKind>(
    kind: K,
    accountId: string,
    region: string,
  ): Promise<ClientOf<K>> {
    const key = `${kind}:${accountId}:${region}`;
    let client = this.clients.get(key) as Promise<ClientOf<K>> | undefined;
    if (!client) {
      client = this.create(kind, accountId, region);
      // A failed credential lookup is not cached: the next read retries it.
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Starts resolving an account's credentials (AssumeRole) ahead of its first call, so that a
   * cold read does not wait for other work first; cached credentials make it a no-op. Errors
   * are left to the calls themselves, which classify and report them.
   */
  warmCredentials(accountId: string): void {
    this.credentialsFor(accountId)
      .then(provider => provider())
      .catch(() => undefined);
  }

  destroy(): void {
    for (const client of this.clients.values()) {
      client.then(
        c => (c as { destroy(): void }).destroy(),
        () => undefined,
      );
    }
    this.clients.clear();
  }

  private credentialsFor(
    accountId: string,
  ): Promise<AwsCredentialIdentityProvider> {
    let provider = this.credentials.get(accountId);
    if (!provider) {
      // Credential failures are told apart from the data call's own: the fix is the role
      // (trust policy, sts:AssumeRole) or aws.accounts, never the data call's permission.
      const asCredentialsError = (error: unknown) => {
        throw new AwsCredentialsError(accountId, error);
      };
      provider = this.credentialsManager
        .getCredentialProvider({ accountId })
        .then(({ sdkCredentialProvider }) =>
          sharedCredentials(() =>
            Promise.resolve(sdkCredentialProvider()).catch(asCredentialsError),
          ),
        )
        .catch(asCredentialsError);
      provider.catch(() => this.credentials.delete(accountId));
      this.credentials.set(accountId, provider);
    }
    return provider;
  }

  private async create<K extends ClientKind>(
    kind: K,
    accountId: string,
    region: string,
  ): Promise<ClientOf<K>> {
    const credentials = await this.credentialsFor(accountId);
    const Constructor = CONSTRUCTORS[kind] as unknown as new (
      config: Record<string, unknown>,
    ) => ClientOf<K>;
    return new Constructor({
      region,
      credentials,
      customUserAgent: 'zeroops-backstage',
      // Adaptive retry: exponential backoff plus a client-side rate limiter that slows all
      // callers of this client down when AWS throttles, instead of hammering the API.
      retryMode: 'adaptive',
      maxAttempts: this.settings.maxAttempts,
      requestHandler: {
        requestTimeout: this.settings.requestTimeoutMs,
        // Without this the SDK only logs when requestTimeout passes and keeps waiting, so a
        // hung endpoint would never become the environment's "timeout" error.
        throwOnRequestTimeout: true,
        connectionTimeout: Math.min(this.settings.requestTimeoutMs, 3000),
      },
    });
  }
}
