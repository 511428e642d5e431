/** Checks of a generated repository's GitHub workflows: pinning, permissions, fork safety, scripts. */
import { PINNED_ACTIONS } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  concurrency?: unknown;
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const SAME_REPOSITORY =
  'github.event.pull_request.head.repo.full_name == github.repository';
const PR_NUMBER_CHECK = '^[1-9][0-9]{0,4}$';

const environmentName = (job: Job) =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;
const assumesAwsRole = (job: Job) =>
  (job.steps ?? []).some(s =>
    s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
  );
function needsOf(job: Job): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

export async function readWorkflows(root: string) {
  const dir = path.join(root, '.github/workflows');
  const names = (await fs.readdir(dir)).filter(f => /\.ya?ml$/.test(f)).sort();
  return Promise.all(
    names.map(async name => {
      const text = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, text, workflow: yaml.parse(text) as Workflow };
    }),
  );
}

/** Is this job (or a job it needs) guarded so that it never runs for a fork's pull request? */
function skipsForks(
  jobs: Record<string, Job>,
  id: string,
  seen = new Set<string>(),
): boolean {
  const job = jobs[id];
  if (!job || seen.has(id)) return false;
  seen.add(id);
  const condition = job.if ?? '';
  if (condition.includes(SAME_REPOSITORY)) return true;
  if (
    /github\.event_name\s*==\s*'(push|schedule|workflow_dispatch)'/.test(
      condition,
    )
  )
    return true;
  return needsOf(job).some(need => skipsForks(jobs, need, seen));
}

export async function checkWorkflows(root: string): Promise<string[]> {
  const problems: string[] = [];
  const pinned = new Map<string, string>(
    Object.values(PINNED_ACTIONS).map(a => [
      `${a.repository}@${a.sha}`,
      a.version,
    ]),
  );
  for (const { name, text, workflow } of await readWorkflows(root)) {
    const where = `.github/workflows/${name}`;
    // Syntax, expression types, SHA pins, permissions, dangerous triggers, concurrency and
    // template injection are upstream actionlint's and zizmor's (scenarioMatrix.test.ts,
    // test/fieldTools); these checks are the ZeroOps rules no standard tool knows.
    for (const match of text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)) {
      const [, uses, comment] = match;
      if (uses.startsWith('./')) continue;
      if (!pinned.has(uses))
        problems.push(`${where}: ${uses} is not in the PINNED_ACTIONS table`);
      else if (!comment.includes(`# ${pinned.get(uses)}`))
        problems.push(
          `${where}: ${uses} lacks its "# ${pinned.get(uses)}" comment`,
        );
    }
    const triggeredByPullRequest =
      'pull_request' in workflow.on || 'pull_request_target' in workflow.on;
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const at = `${where} job ${id}`;
      if (
        job.permissions === undefined ||
        typeof job.permissions === 'string'
      ) {
        problems.push(`${at}: permissions not declared per job`);
      }
      const permissions =
        typeof job.permissions === 'object' ? job.permissions : {};
      const aws = assumesAwsRole(job);
      if (aws && permissions['id-token'] !== 'write')
        problems.push(`${at}: assumes an AWS role without id-token: write`);
      if (!aws && permissions['id-token'] === 'write')
        problems.push(`${at}: id-token: write but assumes no AWS role`);
      if (aws && !environmentName(job))
        problems.push(
          `${at}: assumes an AWS role outside a GitHub environment (OIDC sub)`,
        );
      if (aws && triggeredByPullRequest && !skipsForks(workflow.jobs, id)) {
        problems.push(`${at}: reaches AWS for pull requests from forks`);
      }
      for (const step of job.steps ?? []) {
        if (
          step.uses?.startsWith('aws-actions/configure-aws-credentials@') &&
          JSON.stringify(step.with ?? {}).match(
            /aws-access-key-id|aws-secret-access-key/,
          )
        ) {
          problems.push(`${at}: stored AWS keys`);
        }
        if (
          step.run?.match(/\bterragrunt\s+destroy\b|\bterraform\s+destroy\b/)
        ) {
          const steps = job.steps ?? [];
          const guard = steps.findIndex(s => s.run?.includes(PR_NUMBER_CHECK));
          if (guard < 0 || guard > steps.indexOf(step) || guard > 0) {
            problems.push(
              `${at}: destroys without first refusing anything but pr-<n>`,
            );
          }
          if (!step['working-directory']?.endsWith('environments/ephemeral')) {
            problems.push(
              `${at}: destroys outside environments/ephemeral (${step['working-directory']})`,
            );
          }
          if (environmentName(job) !== 'ephemeral')
            problems.push(`${at}: destroys with a role other than ephemeral`);
          const checkout = steps.find(s =>
            s.uses?.startsWith('actions/checkout@'),
          );
          if (
            triggeredByPullRequest &&
            !String(checkout?.with?.ref ?? '').includes('base')
          ) {
            problems.push(
              `${at}: destroy checks out the merge ref instead of the base branch`,
            );
          }
        }
      }
    }
    const production = Object.entries(workflow.jobs).filter(
      ([, job]) => environmentName(job) === 'production',
    );
    const on = workflow.on as { push?: { branches?: string[] } };
    // Production deploys from main, and from hotfix/* through the same approval gate.
    const branches = on.push?.branches ?? [];
    const pushesMainOnly =
      branches.includes('main') &&
      branches.every(branch => branch === 'main' || branch === 'hotfix/*');
    for (const [id, job] of production) {
      const onlyPush =
        Object.keys(workflow.on).every(trigger => trigger === 'push') ||
        /github\.event_name\s*==\s*'push'/.test(job.if ?? '');
      if (!pushesMainOnly || !onlyPush) {
        problems.push(
          `${where} job ${id}: production deploys from something other than a push to main`,
        );
      }
    }
  }
  return problems;
}

/** Runs shellcheck on every `run:` script of the workflows (GitHub runs them with bash -e). */
export async function checkWorkflowScripts(
  root: string,
  shellcheck: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, workflow } of await readWorkflows(root)) {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (!step.run) continue;
        const result = spawnSync(
          shellcheck,
          ['--shell=bash', '--severity=info', '-'],
          { input: step.run, encoding: 'utf8' },
        );
        if (result.status !== 0)
          problems.push(
            `${name} job ${id} step "${step.name}":\n${result.stdout}`,
          );
      }
    }
  }
  return problems;
}
