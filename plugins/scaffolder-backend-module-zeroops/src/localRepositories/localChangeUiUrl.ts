import { Config } from '@backstage/config';
import { localChangePath } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * The URL of one change in the Backstage UI: `app.baseUrl` plus the ZeroOps frontend's local
 * changes page (`localChangePath`, shared with the frontend that mounts it).
 */
export function localChangeUiUrl(
  config: Config,
  repository: string,
  changeId: string,
): string {
  const appBaseUrl = (config.getOptionalString('app.baseUrl') ?? '').replace(
    /\/+$/,
    '',
  );
  return `${appBaseUrl}${localChangePath(repository, changeId)}`;
}
