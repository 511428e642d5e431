import { createServer } from 'node:http';
import { listen } from './listen.ts';

describe('listen', () => {
  it('listens on a free local port by default and names the URL', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    try {
      const listening = await listen(server);
      expect(listening.port).toBeGreaterThan(0);
      expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`);
      expect(await (await fetch(listening.url)).text()).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('puts an IPv6 address in brackets', async () => {
    const server = createServer();
    try {
      const listening = await listen(server, { host: '::1', port: 0 });
      expect(listening.url).toBe(`http://[::1]:${listening.port}`);
    } catch (error) {
      // A machine without IPv6 loopback cannot run this case.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL')
        throw error;
    } finally {
      server.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const first = createServer();
    const second = createServer();
    try {
      const { port } = await listen(first);
      await expect(listen(second, { port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
      expect(second.listenerCount('error')).toBe(0);
    } finally {
      first.close();
    }
  });
});
