/* Tables the benchmark prints. */
import type { PhaseResult } from './phases';

function row(cells: Array<string | number>, widths: number[]) {
  return cells
    .map((cell, i) =>
      i === 0
        ? String(cell).padEnd(widths[i])
        : String(cell).padStart(widths[i]),
    )
    .join('');
}

export function printPhases(results: PhaseResult[]) {
  const widths = [52, 9, 8, 8, 8, 9, 9, 9];
  process.stdout.write(
    `\n${row(
      [
        'phase',
        'requests',
        'req/s',
        'errors',
        'error%',
        'p50 ms',
        'p99 ms',
        'max ms',
      ],
      widths,
    )}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${row(
        [
          r.name,
          r.requests,
          (r.requests / r.seconds).toFixed(0),
          r.errors,
          ((100 * r.errors) / Math.max(1, r.requests)).toFixed(2),
          r.p50.toFixed(1),
          r.p99.toFixed(1),
          r.max.toFixed(1),
        ],
        widths,
      )}\n`,
    );
  }
}

export function printCalls(
  title: string,
  calls: Array<[string, number]>,
  seconds: number,
) {
  process.stdout.write(`\nAWS calls, ${title} (${seconds.toFixed(0)} s)\n`);
  let total = 0;
  for (const [op, n] of calls) {
    total += n;
    process.stdout.write(
      `  ${op.padEnd(40)}${String(n).padStart(7)}   ${((n * 60) / seconds)
        .toFixed(1)
        .padStart(8)}/min\n`,
    );
  }
  process.stdout.write(
    `  ${'total'.padEnd(40)}${String(total).padStart(7)}   ${(
      (total * 60) /
      seconds
    )
      .toFixed(1)
      .padStart(8)}/min\n`,
  );
}

/** One line per target: the figure, the target and whether it is met. */
export function printTargets(
  title: string,
  targets: Array<{ what: string; value: number; limit: number; unit: string }>,
) {
  process.stdout.write(`\n${title}\n`);
  for (const t of targets) {
    const met = t.value <= t.limit ? 'met' : 'MISSED';
    process.stdout.write(
      `  ${t.what.padEnd(48)}${t.value.toFixed(1).padStart(10)} ${t.unit.padEnd(
        6,
      )} target <= ${t.limit} ${t.unit}: ${met}\n`,
    );
  }
}
