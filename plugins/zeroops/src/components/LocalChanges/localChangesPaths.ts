/**
 * Where the local changes page is mounted (`page:zeroops/local-changes`). The scaffolder module's
 * change-request action links to `<app.baseUrl><this path>/<repository>/<id>` (its
 * LOCAL_CHANGES_UI_PATH); keep the two equal.
 */
export const LOCAL_CHANGES_PATH = '/zeroops/local-changes';

export function localRepositoryChangesPath(repository: string) {
  return `${LOCAL_CHANGES_PATH}/${encodeURIComponent(repository)}`;
}

export function localChangePath(repository: string, changeId: string) {
  return `${localRepositoryChangesPath(repository)}/${encodeURIComponent(
    changeId,
  )}`;
}
