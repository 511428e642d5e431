import { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';

/**
 * Where `zeroops:publish:local` creates repositories. The default is the user's
 * `~/.zeroops/repositories`: outside the Backstage workspace (a repository inside it would be
 * picked up by the monorepo's tooling and its git status), persistent across restarts (unlike the
 * OS temp folder, which is cleaned and would leave catalog locations pointing at nothing) and
 * private to the user running Backstage.
 */
export function readLocalRepositoriesBaseDir(config: Config): string {
  const configured = config.getOptionalString('zeroops.publish.local.baseDir');
  if (!configured) return path.join(os.homedir(), '.zeroops', 'repositories');
  const expanded = configured.startsWith('~/')
    ? path.join(os.homedir(), configured.slice(2))
    : configured;
  return path.resolve(expanded);
}
