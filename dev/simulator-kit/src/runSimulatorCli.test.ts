import { runSimulatorCli } from './runSimulatorCli.ts';

describe('runSimulatorCli', () => {
  let exit: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  let once: jest.SpyInstance;
  const handlers = new Map<string, () => void>();

  beforeEach(() => {
    handlers.clear();
    exit = jest
      .spyOn(process, 'exit')
      .mockImplementation((() => undefined) as () => never);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    once = jest.spyOn(process, 'once').mockImplementation(((
      event: string,
      handler: () => void,
    ) => {
      handlers.set(event, handler);
      return process;
    }) as typeof process.once);
  });

  afterEach(() => {
    exit.mockRestore();
    stderr.mockRestore();
    once.mockRestore();
  });

  const flush = () => new Promise(resolve => setImmediate(resolve));

  it.each(['SIGINT', 'SIGTERM'])(
    'stops the simulator on %s and exits 0',
    async signal => {
      const stop = jest.fn().mockResolvedValue(undefined);
      await runSimulatorCli('sim', 'Usage: sim', async () => ({ stop }));
      expect(exit).not.toHaveBeenCalled();
      handlers.get(signal)!();
      await flush();
      expect(stop).toHaveBeenCalledTimes(1);
      expect(exit).toHaveBeenCalledWith(0);
    },
  );

  it('exits 1 when stopping fails', async () => {
    const stop = jest.fn().mockRejectedValue(new Error('stuck'));
    await runSimulatorCli('sim', 'Usage: sim', async () => ({ stop }));
    handlers.get('SIGTERM')!();
    await flush();
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('waits for no signal when nothing was started (--help)', async () => {
    await runSimulatorCli('sim', 'Usage: sim', async () => undefined);
    expect(handlers.size).toBe(0);
    expect(exit).not.toHaveBeenCalled();
  });

  it('prints the error with the prefix and the usage, then exits 1', async () => {
    await runSimulatorCli('sim', 'Usage: sim [--port n]', async () => {
      throw new Error('--port must be a port number, got x');
    });
    expect(stderr).toHaveBeenCalledWith(
      '[sim] --port must be a port number, got x\nUsage: sim [--port n]\n',
    );
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('prints what was thrown when it is not an Error', async () => {
    await runSimulatorCli('sim', 'Usage: sim', () => Promise.reject('boom'));
    expect(stderr).toHaveBeenCalledWith('[sim] boom\nUsage: sim\n');
  });
});
