/**
 * A local AWS endpoint that speaks the real wire protocols for the operations ZeroOps reads.
 * For development, demos, tests and benchmarks; never for production.
 *
 * @packageDocumentation
 */

export { startAwsSimulator } from './startAwsSimulator.ts';
export type {
  AwsSimulator,
  StartAwsSimulatorOptions,
} from './startAwsSimulator.ts';
export type {
  CallFilter,
  CounterSnapshot,
  OperationCount,
} from './control/Counters.ts';
export type { FaultRule } from './control/faults.ts';
export {
  BUNDLED_SCENARIOS,
  loadScenario,
  parseScenarioYaml,
} from './scenario/loadScenario.ts';
export { generateScenario } from './scenario/generateScenario.ts';
export { buildWorld } from './scenario/buildWorld.ts';
export { signRequest } from './bench/signRequest.ts';
export type { SignInput } from './bench/signRequest.ts';
export type { BuildWorldOptions } from './scenario/buildWorld.ts';
export type {
  AlarmModel,
  InstanceModel,
  TaskDefinitionModel,
  World,
} from './scenario/world.ts';
export type { GenerateScenarioOptions } from './scenario/generateScenario.ts';
export type {
  InstanceSummary,
  ScenarioSummary,
} from './scenario/summarizeWorld.ts';
export type {
  AlarmStateValue,
  DeploymentStory,
  ScenarioAccount,
  ScenarioBudget,
  ScenarioCost,
  ScenarioDocument,
  ScenarioEnvironment,
  ScenarioGenerated,
  ScenarioInstance,
  ScenarioService,
} from './scenario/types.ts';
