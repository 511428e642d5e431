import { LoggerService } from '@backstage/backend-plugin-api';
import { GithubApi, RateLimitReserveReached } from '../github/GithubApi';
import { GithubRepositoryRef } from '../github/githubRepository';
import {
  readCommitOrigin,
  readComparison,
  readDeployments,
  readPendingApprovals,
  readStatuses,
  readWaitingRuns,
} from '../github/deliveryReads';
import { DeliveryStore } from '../store/DeliveryStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Deployed SHAs whose origin (3 requests each) is read per repository and run, newest first: a
 * first backfill of a busy repository (the demo's payments-api has 120 production SHAs in 90
 * days) completes in one run, while a run stays within a few minutes; the rate-limit reserve
 * bounds the total across repositories.
 */
const COMMIT_LOOKUPS_PER_RUN = 200;
/** ETags unused this long belong to requests no longer made (finished deployments). */
const ETAG_RETENTION_MS = 7 * DAY_MS;

export interface ReconcileSettings {
  productionEnvironment: string;
  stagingEnvironment: string;
  /** How far back a first reconciliation reads deployments (and keeps re-reading open ones). */
  backfillDays: number;
}

export interface ReconcileOutcome {
  repositories: number;
  reconciled: number;
  /** Set when the run stopped at the rate-limit reserve; the rest goes first next run. */
  stoppedAtReserve?: string;
  failed: string[];
  requests: number;
}

/**
 * Backfills what webhooks missed, one repository after another (longest unreconciled first),
 * with conditional requests: an unchanged repository costs two 304 answers, which GitHub does
 * not count against the rate limit.
 */
export class DeliveryReconciler {
  constructor(
    private readonly api: GithubApi,
    private readonly store: DeliveryStore,
    private readonly settings: ReconcileSettings,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(repositories: GithubRepositoryRef[]): Promise<ReconcileOutcome> {
    const bySlug = new Map(repositories.map(r => [r.slug, r]));
    const order = await this.store.reconciliationOrder([...bySlug.keys()]);
    const requestsBefore = this.api.requests;
    const outcome: ReconcileOutcome = {
      repositories: order.length,
      reconciled: 0,
      failed: [],
      requests: 0,
    };
    for (const slug of order) {
      try {
        await this.reconcile(bySlug.get(slug)!);
        outcome.reconciled++;
      } catch (error) {
        if (error instanceof RateLimitReserveReached) {
          outcome.stoppedAtReserve = error.message;
          break;
        }
        outcome.failed.push(slug);
        this.logger.warn(
          `ZeroOps delivery: reconciling ${slug} failed: ${
            (error as Error).message
          }`,
        );
      }
    }
    await this.store.pruneEtags(
      new Date(this.now().getTime() - ETAG_RETENTION_MS),
    );
    outcome.requests = this.api.requests - requestsBefore;
    return outcome;
  }

  /** Reconciles one repository; exported for the webhook path's follow-up reads. */
  async reconcile(repo: GithubRepositoryRef): Promise<void> {
    const since = new Date(
      this.now().getTime() - this.settings.backfillDays * DAY_MS,
    );
    await this.deployments(repo, since);
    await this.approvals(repo);
    await this.stagingAhead(repo);
    await this.commits(repo, since);
    await this.store.touch(repo.slug, this.now(), { reconciled: true });
  }

  private async deployments(repo: GithubRepositoryRef, since: Date) {
    const key = 'deployments';
    const list = await readDeployments(this.api, repo, {
      since,
      etag: await this.store.etag(repo.slug, key),
    });
    if (list.modified) {
      for (const deployment of list.data) {
        await this.store.upsertDeployment(deployment);
      }
    }
    for (const id of await this.store.openDeployments(repo.slug, since)) {
      const statusKey = `deployments/${id}/statuses`;
      const statuses = await readStatuses(
        this.api,
        repo,
        id,
        await this.store.etag(repo.slug, statusKey),
      );
      if (!statuses.modified) continue;
      for (const status of statuses.data) {
        await this.store.applyStatus(repo.slug, id, status);
      }
      if (statuses.etag) {
        await this.store.saveEtag(repo.slug, statusKey, statuses.etag);
      }
    }
    // Saved last: a run stopped half-way reads the list again instead of trusting a 304.
    if (list.modified && list.etag) {
      await this.store.saveEtag(repo.slug, key, list.etag);
    }
  }

  private async approvals(repo: GithubRepositoryRef) {
    const key = 'actions/runs?status=waiting';
    const runs = await readWaitingRuns(
      this.api,
      repo,
      await this.store.etag(repo.slug, key),
    );
    if (!runs.modified) return;
    const approvals = [];
    for (const run of runs.data) {
      approvals.push(...(await readPendingApprovals(this.api, repo, run)));
    }
    await this.store.replacePendingApprovals(repo.slug, approvals);
    if (runs.etag) await this.store.saveEtag(repo.slug, key, runs.etag);
  }

  private async stagingAhead(repo: GithubRepositoryRef) {
    const states = await this.store.reader.environmentStates([repo.slug]);
    const shaOf = (environment: string) =>
      states.find(s => s.environment === environment)?.current?.sha;
    const productionSha = shaOf(this.settings.productionEnvironment);
    const stagingSha = shaOf(this.settings.stagingEnvironment);
    if (!productionSha || !stagingSha) return;
    const compared = await this.store.comparedShas(repo.slug);
    if (
      compared?.productionSha === productionSha &&
      compared.stagingSha === stagingSha
    ) {
      return;
    }
    const comparison =
      productionSha === stagingSha
        ? {
            commits: 0,
            compareUrl: `${repo.url}/compare/${productionSha}...${stagingSha}`,
          }
        : await readComparison(this.api, repo, productionSha, stagingSha);
    await this.store.saveStagingAhead(repo.slug, {
      productionSha,
      stagingSha,
      ...comparison,
      comparedAt: this.now().toISOString(),
    });
  }

  /** Lead time needs each production SHA's origin; staging shares most SHAs. */
  private async commits(repo: GithubRepositoryRef, since: Date) {
    const shas = await this.store.unresolvedShas(
      repo.slug,
      this.settings.productionEnvironment,
      since,
    );
    for (const sha of shas.slice(0, COMMIT_LOOKUPS_PER_RUN)) {
      const origin = await readCommitOrigin(this.api, repo, sha);
      await this.store.upsertCommit(repo.slug, sha, {
        ...origin,
        resolved: true,
      });
    }
  }
}
