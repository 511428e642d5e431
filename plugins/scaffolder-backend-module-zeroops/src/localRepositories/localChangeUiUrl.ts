import { Config } from '@backstage/config';

/**
 * Where the ZeroOps frontend plugin shows local changes (its `page:zeroops/local-changes`
 * extension, mounted at this path): one repository's changes at `<path>/<repository>`, one
 * change at `<path>/<repository>/<id>`.
 */
export const LOCAL_CHANGES_UI_PATH = '/zeroops/local-changes';

/** The URL of one change in the Backstage UI (`app.baseUrl` plus the page above). */
export function localChangeUiUrl(
  config: Config,
  repository: string,
  changeId: string,
): string {
  const appBaseUrl = (config.getOptionalString('app.baseUrl') ?? '').replace(
    /\/+$/,
    '',
  );
  return `${appBaseUrl}${LOCAL_CHANGES_UI_PATH}/${encodeURIComponent(
    repository,
  )}/${encodeURIComponent(changeId)}`;
}
