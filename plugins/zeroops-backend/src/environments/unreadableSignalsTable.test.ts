import fs from 'node:fs';
import path from 'node:path';
import {
  HealthInputs,
  HealthSignal,
  rollUpHealth,
  UNREADABLE_SIGNALS,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * A steady service, the same with one task or every task missing, and a service ECS does not
 * have (nothing deployed yet).
 */
const service = { status: 'ACTIVE', desiredCount: 2, pendingCount: 0 };
const VERDICTS: Array<[string, HealthInputs]> = [
  [
    'healthy',
    { service: { ...service, runningCount: 2 }, alarms: [], dataStores: [] },
  ],
  [
    'degraded',
    { service: { ...service, runningCount: 1 }, alarms: [], dataStores: [] },
  ],
  [
    'down',
    { service: { ...service, runningCount: 0 }, alarms: [], dataStores: [] },
  ],
  ['not-deployed', { service: undefined, alarms: [], dataStores: [] }],
];

/**
 * The README's table of what an unreadable signal does, computed by running the roll-up
 * itself for each signal and verdict: the documentation cannot promise what the code does not do.
 */
function renderTable(): string {
  const header = `| Signal not read | AWS call | Worst it can show | Reason added | ${VERDICTS.map(
    ([verdict]) => `${verdict} becomes`,
  ).join(' | ')} | Page shows |`;
  const rule = `|${' --- |'.repeat(5 + VERDICTS.length)}`;
  const rows = (Object.keys(UNREADABLE_SIGNALS) as HealthSignal[]).map(
    signal => {
      const effect = UNREADABLE_SIGNALS[signal];
      const outcomes = VERDICTS.map(
        ([, inputs]) =>
          rollUpHealth({ ...inputs, unreadable: [signal] }).status,
      );
      return `| ${signal} | \`${effect.awsAction}\` | ${effect.canReveal} | ${
        effect.reason ? `\`${effect.reason.code}\`` : '—'
      } | ${outcomes.join(' | ')} | ${effect.shownAs} |`;
    },
  );
  return [header, rule, ...rows].join('\n');
}

/** Table cells without the padding prettier adds. */
function normalize(markdown: string): string {
  return markdown
    .split('\n')
    .map(line =>
      line.startsWith('|')
        ? line
            .split('|')
            .map(cell =>
              /^\s*-+\s*$/.test(cell) ? ' --- ' : ` ${cell.trim()} `,
            )
            .join('|')
            .trim()
        : line,
    )
    .join('\n');
}

describe('README: what an unreadable signal does to the roll-up', () => {
  it('prints the table the roll-up implements', () => {
    const readme = fs.readFileSync(
      path.join(__dirname, '../../README.md'),
      'utf8',
    );
    const start = readme.indexOf('<!-- unreadable-signals:start -->');
    const end = readme.indexOf('<!-- unreadable-signals:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const documented = readme
      .slice(start, end)
      .split('\n')
      .filter(line => line.startsWith('|'))
      .join('\n');
    // On failure, paste the expected table between the markers and run prettier.
    expect(normalize(documented)).toBe(normalize(renderTable()));
  });
});
