import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

/** One problem found in a workflow file, phrased for the person who has to fix it. */
export interface WorkflowFinding {
  rule: string;
  message: string;
}

type Step = { uses?: string; run?: string };
type Job = {
  uses?: string;
  steps?: Step[];
  permissions?: unknown;
  environment?: string | { name?: string };
};
type Workflow = { permissions?: unknown; jobs?: Record<string, Job> };

const FULL_SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;

/**
 * Checks that GitHub's workflow schema accepts the file (through action-validator, the same JSON
 * schema SchemaStore publishes for GitHub Actions).
 */
export function schemaFindings(source: string): WorkflowFinding[] {
  const state = validateWorkflow(source);
  return state.errors.map(error => ({
    rule: 'schema',
    message: `${error.title}${'path' in error ? ` at ${error.path}` : ''}${
      error.detail ? `: ${error.detail}` : ''
    }`,
  }));
}

/**
 * Every `uses:` must be pinned to a full 40-hex commit SHA followed by a `# vX` comment naming the
 * version: tags can be moved (tj-actions/changed-files, trivy-action), SHAs cannot. Local actions
 * (`./…`) and Docker images by digest are the exceptions.
 */
export function pinningFindings(source: string): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  source.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(#.*)?$/.exec(
      line,
    );
    if (!match) return;
    const [, , target, comment] = match;
    if (target.startsWith('./') || target.startsWith('docker://')) return;
    if (!FULL_SHA_PIN.test(target)) {
      findings.push({
        rule: 'pinned-sha',
        message: `line ${
          index + 1
        }: "${target}" is not pinned to a full commit SHA`,
      });
    } else if (!comment || !/#\s*v?\d/.test(comment)) {
      findings.push({
        rule: 'pinned-sha',
        message: `line ${
          index + 1
        }: "${target}" needs a version comment such as "# v4.2.2"`,
      });
    }
  });
  return findings;
}

/** The workflow, or each of its jobs, declares `permissions` (least privilege, no defaults). */
export function permissionFindings(source: string): WorkflowFinding[] {
  const workflow = parse(source) as Workflow;
  if (workflow.permissions !== undefined) return [];
  return Object.entries(workflow.jobs ?? {})
    .filter(([, job]) => job.permissions === undefined)
    .map(([name]) => ({
      rule: 'permissions',
      message: `job "${name}" has no permissions and the workflow sets none`,
    }));
}

/** All findings for one workflow file. */
export function workflowFindings(source: string): WorkflowFinding[] {
  return [
    ...schemaFindings(source),
    ...pinningFindings(source),
    ...permissionFindings(source),
  ];
}
