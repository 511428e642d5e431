import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** The values `parseArgs` gives for the options `O`. */
type ValuesOf<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O }>
>['values'];

/** The values of {@link sharedOptions}. */
interface SharedValues {
  port: string;
  host: string;
  help: boolean;
}

/** What every simulator command accepts besides its own options. */
function sharedOptions(defaultPort: string) {
  return {
    port: { type: 'string', default: defaultPort },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  } as const;
}

/**
 * Parses a simulator command's arguments (`process.argv`): its own `options` plus the shared
 * `--port` (checked to be a port number), `--host` (default 127.0.0.1: local only) and
 * `-h`/`--help`.
 *
 * Returns undefined after printing `usage` for `--help`, so the command does nothing else. A bad
 * argument throws, for {@link runSimulatorCli} to print with the usage.
 */
export function parseSimulatorArgs<O extends ParseArgsOptionsConfig>(
  usage: string,
  defaultPort: string,
  options: O,
): { values: ValuesOf<O> & SharedValues; port: number } | undefined {
  // parseArgs cannot name the values of options merged from a type parameter.
  const values = parseArgs({
    // The arguments after node and the script, as parseArgs reads them by default; named here
    // so that they are read through this module's `process` (which tests can set).
    args: process.argv.slice(2),
    options: { ...sharedOptions(defaultPort), ...options },
  }).values as ValuesOf<O> & SharedValues;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return undefined;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  return { values, port };
}
