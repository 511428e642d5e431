import { computeDora } from './dora';
import { DeliveryDeployment } from './records';

/** Monday 2025-03-31 00:00 UTC: the 7-day window is the whole week of Monday 2025-03-24. */
const NOW = '2025-03-31T00:00:00Z';

let nextDeploymentId = 1;

/**
 * A deployment record: production of `acme/payments` unless said otherwise, created five minutes
 * before it finished, its newest status written when it finished.
 */
function deployment(
  fields: Pick<DeliveryDeployment, 'sha' | 'state'> &
    Partial<DeliveryDeployment>,
): DeliveryDeployment {
  const createdAt = fields.finishedAt
    ? new Date(Date.parse(fields.finishedAt) - 5 * 60_000).toISOString()
    : '2025-03-01T00:00:00Z';
  return {
    repository: 'acme/payments',
    deploymentId: nextDeploymentId++,
    environment: 'production',
    ref: 'main',
    createdAt,
    updatedAt: fields.finishedAt ?? createdAt,
    ...fields,
  };
}

/** A 40-character SHA from a short label, so that tests read `sha('a')`. */
function sha(label: string): string {
  return label.padEnd(40, '0');
}

function weekly(history: DeliveryDeployment[], windowDays: 7 | 30 | 90) {
  return computeDora({ deployments: history, now: NOW, windowDays }).weekly;
}

describe('computeDora', () => {
  it('measures a week with a re-run, a commit with no pull request, a hotfix after an AWS rollback and a revert', () => {
    const history = [
      // Before the window: production healthy, not counted.
      deployment({
        sha: sha('z'),
        state: 'success',
        commitAt: '2025-03-20T11:00:00Z',
        finishedAt: '2025-03-20T12:00:00Z',
      }),
      // A: lead time from the pull request's first commit: 09:40 − 09:00 = 40 min.
      deployment({
        sha: sha('a'),
        state: 'success',
        pullRequest: 1,
        firstCommitAt: '2025-03-24T09:00:00Z',
        commitAt: '2025-03-24T09:20:00Z',
        finishedAt: '2025-03-24T09:40:00Z',
      }),
      // B fails at 11:20 and its re-run succeeds at 11:50: lead 11:50 − 10:00 = 110 min (the
      // re-run does not restart the clock), failed change, incident 11:20 → 11:50 = 30 min.
      deployment({
        sha: sha('b'),
        state: 'failure',
        firstCommitAt: '2025-03-25T10:00:00Z',
        commitAt: '2025-03-25T11:00:00Z',
        finishedAt: '2025-03-25T11:20:00Z',
      }),
      deployment({
        sha: sha('b'),
        state: 'success',
        commitAt: '2025-03-25T11:00:00Z',
        finishedAt: '2025-03-25T11:50:00Z',
      }),
      // C, pushed with no pull request: lead from the commit, 08:25 − 08:00 = 25 min.
      deployment({
        sha: sha('c'),
        state: 'success',
        commitAt: '2025-03-26T08:00:00Z',
        finishedAt: '2025-03-26T08:25:00Z',
      }),
      // E rolled back by the blue/green alarm at 14:10; hotfix F deployed at 14:40:
      // incident 30 min, F's lead 14:40 − 14:20 = 20 min. E never succeeded: not deployed.
      deployment({
        sha: sha('e'),
        state: 'rolled_back',
        rollbackReason: 'alarm',
        commitAt: '2025-03-27T13:30:00Z',
        finishedAt: '2025-03-27T14:10:00Z',
      }),
      deployment({
        sha: sha('f'),
        state: 'success',
        ref: 'hotfix/timeout',
        commitAt: '2025-03-27T14:20:00Z',
        finishedAt: '2025-03-27T14:40:00Z',
      }),
      // G fails at 09:30, H errors at 09:50 (same incident), the revert R succeeds at 10:15:
      // incident 09:30 → 10:15 = 45 min, R's lead 10:15 − 10:00 = 15 min.
      deployment({
        sha: sha('g'),
        state: 'failure',
        commitAt: '2025-03-28T09:00:00Z',
        finishedAt: '2025-03-28T09:30:00Z',
      }),
      deployment({
        sha: sha('h'),
        state: 'error',
        commitAt: '2025-03-28T09:40:00Z',
        finishedAt: '2025-03-28T09:50:00Z',
      }),
      deployment({
        sha: sha('r'),
        state: 'success',
        ref: 'revert-g',
        commitAt: '2025-03-28T10:00:00Z',
        finishedAt: '2025-03-28T10:15:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    expect(dora.from).toBe('2025-03-24T00:00:00.000Z');
    expect(dora.to).toBe('2025-03-31T00:00:00.000Z');
    // A, B, C, F, R: 5 changes / 7 days = 0.714/day: high (≥ 1/week, < 1/day), below 2/day.
    expect(dora.deploymentFrequency).toEqual({
      value: 5 / 7,
      samples: 5,
      band: 'high',
      target: 2,
      meetsTarget: false,
    });
    // 15, 20, 25, 40, 110 → median 25 min: elite (< 1 day), meets < 30 min.
    expect(dora.leadTime).toEqual({
      value: 25,
      samples: 5,
      excluded: 0,
      band: 'elite',
      target: 30,
      meetsTarget: true,
    });
    // A, B, C, E, F, G, H, R finished; B, E, G, H failed: 4 / 8 = 0.5 → low.
    expect(dora.changeFailureRate).toEqual({
      value: 0.5,
      samples: 8,
      band: 'low',
      target: 0.05,
      meetsTarget: false,
    });
    // 30, 30, 45 → median 30 min: elite (< 1 h), misses < 15 min.
    expect(dora.timeToRestore).toEqual({
      value: 30,
      samples: 3,
      band: 'elite',
      target: 15,
      meetsTarget: false,
    });
    expect(dora.openIncidents).toBe(0);
    expect(dora.weekly).toEqual([
      {
        weekStart: '2025-03-24',
        deployments: 5,
        leadTimeMinutes: 25,
        changeFailureRate: 0.5,
        timeToRestoreMinutes: 30,
      },
    ]);
  });

  it('counts neither a re-run of a deployed commit nor a redeploy of an older one as a new change', () => {
    const history = [
      deployment({
        sha: sha('z'),
        state: 'success',
        commitAt: '2025-03-10T10:00:00Z',
        finishedAt: '2025-03-10T10:30:00Z',
      }),
      // A: lead 09:00 − 08:00 = 60 min; its re-run a day later changes nothing.
      deployment({
        sha: sha('a'),
        state: 'success',
        firstCommitAt: '2025-03-25T08:00:00Z',
        finishedAt: '2025-03-25T09:00:00Z',
      }),
      deployment({
        sha: sha('a'),
        state: 'success',
        firstCommitAt: '2025-03-25T08:00:00Z',
        finishedAt: '2025-03-26T09:00:00Z',
      }),
      // Rolling back by deploying Z again: Z first succeeded on 03-10.
      deployment({
        sha: sha('z'),
        state: 'success',
        commitAt: '2025-03-10T10:00:00Z',
        finishedAt: '2025-03-27T10:00:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    expect(dora.deploymentFrequency.samples).toBe(1);
    expect(dora.deploymentFrequency.value).toBeCloseTo(1 / 7, 10);
    expect(dora.leadTime.value).toBe(60);
    expect(dora.leadTime.meetsTarget).toBe(false);
    // A and Z finished in the window, neither failed.
    expect(dora.changeFailureRate).toMatchObject({
      value: 0,
      samples: 2,
      band: 'elite',
      meetsTarget: true,
    });
    expect(dora.timeToRestore).toEqual({
      value: undefined,
      samples: 0,
      band: 'no-data',
      target: 15,
      meetsTarget: undefined,
    });
  });

  it('counts a change as failed in the window when it failed just before it and its re-run succeeded inside', () => {
    const history = [
      // Failure at 23:30 on Sunday 03-23, re-run succeeds at 00:30 on Monday 03-24.
      deployment({
        sha: sha('k'),
        state: 'failure',
        firstCommitAt: '2025-03-23T22:00:00Z',
        finishedAt: '2025-03-23T23:30:00Z',
      }),
      deployment({
        sha: sha('k'),
        state: 'success',
        firstCommitAt: '2025-03-23T22:00:00Z',
        finishedAt: '2025-03-24T00:30:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    // Lead 00:30 − 22:00 the day before = 150 min.
    expect(dora.leadTime.value).toBe(150);
    // The only change finished in the window failed: 1 / 1.
    expect(dora.changeFailureRate).toMatchObject({ value: 1, samples: 1 });
    // Restored 60 min after the failure: high (not < 1 h).
    expect(dora.timeToRestore).toMatchObject({
      value: 60,
      samples: 1,
      band: 'high',
    });
  });

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

  it('reports an incident with no healthy deployment after it as open, with no restore time', () => {
    const history = [
      deployment({
        sha: sha('s'),
        state: 'success',
        commitAt: '2025-03-25T09:50:00Z',
        finishedAt: '2025-03-25T10:00:00Z',
      }),
      deployment({
        sha: sha('u'),
        state: 'failure',
        finishedAt: '2025-03-26T10:00:00Z',
      }),
      deployment({
        sha: sha('v'),
        state: 'rolled_back',
        rollbackReason: 'circuit-breaker',
        finishedAt: '2025-03-27T10:00:00Z',
      }),
      // Still rolling out: not terminal, so it neither restores nor counts.
      deployment({
        sha: sha('w'),
        state: 'in_progress',
        createdAt: '2025-03-28T10:00:00Z',
        updatedAt: '2025-03-28T10:01:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    expect(dora.openIncidents).toBe(1);
    expect(dora.timeToRestore).toMatchObject({
      value: undefined,
      samples: 0,
      band: 'no-data',
    });
    // S, U, V finished; U and V failed: 2/3.
    expect(dora.changeFailureRate.value).toBeCloseTo(2 / 3, 10);
    expect(dora.changeFailureRate.band).toBe('low');
  });

  it('starts a change at its first commit known from any environment and leaves out changes with no time', () => {
    const history = [
      // Staging knew the pull request's first commit (08:00); production only the merge commit.
      deployment({
        sha: sha('w'),
        state: 'success',
        environment: 'staging',
        firstCommitAt: '2025-03-25T08:00:00Z',
        finishedAt: '2025-03-25T09:30:00Z',
      }),
      deployment({
        sha: sha('w'),
        state: 'success',
        commitAt: '2025-03-25T09:00:00Z',
        finishedAt: '2025-03-25T10:00:00Z',
      }),
      // No commit time at all: deployed, but no lead time.
      deployment({
        sha: sha('n'),
        state: 'success',
        finishedAt: '2025-03-26T10:00:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    expect(dora.deploymentFrequency.samples).toBe(2);
    // 10:00 − 08:00 = 120 min.
    expect(dora.leadTime).toMatchObject({
      value: 120,
      samples: 1,
      excluded: 1,
    });
  });

  it('measures a team over the union of its services, each service with its own incidents', () => {
    const payments = 'acme/payments';
    const orders = 'acme/orders';
    const history = [
      // payments fails at 10:00; an orders success at 10:10 does not restore payments.
      deployment({
        repository: payments,
        sha: sha('p1'),
        state: 'failure',
        firstCommitAt: '2025-03-25T09:00:00Z',
        finishedAt: '2025-03-25T10:00:00Z',
      }),
      deployment({
        repository: orders,
        sha: sha('o1'),
        state: 'success',
        commitAt: '2025-03-25T10:00:00Z',
        finishedAt: '2025-03-25T10:10:00Z',
      }),
      // The re-run restores payments: 40 min; lead 10:40 − 09:00 = 100 min.
      deployment({
        repository: payments,
        sha: sha('p1'),
        state: 'success',
        firstCommitAt: '2025-03-25T09:00:00Z',
        finishedAt: '2025-03-25T10:40:00Z',
      }),
      // One SHA in two repositories is two changes: leads 30 and 90 min.
      deployment({
        repository: orders,
        sha: sha('shared'),
        state: 'success',
        commitAt: '2025-03-27T09:30:00Z',
        finishedAt: '2025-03-27T10:00:00Z',
      }),
      deployment({
        repository: payments,
        sha: sha('shared'),
        state: 'success',
        commitAt: '2025-03-27T09:30:00Z',
        finishedAt: '2025-03-27T11:00:00Z',
      }),
      // orders fails and stays down.
      deployment({
        repository: orders,
        sha: sha('o2'),
        state: 'error',
        finishedAt: '2025-03-28T10:00:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    // o1, p1, orders/shared, payments/shared.
    expect(dora.deploymentFrequency.samples).toBe(4);
    // 10, 30, 90, 100 → (30 + 90) / 2 = 60.
    expect(dora.leadTime.value).toBe(60);
    // 5 changes finished, p1 and o2 failed: 0.4.
    expect(dora.changeFailureRate.value).toBe(0.4);
    expect(dora.timeToRestore).toMatchObject({ value: 40, samples: 1 });
    expect(dora.openIncidents).toBe(1);
  });

  it('counts a deployment GitHub later marked inactive as the success it was', () => {
    const history = [
      deployment({
        sha: sha('i'),
        state: 'inactive',
        commitAt: '2025-03-25T09:45:00Z',
        finishedAt: '2025-03-25T10:00:00Z',
        updatedAt: '2025-03-26T10:00:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    expect(dora.deploymentFrequency.samples).toBe(1);
    expect(dora.leadTime.value).toBe(15);
    expect(dora.changeFailureRate.value).toBe(0);
  });

  it('takes the time of the newest status as the end of a rollback with no finish time', () => {
    const history = [
      deployment({
        sha: sha('v'),
        state: 'rolled_back',
        createdAt: '2025-03-26T10:00:00Z',
        updatedAt: '2025-03-26T10:20:00Z',
      }),
      deployment({
        sha: sha('w'),
        state: 'success',
        finishedAt: '2025-03-26T11:00:00Z',
      }),
    ];

    const dora = computeDora({ deployments: history, now: NOW, windowDays: 7 });

    // Incident from 10:20 to 11:00.
    expect(dora.timeToRestore.value).toBe(40);
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
