import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsClients, sharedCredentials } from './AwsClients';

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

describe('AwsClients.warmCredentials', () => {
  function clientsWith(provider: () => Promise<unknown>) {
    const getCredentialProvider = jest.fn(async () => ({
      sdkCredentialProvider: provider as never,
    }));
    const clients = new AwsClients(
      { getCredentialProvider } as unknown as AwsCredentialsManager,
      { requestTimeoutMs: 1_000, maxAttempts: 1 },
    );
    return { clients, getCredentialProvider };
  }

  it('assumes the role before the first call, which then reuses the credentials', async () => {
    let lookups = 0;
    const { clients } = clientsWith(async () => {
      lookups++;
      return { accessKeyId: 'k', secretAccessKey: 's' };
    });
    clients.warmCredentials('111111111111');
    clients.warmCredentials('111111111111');
    await new Promise(resolve => setImmediate(resolve));
    expect(lookups).toBe(1);

    const ecs = await clients.get('ecs', '111111111111', 'us-east-1');
    await expect(ecs.config.credentials()).resolves.toMatchObject({
      accessKeyId: 'k',
    });
    expect(lookups).toBe(1);
    clients.destroy();
  });

  it('leaves a failed lookup to the calls, which look up again', async () => {
    let lookups = 0;
    const { clients } = clientsWith(async () => {
      lookups++;
      if (lookups === 1) throw new Error('AccessDenied');
      return { accessKeyId: 'k', secretAccessKey: 's' };
    });
    clients.warmCredentials('222222222222');
    await new Promise(resolve => setImmediate(resolve));
    const ecs = await clients.get('ecs', '222222222222', 'us-east-1');
    await expect(ecs.config.credentials()).resolves.toMatchObject({
      accessKeyId: 'k',
    });
    expect(lookups).toBe(2);
    clients.destroy();
  });
});
