export * from './githubDeployments';
export * from './records';
export * from './dora.types';
export { computeDora, computeDoraOfHistories } from './dora';
export type { DoraInput } from './dora';
export {
  buildDoraHistory,
  buildDoraHistoryOfRecords,
  doraRecordOf,
} from './doraHistory';
export type {
  DoraChange,
  DoraHistory,
  DoraIncident,
  DoraRecord,
} from './doraHistory';
export {
  DORA_BANDS,
  DORA_TARGETS,
  doraBandOf,
  meetsDoraTarget,
} from './doraTargets';
export {
  DEFAULT_DORA_WINDOW,
  DORA_WINDOWS,
  parseDoraWindow,
} from './doraWeeks';
