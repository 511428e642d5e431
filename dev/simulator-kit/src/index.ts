/**
 * What the AWS and GitHub simulators share. Development tooling; never for production.
 *
 * @packageDocumentation
 */

export { hexFrom } from './hexFrom.ts';
export { hashString, unitHash } from './keyHashes.ts';
export { type Listening, listen } from './listen.ts';
export { mulberry32 } from './mulberry32.ts';
export { parseSimulatorArgs } from './parseSimulatorArgs.ts';
export { readBody } from './readBody.ts';
export { type Stoppable, runSimulatorCli } from './runSimulatorCli.ts';
