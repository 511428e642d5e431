import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import {
  createActionTestContext,
  createWorkspace,
} from '../__testUtils__/actionTestContext';
import { createWorkflowsGenerateAction } from '../actions/workflowsGenerate';

interface Step {
  name: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: { name: string };
  concurrency?: { group: string };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: {
    push?: { branches?: string[] };
    pull_request?: unknown;
  };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/**
 * GitHub's branch filter: `*` matches anything but `/`, `**` anything. Other filter syntax is
 * refused so that a pattern this helper does not understand cannot make a test pass.
 */
function branchMatches(pattern: string, branch: string): boolean {
  if (/[?+[\]!]/.test(pattern)) {
    throw new Error(`unsupported branch filter syntax in ${pattern}`);
  }
  const source = pattern
    .split('**')
    .map(part =>
      part
        .split('*')
        .map(literal => literal.replace(/[.\\/^$|(){}]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(branch);
}

/** Does a push of `branch` start this workflow? */
function pushTriggers(workflow: Workflow, branch: string): boolean {
  const branches = workflow.on.push?.branches;
  if (!workflow.on.push) return false;
  return !branches || branches.some(pattern => branchMatches(pattern, branch));
}

async function generate(input: Record<string, unknown> = {}) {
  const action = createWorkflowsGenerateAction();
  const workspacePath = await createWorkspace();
  const { ctx } = createActionTestContext(action, {
    workspacePath,
    input: {
      serviceName: 'payments-api',
      environments: {
        production: { accountId: '111111111111' },
        staging: { accountId: '222222222222' },
        ephemeral: { accountId: '222222222222' },
      },
      ...input,
    },
  });
  await action.handler(ctx);
  const read = async (name: string) =>
    fs.readFile(path.join(workspacePath, '.github', name), 'utf8');
  const workflow = async (name: string) =>
    YAML.parse(await read(`workflows/${name}`)) as Workflow;
  return {
    production: await workflow('deploy-production.yml'),
    staging: await workflow('deploy-staging.yml'),
    ephemeral: await workflow('ephemeral-pr.yml'),
    ci: await workflow('ci.yml'),
    copilot: await read('copilot-instructions.md'),
  };
}

describe('the hotfix path', () => {
  it('deploys a push to hotfix/* to production, like a push to main', async () => {
    const { production } = await generate();
    expect(pushTriggers(production, 'main')).toBe(true);
    expect(pushTriggers(production, 'hotfix/fix-checkout-timeout')).toBe(true);
    // Only main and hotfixes reach production: not feature branches, not staging.
    expect(pushTriggers(production, 'feature/new-api')).toBe(false);
    expect(pushTriggers(production, 'staging')).toBe(false);
    expect(pushTriggers(production, 'hotfixes')).toBe(false);
  });

  it('runs the hotfix through the production environment (reviewers) after the tests', async () => {
    const { production } = await generate();
    const deploy = production.jobs.deploy;
    expect(deploy.environment?.name).toBe('production');
    expect(deploy.needs).toBe('test');
    // No job or step is conditional on the branch: a hotfix runs exactly what main runs.
    for (const job of Object.values(production.jobs)) {
      expect(job.if ?? '').not.toMatch(/ref|hotfix|head/);
      for (const step of job.steps) {
        expect(step.if ?? '').not.toMatch(/ref|hotfix|head/);
      }
    }
  });

  it('shares one concurrency group between main and hotfix deployments', async () => {
    const { production, staging } = await generate();
    // One literal group for the whole workflow: nothing in it depends on the branch, so a hotfix
    // waits for a running main deployment (and the reverse) and neither is cancelled.
    expect(production.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
    expect(Object.values(production.jobs).every(j => !j.concurrency)).toBe(
      true,
    );
    expect(staging.concurrency?.group).not.toBe(production.concurrency?.group);
  });

  it('builds the image from the hotfix commit and keeps blue/green with alarm rollback', async () => {
    const { production } = await generate();
    const deploy = production.jobs.deploy;
    expect(deploy.env?.IMAGE_TAG).toBe('${{ github.sha }}');
    expect(deploy.env?.DEPLOYMENT_STRATEGY).toBe('blue-green');
    const checkout = deploy.steps.find(s =>
      s.uses?.startsWith('actions/checkout@'),
    );
    // No ref: actions/checkout checks out the pushed commit, i.e. the hotfix itself.
    expect(checkout?.with?.ref).toBeUndefined();
    const names = deploy.steps.map(s => s.name);
    expect(names).toContain('Deploy (blue-green, automatic rollback on alarm)');
    expect(names).toContain('Roll back when the smoke test fails');
  });

  it('never deploys staging or an ephemeral environment for a hotfix', async () => {
    const { staging, ephemeral } = await generate();
    expect(pushTriggers(staging, 'hotfix/fix-checkout-timeout')).toBe(false);
    expect(pushTriggers(staging, 'staging')).toBe(true);
    expect(pushTriggers(ephemeral, 'hotfix/fix-checkout-timeout')).toBe(false);
    expect(ephemeral.jobs.deploy.if).toContain(
      "startsWith(github.head_ref, 'feature/')",
    );
  });

  it('is explained in the Copilot instructions with the strategy of the service', async () => {
    const { copilot } = await generate({ deploymentStrategy: 'rolling' });
    const hotfix = copilot
      .split('\n- ')
      .find(item => item.startsWith('`hotfix/*`'));
    expect(hotfix).toBeDefined();
    expect(hotfix).toContain('deploy-production.yml');
    expect(hotfix).toContain('same approval gate');
    expect(hotfix).toContain('rolling deployment with alarm rollback');
    expect(hotfix).toContain('same concurrency group');
    expect(hotfix).toMatch(/merge it into `main` and `staging`/);
  });
});
