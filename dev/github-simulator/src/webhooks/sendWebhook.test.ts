import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildWebhookRequest,
  malformedWebhookBody,
  oversizedWebhookBody,
  sendWebhook,
} from './sendWebhook.ts';
import type { WebhookDelivery } from './payloads.ts';

const delivery: WebhookDelivery = {
  event: 'deployment',
  payload: { action: 'created', deployment: { id: 1 } },
};
const SECRET = 'zeroops-demo-webhook-secret';

/** What a receiver does (and @octokit/webhooks-methods' verify): HMAC the raw bytes, compare. */
function verifies(
  body: Buffer,
  signature: string | undefined,
  secret: string,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('buildWebhookRequest', () => {
  it('signs the raw body and sets the headers GitHub sends', () => {
    const request = buildWebhookRequest(delivery, { secret: SECRET });
    expect(request.body.toString()).toBe(JSON.stringify(delivery.payload));
    expect(request.headers).toEqual(
      expect.objectContaining({
        'content-type': 'application/json',
        'x-github-event': 'deployment',
        'x-github-delivery': request.deliveryId,
        'user-agent': expect.stringMatching(/^GitHub-Hookshot\/[0-9a-f]+$/),
      }),
    );
    expect(request.deliveryId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(
      verifies(request.body, request.headers['x-hub-signature-256'], SECRET),
    ).toBe(true);
  });

  it('forges signatures, replays delivery ids and sends oversized or malformed bodies on request', () => {
    const forged = buildWebhookRequest(delivery, {
      secret: SECRET,
      forgeSignature: true,
    });
    expect(
      verifies(forged.body, forged.headers['x-hub-signature-256'], SECRET),
    ).toBe(false);
    const verbatim = buildWebhookRequest(delivery, {
      secret: SECRET,
      forgeSignature: `sha256=${'0'.repeat(64)}`,
    });
    expect(verbatim.headers['x-hub-signature-256']).toBe(
      `sha256=${'0'.repeat(64)}`,
    );
    const unsigned = buildWebhookRequest(delivery, {
      secret: SECRET,
      forgeSignature: '',
    });
    expect(unsigned.headers).not.toHaveProperty('x-hub-signature-256');

    const first = buildWebhookRequest(delivery, { secret: SECRET });
    const replay = buildWebhookRequest(delivery, {
      secret: SECRET,
      deliveryId: first.deliveryId,
    });
    expect(replay.headers['x-github-delivery']).toBe(
      first.headers['x-github-delivery'],
    );

    const big = buildWebhookRequest(delivery, {
      secret: SECRET,
      rawBody: oversizedWebhookBody(delivery, 2_000_000),
    });
    expect(big.body.length).toBeGreaterThanOrEqual(2_000_000);
    expect(JSON.parse(big.body.toString()).action).toBe('created');
    expect(verifies(big.body, big.headers['x-hub-signature-256'], SECRET)).toBe(
      true,
    );

    const malformed = malformedWebhookBody(delivery);
    expect(() => JSON.parse(malformed)).toThrow(SyntaxError);
  });
});

describe('sendWebhook', () => {
  it('POSTs the exact bytes and returns the receiver answer', async () => {
    let seen: { headers: IncomingMessage['headers']; body: Buffer } | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        seen = { headers: req.headers, body: Buffer.concat(chunks) };
        res
          .writeHead(
            verifies(
              seen.body,
              req.headers['x-hub-signature-256'] as string,
              SECRET,
            )
              ? 202
              : 401,
          )
          .end('done');
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const ok = await sendWebhook(delivery, { url, secret: SECRET });
      expect(ok).toEqual({
        status: 202,
        deliveryId: seen!.headers['x-github-delivery'],
        body: 'done',
      });
      expect(seen!.headers['x-github-event']).toBe('deployment');
      const forged = await sendWebhook(delivery, {
        url,
        secret: SECRET,
        forgeSignature: true,
      });
      expect(forged.status).toBe(401);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
