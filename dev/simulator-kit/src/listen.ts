import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a simulator listens once {@link listen} has resolved. */
export interface Listening {
  /** `http://<host>:<port>`, with an IPv6 address in brackets so it can be used as a base URL. */
  url: string;
  /** The port actually bound (the one picked by the system when 0 was asked for). */
  port: number;
}

/**
 * Starts `server` listening and names its URL.
 *
 * The defaults keep a simulator private to the machine (127.0.0.1) and on a free port (0), so
 * tests can start many side by side. A failure to bind (port taken, unknown host) rejects instead
 * of surfacing later as an unhandled `error` event.
 */
export async function listen(
  server: Server,
  options: { port?: number; host?: string } = {},
): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, port: address.port };
}
