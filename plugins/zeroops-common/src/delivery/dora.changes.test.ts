// What computeDora counts as a change, a deployment and a failure.
import { computeDora } from './dora';
import { NOW, deployment, sha } from './__testUtils__/doraHistory';

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
});
