export type {
  LocalChange,
  LocalChangeFileStat,
  LocalChangesQuery,
  LocalChangesResponse,
  LocalRepositoryChanges,
} from './types';
export {
  LOCAL_CHANGES_ROUTE,
  LOCAL_CHANGES_UI_PATH,
  localChangePath,
  localRepositoryChangesPath,
} from './paths';
