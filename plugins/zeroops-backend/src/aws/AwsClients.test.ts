import { sharedCredentials } from './AwsClients';

describe('sharedCredentials', () => {
  it('makes one lookup for concurrent callers and reuses it until near expiry', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    let calls = 0;
    const provider = sharedCredentials(
      async () => {
        calls++;
        await new Promise(r => setTimeout(r, 10));
        return {
          accessKeyId: `key-${calls}`,
          secretAccessKey: 'secret',
          expiration: new Date(now + 60 * 60 * 1000),
        };
      },
      () => now,
    );
    const all = await Promise.all([provider(), provider(), provider()]);
    expect(all.map(c => c.accessKeyId)).toEqual(['key-1', 'key-1', 'key-1']);
    now += 50 * 60 * 1000;
    expect((await provider()).accessKeyId).toBe('key-1');
    now += 6 * 60 * 1000; // within 5 minutes of expiry
    expect((await provider()).accessKeyId).toBe('key-2');
    expect(calls).toBe(2);
  });

  it('retries after a failed lookup', async () => {
    let calls = 0;
    const provider = sharedCredentials(async () => {
      calls++;
      if (calls === 1) throw new Error('sts down');
      return { accessKeyId: 'ok', secretAccessKey: 's' };
    });
    await expect(provider()).rejects.toThrow('sts down');
    expect((await provider()).accessKeyId).toBe('ok');
  });
});
