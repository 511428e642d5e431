/*
 * Seeds the bench database in bulk: the rows the store's write path (upsertDeployment,
 * applyStatus, markRolledBack, upsertCommit, touch and the environment heads) would leave, built
 * in memory and written with multi-row inserts in one transaction per batch of repositories.
 * One statement per status took 6–7 minutes per database; this takes seconds.
 */
import { Knex } from 'knex';
import {
  FAILED_STATES,
  RUNNING_STATES,
  TABLES,
} from '../../src/delivery/store/rows';
import { seededRandom } from '../../src/__testUtils__/seededRandom';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Rows per INSERT: 500 deployments × 15 columns stays under both databases' bind limits. */
const BATCH = 500;

const hex = (n: number) => n.toString(16).padStart(40, '0');

type State = 'success' | 'failure' | 'error' | 'inactive' | 'rolled_back';

interface DeploymentRow {
  repository: string;
  deployment_id: number;
  environment: string;
  sha: string;
  ref: string;
  state: State;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  status_id: number;
  ecs_service_deployment_arn: string | null;
  rollback_reason: string | null;
}

interface SeededRepository {
  deployments: DeploymentRow[];
  commits: Array<Record<string, unknown>>;
}

/**
 * One repository's history: per day about `changesPerDay` changes, each with (70 %) a
 * pull-request preview, a staging and a production deployment; 9 % of production rollouts fail
 * (half re-run the commit, half ship a hotfix), 3 % succeed on GitHub and are rolled back by
 * the ECS alarm, then hotfixed.
 */
export function generateRepository(
  repository: string,
  options: { days: number; changesPerDay: number; now: number; seed: number },
): SeededRepository {
  const rnd = seededRandom(options.seed);
  const deployments: DeploymentRow[] = [];
  const commits: Array<Record<string, unknown>> = [];
  let deploymentId = 1;
  let statusId = 1;
  let sha = options.seed * 1_000_000;
  // What applyStatus leaves after the statuses in order: the newest sets state and
  // updated_at; the first success/failure/error is finished_at; inactive keeps a failure.
  const deploy = (
    environment: string,
    commit: number,
    at: number,
    states: Array<'success' | 'failure' | 'inactive'>,
    arn?: string,
  ) => {
    let t = at;
    let state: State | 'pending' = 'pending';
    let finished: number | null = null;
    for (const next of states) {
      t += (5 + rnd() * 10) * MINUTE;
      if (!(next === 'inactive' && state === 'failure')) state = next;
      if (next !== 'inactive' && finished === null) finished = t;
    }
    const row: DeploymentRow = {
      repository,
      deployment_id: deploymentId++,
      environment,
      sha: hex(commit),
      ref: 'main',
      state: state as State,
      created_at: new Date(at),
      updated_at: new Date(t),
      finished_at: finished === null ? null : new Date(finished),
      status_id: (statusId += states.length) - 1,
      ecs_service_deployment_arn: arn ?? null,
      rollback_reason: null,
    };
    deployments.push(row);
    return { row, finishedAt: t };
  };
  const start = options.now - options.days * DAY;
  for (let day = 0; day < options.days; day++) {
    // As many slots as twice the rate, each taken with the matching chance: mean = rate.
    const slots = Math.ceil(options.changesPerDay * 2);
    let changes = 0;
    for (let s = 0; s < slots; s++) {
      if (rnd() < options.changesPerDay / slots) changes++;
    }
    for (let c = 0; c < changes; c++) {
      const commit = ++sha;
      const commitAt = start + day * DAY + rnd() * 20 * HOUR;
      const fromPullRequest = rnd() < 0.7;
      commits.push({
        repository,
        sha: hex(commit),
        commit_at: new Date(commitAt),
        pr_first_commit_at: fromPullRequest
          ? new Date(commitAt - rnd() * 6 * HOUR)
          : null,
        pull_request: fromPullRequest ? commit % 10_000 : null,
        resolved: true,
      });
      if (fromPullRequest) {
        deploy(`pr-${commit % 10_000}`, commit, commitAt - HOUR, [
          'success',
          'inactive',
        ]);
      }
      const staged = deploy('staging', commit, commitAt, ['success']);
      const roll = rnd();
      const arn = `arn:aws:ecs:us-east-1:111111111111:service-deployment/zeroops-production/svc/${repository.replace(
        /\W/g,
        '',
      )}${commit}`;
      const failed = roll >= 0.88 && roll < 0.97;
      const production = deploy(
        'production',
        commit,
        staged.finishedAt + 10 * MINUTE,
        [failed ? 'failure' : 'success'],
        arn,
      );
      if (roll >= 0.97) {
        production.row.state = 'rolled_back';
        production.row.rollback_reason = 'alarm';
      }
      if (roll >= 0.88) {
        const fix = roll < 0.925 ? commit : ++sha;
        deploy('production', fix, production.finishedAt + 15 * MINUTE, [
          'success',
        ]);
      }
    }
  }
  return { deployments, commits };
}

/** The head rows refreshEnvironmentHead keeps, from all of a repository's deployments. */
function environmentHeads(deployments: readonly DeploymentRow[]) {
  const byEnvironment = new Map<string, DeploymentRow[]>();
  for (const d of deployments) {
    const list = byEnvironment.get(d.environment) ?? [];
    list.push(d);
    byEnvironment.set(d.environment, list);
  }
  return [...byEnvironment.values()].map(list => {
    const newestFirst = [...list].sort(
      (a, b) =>
        b.created_at.getTime() - a.created_at.getTime() ||
        b.deployment_id - a.deployment_id,
    );
    const newest = (states?: readonly string[]) =>
      newestFirst.find(d => !states || states.includes(d.state))
        ?.deployment_id ?? null;
    return {
      repository: list[0].repository,
      environment: list[0].environment,
      newest_id: newestFirst[0].deployment_id,
      newest_state: newestFirst[0].state,
      current_id: newest(['success']),
      in_progress_id: newest(RUNNING_STATES),
      last_failure_id: newest(FAILED_STATES),
    };
  });
}

/** Writes generated repositories; returns the number of deployments written. */
export async function seedRepositories(
  knex: Knex,
  repositories: ReadonlyArray<{ repository: string; seeded: SeededRepository }>,
  now: number,
): Promise<number> {
  let written = 0;
  // Transactions of about 20 repositories: a failure leaves little behind, and no single
  // transaction holds tens of thousands of rows.
  for (let i = 0; i < repositories.length; i += 20) {
    const group = repositories.slice(i, i + 20);
    await knex.transaction(async trx => {
      const insert = async (table: string, rows: object[]) => {
        for (let r = 0; r < rows.length; r += BATCH) {
          await trx(table).insert(rows.slice(r, r + BATCH));
        }
      };
      await insert(
        TABLES.deployments,
        group.flatMap(g => g.seeded.deployments),
      );
      await insert(
        TABLES.commits,
        group.flatMap(g => g.seeded.commits),
      );
      await insert(
        TABLES.environments,
        group.flatMap(g => environmentHeads(g.seeded.deployments)),
      );
      await insert(
        TABLES.repositories,
        group.map(g => ({
          repository: g.repository,
          last_synced_at: new Date(now),
        })),
      );
    });
    written += group.reduce((n, g) => n + g.seeded.deployments.length, 0);
  }
  return written;
}
