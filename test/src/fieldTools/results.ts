import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../repoRoot';

/** One run of a field tool on one target, as `make test` prints it in its summary. */
export interface ToolRunRecord {
  /** checkov, actionlint, zizmor, shellcheck, moto, provider-schema, service-tests, … */
  tool: string;
  /** What was checked: a module example, a generated-repository scenario, this repository. */
  scenario: string;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * The file `scripts/test.sh` reads to print the per-tool, per-scenario table. Each Jest worker
 * appends whole lines, which is atomic for lines this short on POSIX file systems.
 */
export const TOOL_RUNS_FILE = path.join(
  repoRoot,
  '.zeroops',
  'test-logs',
  'field-tools.jsonl',
);

/** Records a tool run for the summary of `make test`. */
export function recordToolRun(record: ToolRunRecord): void {
  fs.mkdirSync(path.dirname(TOOL_RUNS_FILE), { recursive: true });
  fs.appendFileSync(TOOL_RUNS_FILE, `${JSON.stringify(record)}\n`);
}
