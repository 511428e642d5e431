import {
  type AwsSimulator,
  type StartAwsSimulatorOptions,
  startAwsSimulator,
} from '../startAwsSimulator.ts';
import { FIXED_NOW } from './clients.ts';

/**
 * Registers the hooks of the enclosing `describe`: one simulator, started before its tests and
 * stopped after them; the demo scenario at FIXED_NOW unless `options` say otherwise. Hooks the
 * block registers later run after the start, so they can already use `.simulator`.
 */
export function useSimulator(options: StartAwsSimulatorOptions = {}): {
  readonly simulator: AwsSimulator;
} {
  let started: AwsSimulator | undefined;
  beforeAll(async () => {
    started = await startAwsSimulator({
      scenario: 'demo',
      now: () => FIXED_NOW,
      ...options,
    });
  });
  afterAll(() => started?.stop());
  return {
    get simulator(): AwsSimulator {
      if (!started) throw new Error('the simulator has not started');
      return started;
    },
  };
}
