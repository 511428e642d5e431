/**
 * Checks of a generated repository tree. Each returns a list of problems (empty when the tree
 * is fine), each naming the file, so a failing test says exactly what is wrong.
 */
import {
  Entity,
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { PINNED_ACTIONS } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import {
  explainInvalidServiceName,
  ZEROOPS_TERRAFORM_MODULES_REF,
} from '@zeroops/backstage-plugin-zeroops-common';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import {
  findFiles,
  loadTerraformModule,
  parseHclFile,
} from '../../terraform/lib/hcl';
import {
  moduleSourceRef,
  resolveModuleSource,
} from '../../terraform/lib/module-source';
import { validateTerraformDirectory } from '../../terraform/lib/validate-directory';
import { MODULES_DIR } from './backend';

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

/** Every .tf/.hcl parses; every folder of .tf files validates against the provider schema and our modules. */
export async function checkTerraform(
  root: string,
): Promise<{ problems: string[]; moduleCalls: number }> {
  const problems: string[] = [];
  let moduleCalls = 0;
  const files = await findFiles(root, ['.tf', '.hcl']);
  for (const file of files) {
    try {
      await parseHclFile(file, await fs.readFile(file, 'utf8'));
    } catch (error) {
      problems.push(
        `${path.relative(root, file)}: does not parse: ${String(error)}`,
      );
    }
  }
  const dirs = [
    ...new Set(files.filter(f => f.endsWith('.tf')).map(f => path.dirname(f))),
  ];
  for (const dir of dirs) {
    const findings = await validateTerraformDirectory(dir, {
      modulesRoot: MODULES_DIR,
      relativeTo: root,
    });
    problems.push(
      ...findings.map(f => `${f.location} ${f.address ?? ''}: ${f.message}`),
    );
    const module = await loadTerraformModule(dir);
    for (const call of module.moduleCalls) {
      moduleCalls += 1;
      const source = String(call.body.source);
      const target = resolveModuleSource(source, dir, MODULES_DIR);
      const ref = moduleSourceRef(source);
      if (!target || !(await fs.stat(target).catch(() => undefined))) {
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} is not one of our modules`,
        );
      }
      if (
        !ref ||
        !/^((terraform-modules\/)?v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(ref)
      ) {
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} is not pinned to a tag or commit`,
        );
      } else if (ref !== ZEROOPS_TERRAFORM_MODULES_REF) {
        // The templates pin no version of their own: the release tag comes from the scaffolder
        // module (zeroops-common's ZEROOPS_TERRAFORM_MODULES_VERSION).
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} pins ${ref} instead of ${ZEROOPS_TERRAFORM_MODULES_REF}, the modules released with the scaffolder module`,
        );
      }
    }
  }
  return { problems, moduleCalls };
}

/** The shellcheck binary: on the PATH, or installed from Debian when running as root. */
export function findShellcheck(): string {
  const which = spawnSync('sh', ['-c', 'command -v shellcheck'], {
    encoding: 'utf8',
  });
  if (which.status === 0) return which.stdout.trim();
  if (process.getuid?.() === 0) {
    execFileSync('sh', [
      '-c',
      'apt-get install -y -qq shellcheck >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq shellcheck >/dev/null 2>&1)',
    ]);
    return 'shellcheck';
  }
  throw new Error('shellcheck is not installed: apt-get install shellcheck');
}

/**
 * shellcheck on every script. `requireExecutable` is off for dry runs: the dry-run endpoint
 * receives files without their mode, so only a real task shows the executable bits.
 */
export async function checkShellScripts(
  root: string,
  shellcheck: string,
  options: { requireExecutable: boolean },
): Promise<{ problems: string[]; scripts: string[] }> {
  const problems: string[] = [];
  const candidates = (await findFiles(root, [''])).filter(
    f => !f.includes(`${path.sep}.git${path.sep}`),
  );
  const scripts: string[] = [];
  for (const file of candidates) {
    const head = (await fs.readFile(file, 'utf8')).slice(0, 64);
    if (file.endsWith('.sh') || /^#!.*\b(ba)?sh\b/.test(head))
      scripts.push(file);
  }
  for (const script of scripts) {
    const relative = path.relative(root, script);
    const result = spawnSync(
      shellcheck,
      ['--severity=info', '--external-sources', script],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0)
      problems.push(`${relative}:\n${result.stdout}${result.stderr}`);
    const mode = (await fs.stat(script)).mode;
    if (options.requireExecutable && !(mode & 0o100))
      problems.push(`${relative}: not executable`);
  }
  return { problems, scripts: scripts.map(s => path.relative(root, s)) };
}

const entityPolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

export async function checkCatalogInfo(
  root: string,
  serviceName: string,
): Promise<{ problems: string[]; entity?: Entity }> {
  const problems: string[] = [];
  const text = await fs.readFile(path.join(root, 'catalog-info.yaml'), 'utf8');
  const documents = yaml.parseAllDocuments(text).map(d => d.toJS() as Entity);
  if (documents.length !== 1)
    problems.push(
      `catalog-info.yaml: expected one entity, found ${documents.length}`,
    );
  const entity = documents[0];
  try {
    const checked = await entityPolicies.enforce(entity);
    if (!checked)
      problems.push('catalog-info.yaml: rejected by the entity policies');
    if (!(await componentEntityV1alpha1Validator.check(entity)))
      problems.push('catalog-info.yaml: not a valid Component');
  } catch (error) {
    problems.push(`catalog-info.yaml: ${String(error)}`);
  }
  const annotation = entity?.metadata?.annotations?.['zeroops.io/service-name'];
  if (annotation !== serviceName)
    problems.push(
      `catalog-info.yaml: zeroops.io/service-name is "${annotation}", expected "${serviceName}"`,
    );
  const invalid = explainInvalidServiceName(String(annotation));
  if (invalid && annotation !== 'zeroops-platform')
    problems.push(`catalog-info.yaml: service name ${invalid}`);
  if (!entity?.spec?.owner) problems.push('catalog-info.yaml: no owner');
  return { problems, entity };
}

const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['AWS secret access key', /aws_secret_access_key\s*[:=]\s*\S{20,}/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  [
    'GitHub token',
    /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})\b/,
  ],
  ['Slack token', /\bxox[baprs]-[A-Za-z0-9-]{10,}/],
  [
    'hard-coded credential',
    /\b(password|passwd|secret|api[_-]?key|token)\b["']?\s*[:=]\s*["'](?![$({<])[^"'\s]{12,}["']/i,
  ],
];

export async function scanForSecrets(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await findFiles(root, [''])) {
    const relative = path.relative(root, file);
    if (relative.split(path.sep).includes('.git')) continue;
    if (/(^|\/)\.env(\..*)?$/.test(relative))
      problems.push(`${relative}: .env file in the repository`);
    const text = await fs.readFile(file, 'utf8');
    for (const [name, pattern] of SECRET_PATTERNS) {
      const match = pattern.exec(text);
      if (match)
        problems.push(
          `${relative}: looks like a ${name}: ${match[0].slice(0, 40)}`,
        );
    }
  }
  return problems;
}
