/** Deployment records and DORA windows for the computeDora tests. */
import { computeDora } from '../dora';
import { DeliveryDeployment } from '../records';

/** Monday 2025-03-31 00:00 UTC: the 7-day window is the whole week of Monday 2025-03-24. */
export const NOW = '2025-03-31T00:00:00Z';

let nextDeploymentId = 1;

/**
 * A deployment record: production of `acme/payments` unless said otherwise, created five minutes
 * before it finished, its newest status written when it finished.
 */
export function deployment(
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
export function sha(label: string): string {
  return label.padEnd(40, '0');
}

export function weekly(history: DeliveryDeployment[], windowDays: 7 | 30 | 90) {
  return computeDora({ deployments: history, now: NOW, windowDays }).weekly;
}
