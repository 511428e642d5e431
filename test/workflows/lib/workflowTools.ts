import path from 'node:path';
import {
  ActionlintFinding,
  recordToolRun,
  runActionlint,
  runZizmor,
  ZizmorFinding,
} from '../../src';

/** What actionlint and zizmor said about the workflows of one scenario. */
export interface WorkflowToolFindings {
  actionlint: ActionlintFinding[];
  zizmor: ZizmorFinding[];
}

/**
 * Runs upstream actionlint and zizmor (offline, pedantic persona) on workflow files and records
 * both runs for the summary of `make test`: passed = files without findings, failed = files with
 * at least one. Findings come back with paths relative to `root`, so a failing test names the
 * file a developer has to fix.
 */
export async function checkWorkflowFiles(
  scenario: string,
  root: string,
  files: string[],
): Promise<WorkflowToolFindings> {
  if (files.length === 0) {
    throw new Error(`${scenario}: no workflow files to check in ${root}`);
  }
  const relative = (file: string) =>
    path.relative(root, path.resolve(root, file));
  const actionlint = await runActionlint(
    files.map(file => ({ path: path.join(root, file), label: file })),
  );
  const zizmor = (
    await runZizmor(files, { persona: 'pedantic', cwd: root })
  ).map(finding => ({ ...finding, file: relative(finding.file) }));
  for (const [tool, findings] of [
    ['actionlint', actionlint],
    ['zizmor', zizmor],
  ] as const) {
    const failing = new Set(findings.map(finding => finding.file));
    recordToolRun({
      tool,
      scenario,
      passed: files.filter(file => !failing.has(file)).length,
      failed: files.filter(file => failing.has(file)).length,
      skipped: 0,
    });
  }
  return { actionlint, zizmor };
}
