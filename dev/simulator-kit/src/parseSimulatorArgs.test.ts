import { parseSimulatorArgs } from './parseSimulatorArgs.ts';

describe('parseSimulatorArgs', () => {
  const argv = process.argv;
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    process.argv = argv;
    stdout.mockRestore();
  });

  function parse(args: string[]) {
    process.argv = ['node', 'cli', ...args];
    return parseSimulatorArgs('Usage: sim', '4599', {
      seed: { type: 'string' },
      live: { type: 'boolean', default: false },
    });
  }

  it('gives the shared defaults and the command’s own options', () => {
    expect(parse([])).toEqual({
      values: { port: '4599', host: '127.0.0.1', help: false, live: false },
      port: 4599,
    });
    const parsed = parse([
      '--port',
      '0',
      '--host',
      '::1',
      '--seed',
      '7',
      '--live',
    ]);
    expect(parsed?.port).toBe(0);
    expect(parsed?.values).toMatchObject({
      host: '::1',
      seed: '7',
      live: true,
    });
  });

  it.each([['--help'], ['-h']])(
    'prints the usage for %s and returns nothing',
    flag => {
      expect(parse([flag, '--port', 'x'])).toBeUndefined();
      expect(stdout).toHaveBeenCalledWith('Usage: sim\n');
    },
  );

  it.each(['abc', '-1', '65536', '1.5'])('refuses --port %s', port => {
    expect(() => parse([`--port=${port}`])).toThrow(
      `--port must be a port number, got ${port}`,
    );
  });

  it('refuses an unknown option', () => {
    expect(() => parse(['--nope'])).toThrow(/Unknown option '--nope'/);
  });
});
