import { RequestReads } from './RequestReads';

describe('RequestReads', () => {
  it('starts each key once per request and hands every caller the same read', async () => {
    const reads = new RequestReads();
    const start = jest.fn(async () => 'alarms');
    const first = reads.once('alarms:111:eu-west-1', start);
    const second = reads.once('alarms:111:eu-west-1', start);
    expect(second).toBe(first);
    expect(start).toHaveBeenCalledTimes(1);
    await expect(second).resolves.toBe('alarms');
  });

  it('starts different keys separately', async () => {
    const reads = new RequestReads();
    const start = jest.fn(async () => 'x');
    await reads.once('alarms:111:eu-west-1', start);
    await reads.once('alarms:222:eu-west-1', start);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('is per request: a new instance starts the read again (the cache decides about reuse)', async () => {
    const start = jest.fn(async () => 'x');
    await new RequestReads().once('k', start);
    await new RequestReads().once('k', start);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('gives a failed read to every caller without leaving it unobserved', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const reads = new RequestReads();
      reads.once('k', () => Promise.reject(new Error('throttled')));
      await new Promise(resolve => setTimeout(resolve, 10));
      await expect(reads.once('k', jest.fn())).rejects.toThrow('throttled');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
