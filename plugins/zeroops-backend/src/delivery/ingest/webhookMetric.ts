import { MetricsService } from '@backstage/backend-plugin-api/alpha';

/** Counter of GitHub webhook deliveries by outcome. */
export const WEBHOOK_METRIC = 'zeroops.delivery.webhooks.received';

/**
 * - `stored`: processed and written.
 * - `replayed`: an `X-GitHub-Delivery` id already processed; nothing written.
 * - `malformed`: fails our schema of the fields we use (or has no delivery id); nothing written.
 * - `oversized`: larger than `zeroops.delivery.webhooks.maxPayloadBytes`; answered 413 before
 *   the signature check or any parsing.
 * - `forged`: rejected by the GitHub module's signature validator (403).
 * - `ignored`: a repository outside the catalog, or an event we do not use (another task's
 *   deployment, an unmerged pull request, a branch deletion).
 */
export type WebhookOutcome =
  | 'stored'
  | 'replayed'
  | 'malformed'
  | 'oversized'
  | 'forged'
  | 'ignored';

export type WebhookCounter = (outcome: WebhookOutcome, event?: string) => void;

export function createWebhookCounter(metrics: MetricsService): WebhookCounter {
  const counter = metrics.createCounter<{
    outcome: WebhookOutcome;
    event: string;
  }>(WEBHOOK_METRIC, {
    description:
      'GitHub webhook deliveries on the ZeroOps delivery topics, by outcome (stored, replayed, malformed, oversized, forged, ignored)',
    unit: '{delivery}',
  });
  return (outcome, event = 'unknown') => counter.add(1, { outcome, event });
}
