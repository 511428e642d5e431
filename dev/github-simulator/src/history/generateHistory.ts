import type {
  SimPullRequest,
  SimUser,
  SimWorkflowRun,
} from '../model/types.ts';
import { sequenceFrom } from '../random.ts';
import { type HistoryBuilder, branchSlug } from './HistoryBuilder.ts';
import { ENGINEERS, type Person, RELEASE_MANAGERS } from './people.ts';
import type { DeliveryProfile } from './profiles.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const TOPICS = [
  'retry idempotent requests',
  'tighten input validation',
  'cache exchange rates',
  'upgrade the HTTP client',
  'add structured logging',
  'paginate the listing',
  'speed up checkout query',
  'handle timeouts from the ledger',
  'rename settlement fields',
  'expose health details',
  'trim the container image',
  'reduce cold start time',
];
const VERBS = ['Fix', 'Add', 'Improve', 'Refactor', 'Update'];

type Event =
  | { at: number; kind: 'change' }
  | { at: number; kind: 'release' }
  | { at: number; kind: 'restore'; failedRun: SimWorkflowRun; title: string };

/** Where a generated history left each environment: the start of a scripted tail. */
export interface HistoryEnd {
  productionSha?: string;
  stagingSha?: string;
  /** Runs that deployed staging and still wait for production approval, oldest first. */
  waitingRuns: SimWorkflowRun[];
}

export interface GenerateOptions {
  profile: DeliveryProfile;
  from: Date;
  until: Date;
  /** Pull request numbers taken by scripted pull requests. */
  nextPullNumber: () => number;
  /** Changes the team makes on weekends, as a share of a working day's. */
  weekendShare?: number;
}

/**
 * Rolls a repository's delivery history change by change, in time order: pull requests (some
 * deployed to `pr-<n>`), direct pushes, staging rollouts, production releases that wait for a
 * reviewer, failures and their restores — a re-run of the same commit, a revert or a hotfix
 * straight to production.
 */
export function generateHistory(
  builder: HistoryBuilder,
  options: GenerateOptions,
): HistoryEnd {
  const { profile } = options;
  const random = sequenceFrom(`${builder.state.fullName}/history`);
  const between = ([low, high]: [number, number]) =>
    low + (high - low) * random();
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)];
  const team = ENGINEERS.filter(() => random() < 0.6);
  const authors = team.length >= 2 ? team : ENGINEERS.slice(0, 3);
  const end: HistoryEnd = { waitingRuns: [] };
  let stagingGood: { sha: string; run: SimWorkflowRun } | undefined;
  let lastTitle = 'Initial commit';

  builder.push(
    new Date(options.from.getTime() - DAY),
    authors[0],
    'Initial commit',
  );

  const deployStaging = (run: SimWorkflowRun, sha: string, at: number) => {
    const failed = random() < profile.stagingFailureRate;
    const minutes = between(profile.rolloutMinutes);
    builder.deploy({
      environment: 'staging',
      sha,
      branch: run.headBranch,
      at: new Date(at),
      minutes,
      outcome: failed ? 'failure' : 'success',
      run,
    });
    const doneAt = new Date(at + minutes * MINUTE);
    if (failed) {
      builder.finishRun(run, doneAt, 'failure');
      return;
    }
    builder.waitForApproval(run, 'production', doneAt);
    end.waitingRuns.push(run);
    stagingGood = { sha, run };
    end.stagingSha = sha;
  };

  const openPullRequest = (
    mergeAt: number,
    author: Person,
    title: string,
  ): SimPullRequest => {
    const number = options.nextPullNumber();
    const first = mergeAt - between(profile.leadHours) * HOUR;
    const commitCount = 1 + Math.floor(random() * 3);
    const times = Array.from(
      { length: commitCount },
      (_, i) => new Date(first + ((mergeAt - first) * i * 0.8) / commitCount),
    );
    const pull = builder.pullRequest({
      number,
      author,
      title,
      commitTimes: times,
    });
    if (random() < profile.previewRate) {
      const head = pull.commits[pull.commits.length - 1];
      const at = times[times.length - 1].getTime() + 2 * MINUTE;
      const run = builder.startRun({
        preview: true,
        event: 'pull_request',
        sha: head,
        branch: pull.headRef,
        at: new Date(at),
        actor: author.user,
        pulls: [number],
      });
      const minutes = between(profile.rolloutMinutes);
      builder.deploy({
        environment: builder.pullRequestEnvironment(number),
        sha: head,
        branch: pull.headRef,
        at: new Date(at + MINUTE),
        minutes,
        outcome: 'success',
        run,
      });
      builder.finishRun(run, new Date(at + (minutes + 1) * MINUTE), 'success');
    }
    return pull;
  };

  /** A change lands on main (pushed straight, or a pull request merged) and deploys to staging. */
  const change = (at: number, author: Person, title: string) => {
    lastTitle = title;
    let landed: { sha: string; actor: SimUser };
    if (random() < profile.directPushRate) {
      landed = {
        sha: builder.push(new Date(at), author, title).sha,
        actor: author.user,
      };
    } else {
      const pull = openPullRequest(at, author, title);
      const merged = builder.merge(pull, new Date(at), pick(authors));
      landed = { sha: merged.sha, actor: pull.user };
    }
    const run = builder.startRun({
      event: 'push',
      sha: landed.sha,
      branch: 'main',
      at: new Date(at + MINUTE),
      actor: landed.actor,
    });
    deployStaging(run, landed.sha, at + 2 * MINUTE);
  };

  const queue: Event[] = [];
  const release = (at: number) => {
    if (!stagingGood || stagingGood.sha === end.productionSha) return;
    const { sha, run } = stagingGood;
    for (const waiting of end.waitingRuns) {
      if (waiting !== run)
        builder.finishRun(waiting, new Date(at), 'cancelled');
    }
    end.waitingRuns = [];
    const failed = random() < profile.productionFailureRate;
    const minutes = between(profile.rolloutMinutes);
    run.status = 'in_progress';
    run.pendingDeployments = [];
    builder.deploy({
      environment: 'production',
      sha,
      branch: 'main',
      at: new Date(at),
      minutes,
      outcome: failed ? 'failure' : 'success',
      run,
    });
    const doneAt = at + minutes * MINUTE;
    builder.finishRun(run, new Date(doneAt), failed ? 'failure' : 'success');
    if (failed) {
      const restoreAt = doneAt + between(profile.restoreMinutes) * MINUTE;
      insert(queue, {
        at: restoreAt,
        kind: 'restore',
        failedRun: run,
        title: lastTitle,
      });
    } else {
      end.productionSha = sha;
    }
  };

  const restore = (at: number, failedRun: SimWorkflowRun, title: string) => {
    const dice = random();
    const reviewer = pick(RELEASE_MANAGERS);
    if (dice < 0.4) {
      // A flaky rollout: the same run, the same commit, attempt 2.
      builder.rerun(failedRun, new Date(at), reviewer);
      const minutes = between(profile.rolloutMinutes);
      builder.deploy({
        environment: 'production',
        sha: failedRun.headSha,
        branch: 'main',
        at: new Date(at),
        minutes,
        outcome: 'success',
        run: failedRun,
      });
      builder.finishRun(failedRun, new Date(at + minutes * MINUTE), 'success');
      end.productionSha = failedRun.headSha;
      return;
    }
    if (dice < 0.75) {
      change(at, pick(authors), `Revert "${title}"`);
      release(at + (profile.rolloutMinutes[1] + 3) * MINUTE);
      return;
    }
    const author = pick(authors);
    const branch = `hotfix/${branchSlug(title).slice(0, 40)}`;
    const commit = builder.commit({
      at: new Date(at - 15 * MINUTE),
      author,
      message: `Hotfix: ${title}`,
      onMainline: false,
      parent: end.productionSha ?? builder.state.headOfMainline(),
    });
    const run = builder.startRun({
      event: 'workflow_dispatch',
      sha: commit.sha,
      branch,
      at: new Date(at),
      actor: author.user,
    });
    const minutes = between(profile.rolloutMinutes);
    builder.deploy({
      environment: 'production',
      sha: commit.sha,
      branch,
      at: new Date(at + MINUTE),
      minutes,
      outcome: 'success',
      run,
    });
    builder.finishRun(run, new Date(at + (minutes + 1) * MINUTE), 'success');
    end.productionSha = commit.sha;
  };

  const until = options.until.getTime();
  for (let day = startOfDay(options.from); day < until; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const scale = weekend ? options.weekendShare ?? 0.05 : 1;
    for (let i = count(profile.changesPerDay * scale, random); i > 0; i--) {
      insert(queue, { at: day + (7 + 11 * random()) * HOUR, kind: 'change' });
    }
    for (let i = count(profile.releasesPerDay * scale, random); i > 0; i--) {
      insert(queue, { at: day + (9 + 8 * random()) * HOUR, kind: 'release' });
    }
    // Restores scheduled past midnight wait in the queue for their day.
    while (queue.length > 0 && queue[0].at < Math.min(day + DAY, until)) {
      const event = queue.shift()!;
      if (event.kind === 'change') {
        change(event.at, pick(authors), `${pick(VERBS)} ${pick(TOPICS)}`);
      } else if (event.kind === 'release') {
        release(event.at);
      } else {
        restore(event.at, event.failedRun, event.title);
      }
    }
  }
  return end;
}

function startOfDay(date: Date): number {
  return Math.floor(date.getTime() / DAY) * DAY;
}

/** A whole number of events with the given mean: busy days and quiet days. */
function count(mean: number, random: () => number): number {
  const base = Math.floor(mean);
  const extra = random() < mean - base ? 1 : 0;
  if (base === 0) return extra;
  const dice = random();
  if (dice < 0.25) return base + extra + 1;
  if (dice > 0.75) return base + extra - 1;
  return base + extra;
}

function insert(queue: Event[], event: Event): void {
  const index = queue.findIndex(e => e.at > event.at);
  if (index < 0) queue.push(event);
  else queue.splice(index, 0, event);
}
