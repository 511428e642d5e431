import { serviceDeploymentArn } from '../contract.ts';
import type { GithubStore } from '../model/GithubStore.ts';
import type { SimWorkflowRun } from '../model/types.ts';
import { HistoryBuilder } from './HistoryBuilder.ts';
import { AWS_DEMO_ROLLOUTS, type AwsRollout } from './awsDemoRollouts.ts';
import { generateHistory } from './generateHistory.ts';
import { ENGINEERS, RELEASE_MANAGERS } from './people.ts';
import { DELIVERY_PROFILES, type DeliveryProfile } from './profiles.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A merged change's workflow reaches its staging deployment two minutes after the merge. */
const STAGED_AFTER_MINUTES = 2;

/** The demo organisation (catalog/*.yaml `github.com/project-slug`). @public */
export const DEMO_OWNER = 'zeroops-demo';

/** Six months of history, so the 7, 30 and 90 day windows always have data. */
export const DEMO_HISTORY_DAYS = 183;

interface DemoRepository {
  name: string;
  description: string;
  language: string;
  profile: DeliveryProfile;
  /** A long-lived pull request the AWS scenario runs as `pr-<n>`. */
  previewPull: number;
  tail: (tail: DemoTail) => void;
}

/**
 * The end of a demo history, written step by step so that it meets the AWS scenario: the same
 * SHAs, ECS deployment ARNs and start times.
 */
class DemoTail {
  readonly builder: HistoryBuilder;
  readonly now: number;
  readonly waiting: SimWorkflowRun[];

  constructor(builder: HistoryBuilder, now: number, waiting: SimWorkflowRun[]) {
    this.builder = builder;
    this.now = now;
    this.waiting = waiting;
  }

  ago(minutes: number): Date {
    return new Date(this.now - minutes * MINUTE);
  }

  arn(environment: string, rollout: AwsRollout): string {
    return serviceDeploymentArn(
      this.builder.service,
      environment.startsWith('production')
        ? 'production'
        : environment.replace(/-failed$/, ''),
      rollout.serviceDeploymentId,
    );
  }

  /** Reviewers reject the production job of runs a newer build superseded. */
  rejectWaiting(at: Date): void {
    for (const run of this.waiting.splice(0)) {
      this.builder.finishRun(run, at, 'cancelled');
    }
  }

  /** A merged pull request (`sha` pinned when given) deployed to staging `stageAfter` minutes later. */
  mergeAndStage(input: {
    mergedAgo: number;
    title: string;
    sha?: string;
    stagingArn?: string;
    outcome?: 'success' | 'failure';
    rolloutMinutes?: number;
  }): SimWorkflowRun {
    const b = this.builder;
    const author = ENGINEERS[(input.title.length * 7) % ENGINEERS.length];
    const mergedAt = this.ago(input.mergedAgo);
    const pull = b.pullRequest({
      number: this.nextPull(),
      author,
      title: input.title,
      commitTimes: [
        new Date(mergedAt.getTime() - 95 * MINUTE),
        new Date(mergedAt.getTime() - 30 * MINUTE),
      ],
    });
    const commit = b.merge(pull, mergedAt, ENGINEERS[5], input.sha);
    const run = b.startRun({
      event: 'push',
      sha: commit.sha,
      branch: 'main',
      at: new Date(mergedAt.getTime() + MINUTE),
      actor: pull.user,
    });
    const minutes = input.rolloutMinutes ?? 7;
    const stagedAt = new Date(
      mergedAt.getTime() + STAGED_AFTER_MINUTES * MINUTE,
    );
    b.deploy({
      environment: 'staging',
      sha: commit.sha,
      branch: 'main',
      at: stagedAt,
      minutes,
      outcome: input.outcome ?? 'success',
      run,
      ecsArn: input.stagingArn,
    });
    const doneAt = new Date(stagedAt.getTime() + minutes * MINUTE);
    if (input.outcome === 'failure') {
      b.finishRun(run, doneAt, 'failure');
    } else {
      this.rejectWaiting(doneAt);
      b.waitForApproval(run, 'production', doneAt);
      this.waiting.push(run);
    }
    return run;
  }

  /**
   * The change behind one of the AWS scenario's staging rollouts: merged so that its staging
   * deployment starts when the rollout did, with the rollout's SHA and ECS deployment.
   */
  stageAwsRollout(
    environment: 'staging' | 'staging-failed',
    rollout: AwsRollout,
    title: string,
    options: { outcome?: 'success' | 'failure'; rolloutMinutes?: number } = {},
  ): SimWorkflowRun {
    return this.mergeAndStage({
      mergedAgo: rollout.agoMinutes + STAGED_AFTER_MINUTES,
      title,
      sha: rollout.sha,
      stagingArn: this.arn(environment, rollout),
      ...options,
    });
  }

  /** The reviewer approves: `run`'s production job deploys its SHA (and fails, when told). */
  release(
    run: SimWorkflowRun,
    agoMinutes: number,
    arn: string,
    outcome: 'success' | 'failure' = 'success',
  ): void {
    const b = this.builder;
    this.waiting.splice(this.waiting.indexOf(run), 1);
    this.rejectWaiting(this.ago(agoMinutes));
    run.status = 'in_progress';
    run.pendingDeployments = [];
    b.deploy({
      environment: 'production',
      sha: run.headSha,
      branch: 'main',
      at: this.ago(agoMinutes),
      minutes: 8,
      outcome,
      run,
      ecsArn: arn,
    });
    b.finishRun(run, this.ago(agoMinutes - 8), outcome);
  }

  /** The long-lived pull request's newest push, deployed to its preview environment. */
  preview(number: number, rollout: AwsRollout, title: string): void {
    const b = this.builder;
    const author = ENGINEERS[2];
    const deployedAt = this.ago(rollout.agoMinutes);
    const pull = b.pullRequest({
      number,
      author,
      title,
      commitTimes: [
        this.ago((DEMO_HISTORY_DAYS - 2) * 24 * 60),
        this.ago(rollout.agoMinutes + 3 * 24 * 60),
        this.ago(rollout.agoMinutes + 4),
      ],
      headSha: rollout.sha,
    });
    const run = b.startRun({
      preview: true,
      event: 'pull_request',
      sha: rollout.sha,
      branch: pull.headRef,
      at: this.ago(rollout.agoMinutes + 1),
      actor: author.user,
      pulls: [number],
    });
    const environment = b.pullRequestEnvironment(number);
    b.deploy({
      environment,
      sha: rollout.sha,
      branch: pull.headRef,
      at: deployedAt,
      minutes: 6,
      outcome: 'success',
      run,
      ecsArn: this.arn(environment, rollout),
    });
    b.finishRun(run, this.ago(rollout.agoMinutes - 6), 'success');
  }

  nextPull: () => number = () => 0;
}

const DEMO_REPOSITORIES: DemoRepository[] = [
  {
    name: 'payments-api',
    description: 'Payments API: authorisations, captures and refunds',
    language: 'TypeScript',
    profile: DELIVERY_PROFILES.elite,
    previewPull: 7,
    tail: t => {
      const aws = AWS_DEMO_ROLLOUTS['payments-api'];
      t.preview(7, aws['pr-7'], 'Support partial refunds');
      // The demo's recent incident: a release whose production rollout failed, restored 50
      // minutes later by the next release, so the DORA card has a time to restore in every
      // window (the generated history alone may have no failure in the last 30 days).
      const failed = t.mergeAndStage({
        mergedAgo: aws.production.agoMinutes + 90,
        title: 'Tighten capture timeouts',
      });
      t.release(
        failed,
        aws.production.agoMinutes + 50,
        t.arn('production', {
          ...aws.production,
          serviceDeploymentId: '9f3c1d2e7a6b5c4d3e2f1a',
        }),
        'failure',
      );
      const released = t.mergeAndStage({
        mergedAgo: aws.production.agoMinutes + 40,
        title: 'Add idempotency keys to captures',
        sha: aws.production.sha,
      });
      t.release(
        released,
        aws.production.agoMinutes,
        t.arn('production', aws.production),
      );
      t.mergeAndStage({
        mergedAgo: aws.production.agoMinutes - 300,
        title: 'Log settlement batch sizes',
      });
      t.mergeAndStage({
        mergedAgo: aws.staging.agoMinutes + 600,
        title: 'Validate currency codes',
      });
      // Staged 36 hours ago and still waiting for a release manager: the demo's pending approval.
      t.stageAwsRollout(
        'staging',
        aws.staging,
        'Retry ledger writes on timeout',
      );
    },
  },
  {
    name: 'storefront-web',
    description: 'Storefront web application',
    language: 'TypeScript',
    profile: DELIVERY_PROFILES.medium,
    previewPull: 42,
    tail: t => {
      const aws = AWS_DEMO_ROLLOUTS['storefront-web'];
      const previous = aws['production-previous'];
      t.preview(42, aws['pr-42'], 'New product detail page');
      const released = t.mergeAndStage({
        mergedAgo: aws.staging.agoMinutes + 180,
        title: 'Lazy-load product images',
        sha: previous.sha,
      });
      t.mergeAndStage({
        mergedAgo: aws.staging.agoMinutes + 90,
        title: 'Update the checkout copy',
      });
      t.stageAwsRollout('staging', aws.staging, 'Move the cart to a drawer');
      t.waiting.unshift(released);
      t.release(released, previous.agoMinutes, t.arn('production', previous));
      // A regression in production: a hotfix branch straight to production, rolling out now.
      const b = t.builder;
      const hotfixAt = t.ago(aws.production.agoMinutes + 25);
      const branch = 'hotfix/checkout-button-regression';
      const commit = b.commit({
        at: hotfixAt,
        author: ENGINEERS[1],
        message: 'Hotfix: restore the checkout button',
        onMainline: false,
        parent: previous.sha,
        sha: aws.production.sha,
      });
      const run = b.startRun({
        event: 'workflow_dispatch',
        sha: commit.sha,
        branch,
        at: t.ago(aws.production.agoMinutes + 1),
        actor: RELEASE_MANAGERS[0],
      });
      b.deploy({
        environment: 'production',
        sha: commit.sha,
        branch,
        at: t.ago(aws.production.agoMinutes),
        minutes: 0,
        outcome: 'in_progress',
        run,
        ecsArn: t.arn('production', aws.production),
      });
    },
  },
  {
    name: 'orders-worker',
    description: 'Order fulfilment worker',
    language: 'Go',
    profile: DELIVERY_PROFILES.struggling,
    previewPull: 0,
    tail: t => {
      const aws = AWS_DEMO_ROLLOUTS['orders-worker'];
      const released = t.mergeAndStage({
        mergedAgo: aws.production.agoMinutes + 200,
        title: 'Batch fulfilment messages',
        sha: aws.production.sha,
        rolloutMinutes: 18,
      });
      t.release(
        released,
        aws.production.agoMinutes,
        t.arn('production', aws.production),
      );
      t.mergeAndStage({
        mergedAgo: 7000,
        title: 'Upgrade the queue client',
        rolloutMinutes: 20,
      });
      t.mergeAndStage({
        mergedAgo: 4000,
        title: 'Parse shipping addresses',
        sha: aws.staging.sha,
        rolloutMinutes: 22,
      });
      t.rejectWaiting(t.ago(3000));
      // Out of memory in staging: the ECS circuit breaker rolled it back 36 minutes ago.
      t.stageAwsRollout(
        'staging-failed',
        aws['staging-failed'],
        'Load the whole order history in memory',
        { outcome: 'failure', rolloutMinutes: 12 },
      );
    },
  },
];

/** Builds the demo organisation's repositories into the store. */
export function buildDemoHistory(
  store: GithubStore,
  now: Date,
  htmlBaseUrl: string,
): void {
  for (const demo of DEMO_REPOSITORIES) {
    const state = store.addRepository({
      owner: { login: DEMO_OWNER, id: 90_000_001, type: 'Organization' },
      name: demo.name,
      description: demo.description,
      language: demo.language,
      defaultBranch: 'main',
      createdAt: new Date(now.getTime() - (DEMO_HISTORY_DAYS + 30) * DAY),
      private: true,
    });
    const builder = new HistoryBuilder(
      store,
      state,
      `demo/${demo.name}`,
      htmlBaseUrl,
    );
    const rollouts: Record<string, AwsRollout> =
      AWS_DEMO_ROLLOUTS[demo.name as keyof typeof AWS_DEMO_ROLLOUTS];
    const oldest = Math.max(...Object.values(rollouts).map(r => r.agoMinutes));
    const cutoff = new Date(now.getTime() - (oldest + 6 * 60) * MINUTE);
    let pull = 0;
    const nextPull = () => {
      pull += 1;
      if (pull === demo.previewPull) pull += 1;
      return pull;
    };
    const end = generateHistory(builder, {
      profile: demo.profile,
      from: new Date(now.getTime() - DEMO_HISTORY_DAYS * DAY),
      until: cutoff,
      nextPullNumber: nextPull,
    });
    const tail = new DemoTail(builder, now.getTime(), end.waitingRuns);
    tail.nextPull = nextPull;
    tail.rejectWaiting(cutoff);
    demo.tail(tail);
  }
}
