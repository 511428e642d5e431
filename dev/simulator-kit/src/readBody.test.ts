import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readBody } from './readBody.ts';

function requestOf(chunks: string[]): IncomingMessage {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream as unknown as IncomingMessage;
}

describe('readBody', () => {
  it('joins the chunks as UTF-8 text', async () => {
    const body = await readBody(
      requestOf(['{"name":', '"café"}']),
      () => new Error('too large'),
    );
    expect(body).toBe('{"name":"café"}');
  });

  it("rejects with the simulator's error past the limit and destroys the request", async () => {
    const request = requestOf(['12345', '67890']);
    await expect(
      readBody(request, () => new Error('request body too large'), 8),
    ).rejects.toThrow('request body too large');
    expect(request.destroyed).toBe(true);
  });

  it('accepts a body of exactly the limit', async () => {
    await expect(
      readBody(requestOf(['1234', '5678']), () => new Error('x'), 8),
    ).resolves.toBe('12345678');
  });
});
