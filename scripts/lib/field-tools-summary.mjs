// Prints the per-tool, per-scenario table of the field's tools (Checkov, actionlint, zizmor,
// shellcheck, moto, …) that the Jest suites recorded in .zeroops/test-logs/field-tools.jsonl
// (test/src/fieldTools/results.ts). Used by scripts/test.sh at the end of `make test`.
import fs from 'node:fs';

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('  field tools: no runs recorded');
  process.exit(0);
}
const totals = new Map();
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const run = JSON.parse(line);
  const key = `${run.tool}\u0000${run.scenario}`;
  const total = totals.get(key) ?? {
    tool: run.tool,
    scenario: run.scenario,
    runs: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
  };
  total.runs += 1;
  total.passed += run.passed;
  total.failed += run.failed;
  total.skipped += run.skipped;
  totals.set(key, total);
}
const rows = [...totals.values()].sort(
  (a, b) =>
    a.tool.localeCompare(b.tool) || a.scenario.localeCompare(b.scenario),
);
const width = Math.max(8, ...rows.map(r => r.scenario.length));
const toolWidth = Math.max(4, ...rows.map(r => r.tool.length));
console.log(
  `  ${'tool'.padEnd(toolWidth)} ${'scenario'.padEnd(width)} ${'runs'.padStart(
    4,
  )} ${'passed'.padStart(7)} ${'failed'.padStart(7)} ${'skipped'.padStart(7)}`,
);
for (const r of rows) {
  console.log(
    `  ${r.tool.padEnd(toolWidth)} ${r.scenario.padEnd(width)} ${String(
      r.runs,
    ).padStart(4)} ${String(r.passed).padStart(7)} ${String(r.failed).padStart(
      7,
    )} ${String(r.skipped).padStart(7)}`,
  );
}
