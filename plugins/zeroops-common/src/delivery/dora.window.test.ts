// Which deployments fall in the window of computeDora, and its weeks.
import { computeDora } from './dora';
import { NOW, deployment, sha, weekly } from './__testUtils__/doraHistory';

describe('computeDora', () => {
  it('includes the window start and excludes `now`', () => {
    const history = [
      deployment({
        sha: sha('m'),
        state: 'success',
        commitAt: '2025-03-23T22:00:00Z',
        finishedAt: '2025-03-23T23:00:00Z',
      }),
      deployment({
        sha: sha('x'),
        state: 'failure',
        commitAt: '2025-03-23T23:10:00Z',
        finishedAt: '2025-03-23T23:30:00Z',
      }),
      // Exactly at the window start: deployed, and restores the incident after 30 min.
      deployment({
        sha: sha('p'),
        state: 'success',
        commitAt: '2025-03-23T23:10:00Z',
        finishedAt: '2025-03-24T00:00:00Z',
      }),
      // Exactly at `now`: not yet in the window, neither a change nor an incident.
      deployment({
        sha: sha('q'),
        state: 'failure',
        commitAt: '2025-03-30T23:00:00Z',
        finishedAt: NOW,
      }),
      deployment({
        sha: sha('s'),
        state: 'success',
        commitAt: '2025-03-30T23:00:00Z',
        finishedAt: NOW,
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    // P only; lead 00:00 − 23:10 = 50 min.
    expect(dora.deploymentFrequency.samples).toBe(1);
    expect(dora.leadTime.value).toBe(50);
    // P finished in the window and never failed; X finished before it.
    expect(dora.changeFailureRate).toMatchObject({ value: 0, samples: 1 });
    expect(dora.timeToRestore).toMatchObject({ value: 30, samples: 1 });
    expect(dora.openIncidents).toBe(0);
  });

  it('compares times as instants whatever their offset, also across a week boundary', () => {
    const history = [
      // 01:30 +02:00 on Monday 03-31 is 23:30 UTC on Sunday 03-30: week of 03-24. Lead 40 min.
      deployment({
        sha: sha('1'),
        state: 'success',
        firstCommitAt: '2025-03-31T00:50:00+02:00',
        finishedAt: '2025-03-31T01:30:00+02:00',
      }),
      // 18:00 −07:00 on Sunday 03-30 is 01:00 UTC on Monday 03-31: week of 03-31. Lead 90 min.
      deployment({
        sha: sha('2'),
        state: 'success',
        commitAt: '2025-03-30T23:30:00Z',
        finishedAt: '2025-03-30T18:00:00-07:00',
      }),
      // Failure at 08:00 UTC, restored at 08:30 UTC (01:30 −07:00, which sorts before 10:00 as
      // text): a 30-minute incident, not an open one. Lead of the fix: 08:30 − 08:10 = 20 min.
      deployment({
        sha: sha('3'),
        state: 'failure',
        commitAt: '2025-04-02T07:00:00Z',
        finishedAt: '2025-04-02T10:00:00+02:00',
      }),
      deployment({
        sha: sha('4'),
        state: 'success',
        commitAt: '2025-04-02T08:10:00Z',
        finishedAt: '2025-04-02T01:30:00-07:00',
      }),
    ];

    // Monday 2025-04-07: the 30-day window starts on Saturday 2025-03-08.
    const dora = computeDora({
      deployments: history,
      now: '2025-04-07T00:00:00Z',
      windowDays: 30,
    });

    // 3 changes / 30 days = 0.1/day: medium (≥ 1/month, < 1/week).
    expect(dora.deploymentFrequency).toMatchObject({
      value: 0.1,
      samples: 3,
      band: 'medium',
    });
    // 20, 40, 90 → 40.
    expect(dora.leadTime.value).toBe(40);
    // 1, 2, 3, 4 finished, 3 failed: 0.25.
    expect(dora.changeFailureRate.value).toBe(0.25);
    expect(dora.timeToRestore.value).toBe(30);
    expect(dora.openIncidents).toBe(0);
    const empty = {
      deployments: 0,
      leadTimeMinutes: undefined,
      changeFailureRate: undefined,
      timeToRestoreMinutes: undefined,
    };
    expect(dora.weekly).toEqual([
      // Clipped to the window: Saturday 03-08 to Monday 03-10.
      { weekStart: '2025-03-03', ...empty },
      { weekStart: '2025-03-10', ...empty },
      { weekStart: '2025-03-17', ...empty },
      {
        weekStart: '2025-03-24',
        deployments: 1,
        leadTimeMinutes: 40,
        changeFailureRate: 0,
        timeToRestoreMinutes: undefined,
      },
      // 2 and 4 deployed: median of 90 and 20 = 55; 2, 3, 4 finished, 3 failed: 1/3.
      {
        weekStart: '2025-03-31',
        deployments: 2,
        leadTimeMinutes: 55,
        changeFailureRate: 1 / 3,
        timeToRestoreMinutes: 30,
      },
    ]);
  });

  it('has no data without production deployments, and a low frequency of 0 with only older ones', () => {
    const stagingOnly = [
      deployment({
        sha: sha('a'),
        state: 'success',
        environment: 'staging',
        finishedAt: '2025-03-25T10:00:00Z',
      }),
    ];
    for (const deployments of [[], stagingOnly]) {
      const dora = computeDora({ deployments, now: NOW, windowDays: 7 });
      expect({
        deploymentFrequency: dora.deploymentFrequency,
        leadTime: dora.leadTime.band,
        changeFailureRate: dora.changeFailureRate.band,
        timeToRestore: dora.timeToRestore.band,
        openIncidents: dora.openIncidents,
      }).toEqual({
        deploymentFrequency: {
          value: undefined,
          samples: 0,
          band: 'no-data',
          target: 2,
          meetsTarget: undefined,
        },
        leadTime: 'no-data',
        changeFailureRate: 'no-data',
        timeToRestore: 'no-data',
        openIncidents: 0,
      });
    }

    const old = [
      deployment({
        sha: sha('a'),
        state: 'success',
        finishedAt: '2025-01-10T10:00:00Z',
      }),
    ];
    expect(
      computeDora({ deployments: old, now: NOW, windowDays: 90 })
        .deploymentFrequency,
    ).toMatchObject({ value: 1 / 90, band: 'low' });
    expect(
      computeDora({ deployments: old, now: NOW, windowDays: 30 })
        .deploymentFrequency,
    ).toEqual({
      value: 0,
      samples: 0,
      band: 'low',
      target: 2,
      meetsTarget: false,
    });
  });

  it('lists the UTC weeks that overlap the window, the partial ones included', () => {
    // 30 days before Monday 03-31 is Saturday 03-01: weeks of 02-24 (two days) to 03-24.
    expect(weekly([], 30).map(w => w.weekStart)).toEqual([
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
    ]);
    // 90 days before 03-31 is Tuesday 2024-12-31: 13 weeks from Monday 2024-12-30 to 03-24.
    const quarter = weekly([], 90);
    expect(quarter).toHaveLength(13);
    expect(quarter[0].weekStart).toBe('2024-12-30');
  });
});
