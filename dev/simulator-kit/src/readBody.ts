import type { IncomingMessage } from 'node:http';

/** The largest request body a simulator reads by default: far above any real API call. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 text.
 *
 * A body over `maxBytes` rejects with the simulator's own error (`tooLarge()`: each answers in its
 * API's error format) and destroys the request, so a runaway client cannot fill the memory of a
 * process with a fixed memory budget.
 */
export function readBody(
  request: IncomingMessage,
  tooLarge: () => Error,
  maxBytes = MAX_BODY_BYTES,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
