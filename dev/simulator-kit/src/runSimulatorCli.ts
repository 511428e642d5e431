/** What a simulator's command line has started and must stop on Ctrl-C or `kill`. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Runs a simulator's command: `main` parses the arguments, starts the simulator and prints where
 * it listens, and returns it (or nothing, e.g. after `--help`).
 *
 * The started simulator is stopped on SIGINT and SIGTERM so its sockets and timers close before
 * the process exits: exit code 0 when it stopped cleanly, 1 when stopping failed. Any error from
 * `main` (a bad argument, a port in use, an invalid scenario) exits with code 1 after printing
 * `[<name>] <message>` and the usage, so the user sees what to change without a stack trace.
 */
export function runSimulatorCli(
  name: string,
  usage: string,
  main: () => Promise<Stoppable | void>,
): Promise<void> {
  return main().then(
    simulator => {
      if (!simulator) return;
      const stop = () => {
        simulator.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    error => {
      process.stderr.write(
        `[${name}] ${
          error instanceof Error ? error.message : String(error)
        }\n${usage}\n`,
      );
      process.exit(1);
    },
  );
}
