/**
 * The route listing local change requests, on the scaffolder backend's router (so
 * `GET /api/scaffolder/zeroops/local-changes`): added by the opt-in local module of
 * `@zeroops/backstage-plugin-scaffolder-backend-module-zeroops`, read by the ZeroOps frontend.
 * Answers {@link LocalChangesResponse}; takes `repository` or `location` ({@link LocalChangesQuery}).
 * @public
 */
export const LOCAL_CHANGES_ROUTE = '/zeroops/local-changes';

/**
 * Where the ZeroOps frontend mounts its local changes page (`page:zeroops/local-changes`): one
 * repository's changes at `<path>/<repository>`, one change at `<path>/<repository>/<id>`. The
 * change-request action links there, so the two must agree.
 * @public
 */
export const LOCAL_CHANGES_UI_PATH = '/zeroops/local-changes';

/** The UI path of one local repository's changes. @public */
export function localRepositoryChangesPath(repository: string): string {
  return `${LOCAL_CHANGES_UI_PATH}/${encodeURIComponent(repository)}`;
}

/** The UI path of one local change. @public */
export function localChangePath(repository: string, changeId: string): string {
  return `${localRepositoryChangesPath(repository)}/${encodeURIComponent(
    changeId,
  )}`;
}
