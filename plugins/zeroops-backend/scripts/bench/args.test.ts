import { BenchUsageError, parseBenchOptions } from './args';

describe('parseBenchOptions', () => {
  it('reads --environments as names, in order', () => {
    expect(
      parseBenchOptions(['--environments', 'production,staging,qa,perf'])
        .environments,
    ).toEqual(['production', 'staging', 'qa', 'perf']);
  });

  it('refuses a count for --environments instead of naming an environment "3"', () => {
    expect(() => parseBenchOptions(['--environments', '3'])).toThrow(
      new BenchUsageError(
        "--environments takes environment names, not a count: got '3'. Write e.g. --environments production,staging,qa,perf",
      ),
    );
  });

  it('refuses names the backend config would refuse, and repeated names', () => {
    expect(() => parseBenchOptions(['--environments', 'Prod'])).toThrow(
      /'Prod' is not an environment name/,
    );
    expect(() => parseBenchOptions(['--environments', 'qa,qa'])).toThrow(
      /lists a name twice/,
    );
  });

  it('runs on the embedded stores unless --stores production is given', () => {
    expect(parseBenchOptions([]).stores).toBe('embedded');
    expect(parseBenchOptions(['--stores', 'production']).stores).toBe(
      'production',
    );
    expect(() => parseBenchOptions(['--stores', 'mysql'])).toThrow(
      "--stores must be embedded or production, got 'mysql'",
    );
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => parseBenchOptions(['--services', '2.5'])).toThrow(
      "--services must be a whole number >= 1, got '2.5'",
    );
    expect(() => parseBenchOptions(['--duration', 'ten'])).toThrow(
      "--duration must be a whole number >= 1, got 'ten'",
    );
  });
});
