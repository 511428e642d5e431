/**
 * The four DORA metrics of a service (or of a team: the union of its services' deployments),
 * as pure functions of the stored delivery records.
 *
 * Definitions, exactly as implemented (window W = [now − windowDays, now), half-open; every time
 * compared as an instant, whatever its UTC offset):
 *
 * - Only production deployments (`environment === productionEnvironment`) are measured, and
 *   only those that finished before `now`. A deployment's finish time is `finishedAt` (or
 *   `updatedAt` for a terminal record without one). `success` and `inactive` (GitHub writes
 *   `inactive` only after a `success`) are successes; `failure`, `error` and `rolled_back` (ECS
 *   circuit breaker or blue/green alarm rollback seen by AWS) are failures.
 * - A **change** is a distinct (repository, sha).
 * - **Deployment frequency**: changes whose first successful production deployment finished in
 *   W, divided by `windowDays` (changes per day). A re-run or a roll-back to an older SHA is not
 *   a new change. `samples` = that count. No production deployment ever → no value.
 * - **Lead time for changes**: for each change counted above, the finish time of its first
 *   successful production deployment minus the time the change started — the earliest
 *   `firstCommitAt` of the change's records in any environment, else the earliest `commitAt`.
 *   Re-runs do not restart the clock. Median, in minutes (mean of the two middle values for an
 *   even count); a negative difference (a committer clock ahead of GitHub's) counts as 0.
 *   Changes with neither time are left out and counted in `excluded`.
 * - **Change failure rate**: among changes with a terminal production deployment that finished
 *   in W, the fraction with at least one failed production deployment finished before the end of
 *   W (a re-run that succeeds after a failure leaves the change failed).
 * - **Time to restore**: per repository, an incident starts at the finish of a failed
 *   production deployment when production was healthy before it (the previous terminal
 *   production deployment succeeded, or there was none); later failures join it; it ends at
 *   the finish of the next successful production deployment of any SHA (a revert, a hotfix, a
 *   re-run). Median minutes over incidents restored in W. `openIncidents`: incidents not
 *   restored at `now`, wherever they started.
 * - **Weekly trend**: the UTC weeks (Monday 00:00) that overlap W, each clipped to W, with the
 *   same measures over that week (`deployments` = changes counted by the frequency).
 * - Bands: {@link DORA_BANDS}; targets: {@link DORA_TARGETS}.
 */
import {
  DoraMetric,
  DoraMetricName,
  DoraSummary,
  DoraWeek,
  DoraWindowDays,
} from './dora.types';
import { DoraHistory, buildDoraHistory } from './doraHistory';
import { DORA_TARGETS, doraBandOf, meetsDoraTarget } from './doraTargets';
import { InstantRange, MS_PER_DAY, utcWeeksOverlapping } from './doraWeeks';
import { DeliveryDeployment } from './records';

const MS_PER_MINUTE = 60_000;
const MS_PER_WEEK = 7 * MS_PER_DAY;

/**
 * What {@link computeDora} measures.
 *
 * @public
 */
export interface DoraInput {
  /** Deployments of one service or of a team's services, any environment, any time. */
  deployments: readonly DeliveryDeployment[];
  /** End of the window (exclusive): a Date, epoch milliseconds or ISO 8601. */
  now: Date | number | string;
  windowDays: DoraWindowDays;
  /** The GitHub environment that is production; default `production`. */
  productionEnvironment?: string;
}

/**
 * The DORA metrics of the deployments over the window, with bands, targets and the weekly trend.
 * See the definitions at the top of `dora.ts`.
 *
 * @public
 */
export function computeDora(input: DoraInput): DoraSummary {
  return computeDoraOfHistories({
    histories: [
      buildDoraHistory(input.deployments, input.productionEnvironment),
    ],
    now: input.now,
    windowDays: input.windowDays,
  });
}

/**
 * {@link computeDora} over histories built beforehand with {@link buildDoraHistory} — one per
 * repository, kept while its records stay the same; several for a team (the union).
 *
 * @public
 */
export function computeDoraOfHistories(input: {
  histories: readonly DoraHistory[];
  now: Date | number | string;
  windowDays: DoraWindowDays;
}): DoraSummary {
  const to = toInstant(input.now);
  const window = { from: to - input.windowDays * MS_PER_DAY, to };
  const weeks = utcWeeksOverlapping(window);
  const measured = measure(input.histories, window, weeks);
  const total = measured.window;
  const hasProductionDeployments = input.histories.some(
    h => h.firstProductionAt !== undefined && h.firstProductionAt < to,
  );

  return {
    windowDays: input.windowDays,
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    deploymentFrequency: metric(
      'deploymentFrequency',
      hasProductionDeployments
        ? total.changesDeployed / input.windowDays
        : undefined,
      total.changesDeployed,
    ),
    leadTime: {
      ...metric('leadTime', median(total.leadTimes), total.leadTimes.length),
      excluded: total.leadTimeExcluded,
    },
    changeFailureRate: metric(
      'changeFailureRate',
      failureRate(total),
      total.changesFinished,
    ),
    timeToRestore: metric(
      'timeToRestore',
      median(total.restoreTimes),
      total.restoreTimes.length,
    ),
    openIncidents: measured.openIncidents,
    weekly: weeks.map(({ weekStart }, i): DoraWeek => {
      const week = measured.weeks[i];
      return {
        weekStart: new Date(weekStart).toISOString().slice(0, 10),
        deployments: week.changesDeployed,
        leadTimeMinutes: median(week.leadTimes),
        changeFailureRate: failureRate(week),
        timeToRestoreMinutes: median(week.restoreTimes),
      };
    }),
  };
}

interface Measured {
  range: InstantRange;
  changesDeployed: number;
  /** Minutes, one per deployed change with a start time. */
  leadTimes: number[];
  leadTimeExcluded: number;
  changesFinished: number;
  changesFailed: number;
  /** Minutes, one per incident restored in the range. */
  restoreTimes: number[];
}

function emptyMeasured(range: InstantRange): Measured {
  return {
    range,
    changesDeployed: 0,
    leadTimes: [],
    leadTimeExcluded: 0,
    changesFinished: 0,
    changesFailed: 0,
    restoreTimes: [],
  };
}

function failureRate(m: Measured): number | undefined {
  return m.changesFinished > 0
    ? m.changesFailed / m.changesFinished
    : undefined;
}

/**
 * Measures the window and its weeks in one pass over the changes and incidents: the weeks
 * partition the window, so an instant in the window falls in exactly one week.
 */
function measure(
  histories: readonly DoraHistory[],
  window: InstantRange,
  weeks: ReadonlyArray<{ range: InstantRange }>,
): { window: Measured; weeks: Measured[]; openIncidents: number } {
  const total = emptyMeasured(window);
  const byWeek = weeks.map(w => emptyMeasured(w.range));
  const firstWeekEnd = weeks[0].range.to;
  const weekOf = (t: number) =>
    t < firstWeekEnd
      ? byWeek[0]
      : byWeek[
          Math.min(
            byWeek.length - 1,
            1 + Math.floor((t - firstWeekEnd) / MS_PER_WEEK),
          )
        ];
  const inWindow = (t: number | undefined): t is number =>
    t !== undefined && t >= window.from && t < window.to;
  let openIncidents = 0;

  for (const history of histories) {
    for (const change of history.changes) {
      const deployedAt = change.firstSuccessAt;
      if (inWindow(deployedAt)) {
        for (const m of [total, weekOf(deployedAt)]) {
          m.changesDeployed += 1;
          if (change.startedAt === undefined) m.leadTimeExcluded += 1;
          else {
            m.leadTimes.push(
              Math.max(0, deployedAt - change.startedAt) / MS_PER_MINUTE,
            );
          }
        }
      }
      let counted: Measured | undefined;
      for (const t of change.terminalAt) {
        if (t >= window.to) break;
        if (t < window.from) continue;
        const week = weekOf(t);
        for (const m of counted ? [week] : [total, week]) {
          if (m === counted) continue;
          m.changesFinished += 1;
          if (
            change.firstFailureAt !== undefined &&
            change.firstFailureAt < m.range.to
          ) {
            m.changesFailed += 1;
          }
        }
        counted = week;
      }
    }
    for (const incident of history.incidents) {
      if (incident.startedAt >= window.to) continue;
      const restoredAt = incident.restoredAt;
      if (restoredAt === undefined || restoredAt >= window.to) {
        openIncidents += 1;
      } else if (inWindow(restoredAt)) {
        const minutes = (restoredAt - incident.startedAt) / MS_PER_MINUTE;
        total.restoreTimes.push(minutes);
        weekOf(restoredAt).restoreTimes.push(minutes);
      }
    }
  }
  return { window: total, weeks: byWeek, openIncidents };
}

function metric(
  name: DoraMetricName,
  value: number | undefined,
  samples: number,
): DoraMetric {
  return {
    value,
    samples,
    band: doraBandOf(name, value),
    target: DORA_TARGETS[name].value,
    meetsTarget: meetsDoraTarget(name, value),
  };
}

/** Median of the values; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function toInstant(now: Date | number | string): number {
  let ms: number;
  if (now instanceof Date) ms = now.getTime();
  else if (typeof now === 'number') ms = now;
  else ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new TypeError(`Invalid time: ${String(now)}`);
  return ms;
}
