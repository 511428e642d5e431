import type { WebhookDelivery } from './payloads.ts';
import { sendWebhook } from './sendWebhook.ts';

/** Where the simulator delivers the webhooks of the changes it makes. @public */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** @public */
export interface EmittedWebhook {
  event: string;
  deliveryId?: string;
  /** The receiver's HTTP status; absent when it could not be reached. */
  status?: number;
  error?: string;
}

/**
 * Delivers in order, one at a time (like GitHub, a receiver that is down loses deliveries:
 * reconciliation is what backfills them). Failures are logged once per outage, not per
 * delivery, so a demo backend that starts later does not flood the log.
 */
export class WebhookEmitter {
  readonly #target?: WebhookTarget;
  readonly #log: (message: string) => void;
  readonly #emitted: EmittedWebhook[] = [];
  #queue: Promise<void> = Promise.resolve();
  #down = false;

  constructor(
    target: WebhookTarget | undefined,
    log: (message: string) => void,
  ) {
    this.#target = target;
    this.#log = log;
  }

  get enabled(): boolean {
    return this.#target !== undefined;
  }

  emit(delivery: WebhookDelivery): void {
    const target = this.#target;
    if (!target) return;
    this.#queue = this.#queue.then(async () => {
      try {
        const response = await sendWebhook(delivery, target);
        this.#emitted.push({
          event: delivery.event,
          deliveryId: response.deliveryId,
          status: response.status,
        });
        if (this.#down || response.status >= 400) {
          this.#log(
            `webhook ${delivery.event} → ${target.url}: HTTP ${response.status}`,
          );
        }
        this.#down = false;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.#emitted.push({ event: delivery.event, error: message });
        if (!this.#down) {
          this.#log(
            `webhook receiver ${target.url} unreachable (${message}); deliveries are dropped until it answers`,
          );
        }
        this.#down = true;
      }
    });
  }

  /** Resolves when every delivery emitted so far has been attempted. */
  async flush(): Promise<void> {
    await this.#queue;
  }

  emitted(): EmittedWebhook[] {
    return [...this.#emitted];
  }
}
