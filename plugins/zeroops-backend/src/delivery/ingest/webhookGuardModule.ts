import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { readDeliverySettings } from '../../config/ZeroOpsConfig';
import { createWebhookCounter } from './webhookMetric';

/** The events backend's HTTP topic the GitHub module validates: `/api/events/http/github`. */
const GITHUB_TOPIC = 'github';

class PayloadTooLargeError extends Error {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}
class UnsupportedCharsetError extends Error {
  name = 'UnsupportedCharsetError';
  statusCode = 415;
}

/**
 * An events-backend module that guards the GitHub webhook ingress, installed next to
 * `@backstage/plugin-events-backend-module-github` (which verifies `X-Hub-Signature-256`).
 *
 * The events backend parses a request body (its limit: 5 MB) before it runs the topic's
 * validator, so this module replaces its `application/json` body parser with one that:
 * - rejects `github` requests larger than `zeroops.delivery.webhooks.maxPayloadBytes` with 413
 *   before parsing, before the signature check (counted `oversized`);
 * - counts the 403 answers of the GitHub module's signature validator (`forged`), by watching
 *   the response of each `github` request: that validator is the only thing on this route that
 *   answers 403, and the events system offers no other way to observe its verdict;
 * - answers a body that is not JSON with 400 instead of 500 (counted `malformed`);
 * - otherwise parses like the default parser (same charset rule, JSON.parse).
 *
 * Other topics are parsed as before, with no limit of ours.
 *
 * @public
 */
export const zeroopsWebhookGuardModule = createBackendModule({
  pluginId: 'events',
  moduleId: 'zeroops-github-webhook-guard',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        events: eventsExtensionPoint,
        metrics: metricsServiceRef,
      },
      async init({ config, events, metrics }) {
        const { maxPayloadBytes } = readDeliverySettings(config);
        const count = createWebhookCounter(metrics);
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: async (request, mediaType, topic) => {
            const body = request.body;
            if (!Buffer.isBuffer(body)) {
              throw new Error(
                `Failed to retrieve raw body from incoming event for topic ${topic}; not a buffer: ${typeof body}`,
              );
            }
            if (topic === GITHUB_TOPIC) {
              const event = request.header('x-github-event') ?? 'unknown';
              if (body.length > maxPayloadBytes) {
                count('oversized', event);
                throw new PayloadTooLargeError(
                  `Webhook payload of ${body.length} bytes exceeds zeroops.delivery.webhooks.maxPayloadBytes (${maxPayloadBytes})`,
                );
              }
              request.res?.once('finish', () => {
                if (request.res?.statusCode === 403) count('forged', event);
              });
            }
            const encoding = mediaType.parameters.charset ?? 'utf-8';
            if (!Buffer.isEncoding(encoding)) {
              throw new UnsupportedCharsetError(
                `Unsupported charset: ${encoding}`,
              );
            }
            const text = body.toString(encoding);
            let bodyParsed: unknown = text;
            if (mediaType.type === 'application/json') {
              try {
                bodyParsed = JSON.parse(text);
              } catch (error) {
                if (topic === GITHUB_TOPIC) {
                  count(
                    'malformed',
                    request.header('x-github-event') ?? 'unknown',
                  );
                }
                throw new InputError(`Webhook body is not JSON: ${error}`);
              }
            }
            return { bodyParsed, bodyBuffer: body, encoding };
          },
        });
      },
    });
  },
});
