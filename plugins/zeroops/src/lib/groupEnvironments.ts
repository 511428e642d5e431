import { EntityEnvironment } from '@zeroops/backstage-plugin-zeroops-common';

/** The persistent environment pull-request environments are shown under. */
export const EPHEMERAL_PARENT_ENVIRONMENT = 'staging';

export interface EnvironmentRow {
  environment: EntityEnvironment;
  /** A pull-request environment shown indented under its parent. */
  nested: boolean;
}

/**
 * Orders environments for display: persistent ones in the backend's (configuration) order, with
 * the pull-request environments right after staging, since they are short-lived copies of it.
 * Without a staging environment they follow the last persistent one.
 */
export function groupEnvironments(
  environments: ReadonlyArray<EntityEnvironment>,
): EnvironmentRow[] {
  const persistent = environments.filter(e => e.kind === 'persistent');
  const ephemeral = environments
    .filter(e => e.kind === 'ephemeral')
    .sort(
      (a, b) =>
        (a.pullRequest ?? Number.MAX_SAFE_INTEGER) -
          (b.pullRequest ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name),
    );
  const nested = ephemeral.map(environment => ({ environment, nested: true }));
  const rows: EnvironmentRow[] = [];
  let placed = false;
  for (const environment of persistent) {
    rows.push({ environment, nested: false });
    if (environment.name === EPHEMERAL_PARENT_ENVIRONMENT) {
      rows.push(...nested);
      placed = true;
    }
  }
  if (!placed) rows.push(...nested);
  return rows;
}
