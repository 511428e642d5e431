import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { ZEROOPS_DEPLOYMENT_TASK } from '@zeroops/backstage-plugin-zeroops-common';
import { GithubRepositoryRef } from '../github/githubRepository';
import { toDeploymentInput, toStatusInput } from '../github/deliveryReads';
import { DeliveryStore } from '../store/DeliveryStore';
import { WebhookCounter, WebhookOutcome } from './webhookMetric';
import {
  DELIVERY_EVENTS,
  DeliveryEvent,
  WebhookPayload,
  webhookSchemas,
} from './webhookPayloads';

/** Topics the GitHub module's event router publishes: `github.<X-GitHub-Event>`. */
export const DELIVERY_TOPICS = DELIVERY_EVENTS.map(event => `github.${event}`);
/** Subscriber id; instances sharing it share the events, so each is handled once. */
const SUBSCRIBER_ID = 'delivery-ingest';

function headerOf(params: EventParams, name: string): string | undefined {
  const value = params.metadata?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What one event changes, written in the delivery's transaction; undefined = nothing to do. */
type Write = ((store: DeliveryStore) => Promise<void>) | undefined;

/**
 * Stores GitHub webhooks that the events backend received (signature already verified by the
 * GitHub module) idempotently by `X-GitHub-Delivery`, for repositories of the catalog's services.
 */
export class WebhookIngest {
  constructor(
    private readonly options: {
      store: DeliveryStore;
      findRepository: (
        slug: string,
      ) => Promise<GithubRepositoryRef | undefined>;
      count: WebhookCounter;
      logger: LoggerService;
      /** Reads a waiting run's pending deployments (GitHub), after the event is stored. */
      onRunWaiting?: (
        repo: GithubRepositoryRef,
        run: WebhookPayload<'workflow_run'>['workflow_run'],
      ) => Promise<void>;
      now?: () => Date;
    },
  ) {}

  async subscribe(events: EventsService): Promise<void> {
    await events.subscribe({
      id: SUBSCRIBER_ID,
      topics: DELIVERY_TOPICS,
      onEvent: async params => {
        await this.handle(params);
      },
    });
  }

  async handle(params: EventParams): Promise<WebhookOutcome> {
    const event = params.topic.replace(/^github\./, '') as DeliveryEvent;
    const outcome = await this.process(event, params).catch(error => {
      this.options.logger.error(
        `ZeroOps delivery: storing ${params.topic} failed; the reconciliation will backfill it`,
        error,
      );
      throw error;
    });
    this.options.count(outcome, event);
    return outcome;
  }

  private async process(
    event: DeliveryEvent,
    params: EventParams,
  ): Promise<WebhookOutcome> {
    const schema = webhookSchemas[event];
    const deliveryId = headerOf(params, 'x-github-delivery');
    const parsed = schema?.safeParse(params.eventPayload);
    if (!schema || !parsed?.success || !deliveryId) {
      // Without the header (an event relayed between instances by the event bus, which
      // carries no metadata) there is no idempotency key; the reconciliation covers it.
      this.options.logger.warn(
        `ZeroOps delivery: rejected a malformed ${params.topic} delivery ${
          deliveryId ?? '(no X-GitHub-Delivery header)'
        }: ${
          parsed && !parsed.success ? parsed.error.message : 'no schema or id'
        }`,
      );
      return 'malformed';
    }
    const payload = parsed.data as WebhookPayload<DeliveryEvent>;
    const repo = await this.options.findRepository(
      payload.repository.full_name,
    );
    if (!repo) return 'ignored';
    const write = this.writeOf(event, payload, repo);
    if (!write) return 'ignored';
    const now = this.options.now?.() ?? new Date();
    const result = await this.options.store.withDelivery(
      { id: deliveryId, event, repository: repo.slug },
      async store => {
        await write(store);
        await store.touch(repo.slug, now);
      },
    );
    if (result === 'stored' && event === 'workflow_run') {
      const run = (payload as WebhookPayload<'workflow_run'>).workflow_run;
      if (run.status === 'waiting' && this.options.onRunWaiting) {
        await this.options
          .onRunWaiting(repo, run)
          .catch(error =>
            this.options.logger.warn(
              `ZeroOps delivery: reading the approvals of run ${run.id} failed; the reconciliation will: ${error}`,
            ),
          );
      }
    }
    return result;
  }

  private writeOf(
    event: DeliveryEvent,
    payload: WebhookPayload<DeliveryEvent>,
    repo: GithubRepositoryRef,
  ): Write {
    switch (event) {
      case 'deployment': {
        const { deployment } = payload as WebhookPayload<'deployment'>;
        if (deployment.task !== ZEROOPS_DEPLOYMENT_TASK) return undefined;
        return store =>
          store.upsertDeployment(toDeploymentInput(repo.slug, deployment));
      }
      case 'deployment_status': {
        const { deployment, deployment_status: status } =
          payload as WebhookPayload<'deployment_status'>;
        if (deployment.task !== ZEROOPS_DEPLOYMENT_TASK) return undefined;
        // `waiting` exists only in webhooks: the run waits for a reviewer, not a rollout state.
        const input = toStatusInput(status);
        return async store => {
          await store.upsertDeployment(
            toDeploymentInput(repo.slug, deployment),
          );
          if (input) await store.applyStatus(repo.slug, deployment.id, input);
        };
      }
      case 'workflow_run': {
        const run = (payload as WebhookPayload<'workflow_run'>).workflow_run;
        if (run.status === 'waiting') return async () => undefined;
        // Any other status means the run no longer waits for a reviewer.
        return store => store.replacePendingApprovals(repo.slug, [], run.id);
      }
      case 'pull_request': {
        const pr = (payload as WebhookPayload<'pull_request'>).pull_request;
        if (!pr.merged_at || !pr.merge_commit_sha) return undefined;
        // Its first commit needs the pull request's commit list: the reconciliation reads it.
        const sha = pr.merge_commit_sha;
        return store =>
          store.upsertCommit(repo.slug, sha, { pullRequest: pr.number });
      }
      case 'push': {
        const push = payload as WebhookPayload<'push'>;
        if (
          push.deleted ||
          !push.head_commit ||
          !push.ref.startsWith('refs/heads/')
        ) {
          return undefined;
        }
        const times = push.commits
          .map(c => c.timestamp)
          .sort((a, b) => Date.parse(a) - Date.parse(b));
        const head = push.head_commit;
        return store =>
          store.upsertCommit(repo.slug, push.after, {
            commitAt: head.timestamp,
            pushFirstCommitAt: times[0] ?? head.timestamp,
          });
      }
      default:
        return undefined;
    }
  }
}
