import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookDelivery } from './payloads.ts';

/** How to deliver, and how to misbehave for the receiver's security tests. @public */
export interface SendWebhookOptions {
  url: string;
  secret: string;
  /** Reuse a delivery id (a replay); default a new UUID. */
  deliveryId?: string;
  /**
   * Sign wrongly: `true` signs with another secret; a string is sent as the header verbatim
   * (e.g. `sha256=00…`, or `''` to send no signature header at all).
   */
  forgeSignature?: boolean | string;
  /** Send these bytes instead of the payload's JSON (oversized or malformed bodies); signed correctly. */
  rawBody?: string | Buffer;
  /** `X-GitHub-Hook-ID` and the `User-Agent` suffix. */
  hookId?: number;
  timeoutMs?: number;
}

/** @public */
export interface WebhookRequest {
  headers: Record<string, string>;
  body: Buffer;
  deliveryId: string;
}

/** @public */
export interface WebhookResponse {
  status: number;
  deliveryId: string;
  body: string;
}

const DEFAULT_HOOK_ID = 480_000_001;

/** `sha256=<hex HMAC-SHA256 of the raw body>`: GitHub's `X-Hub-Signature-256`. @public */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The exact bytes and headers GitHub would POST for a delivery. @public */
export function buildWebhookRequest(
  delivery: WebhookDelivery,
  options: Omit<SendWebhookOptions, 'url' | 'timeoutMs'>,
): WebhookRequest {
  const body = Buffer.from(options.rawBody ?? JSON.stringify(delivery.payload));
  const deliveryId = options.deliveryId ?? randomUUID();
  const hookId = options.hookId ?? DEFAULT_HOOK_ID;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': `GitHub-Hookshot/${hookId.toString(16).slice(0, 7)}`,
    'x-github-event': delivery.event,
    'x-github-delivery': deliveryId,
    'x-github-hook-id': String(hookId),
    'x-github-hook-installation-target-type': 'repository',
  };
  let signature: string | undefined;
  if (options.forgeSignature === true) {
    signature = signWebhookBody(body, `${options.secret}-forged`);
  } else if (typeof options.forgeSignature === 'string') {
    signature = options.forgeSignature || undefined;
  } else {
    signature = signWebhookBody(body, options.secret);
  }
  if (signature) headers['x-hub-signature-256'] = signature;
  return { headers, body, deliveryId };
}

/** POSTs one delivery; resolves with the receiver's answer (rejects on network errors). @public */
export async function sendWebhook(
  delivery: WebhookDelivery,
  options: SendWebhookOptions,
): Promise<WebhookResponse> {
  const request = buildWebhookRequest(delivery, options);
  const response = await fetch(options.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  return {
    status: response.status,
    deliveryId: request.deliveryId,
    body: await response.text(),
  };
}

/** A valid JSON payload padded to at least `bytes` (GitHub caps deliveries at 25 MB). @public */
export function oversizedWebhookBody(
  delivery: WebhookDelivery,
  bytes: number,
): string {
  const json = JSON.stringify(delivery.payload);
  const padding = Math.max(0, bytes - json.length);
  return JSON.stringify({ ...delivery.payload, padding: 'x'.repeat(padding) });
}

/** A body that is not JSON: the delivery cut in the middle. @public */
export function malformedWebhookBody(delivery: WebhookDelivery): string {
  const json = JSON.stringify(delivery.payload);
  return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
}
