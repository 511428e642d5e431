// Incidents and restore times of computeDora, for one service and for a team.
import { computeDora } from './dora';
import { NOW, deployment, sha } from './__testUtils__/doraHistory';

describe('computeDora', () => {
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
});
