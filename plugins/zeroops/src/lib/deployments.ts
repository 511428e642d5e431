import {
  Deployment,
  DeploymentState,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * The deployment serving traffic. While a rollout is in progress the primary deployment is the
 * new one, and the completed deployment still running next to it is what users get.
 */
export function servingDeployment(
  state: DeploymentState | undefined,
): Deployment | undefined {
  if (!state?.primary) return undefined;
  if (state.primary.rolloutState !== 'IN_PROGRESS') return state.primary;
  return (
    state.inFlight.find(d => d.rolloutState === 'COMPLETED') ?? state.primary
  );
}

/** The deployment being rolled out, if any. */
export function rollingOutDeployment(
  state: DeploymentState | undefined,
): Deployment | undefined {
  if (!state) return undefined;
  return [state.primary, ...state.inFlight].find(
    (d): d is Deployment => d?.rolloutState === 'IN_PROGRESS',
  );
}

/** `storefront-web-production:14` */
export function revisionOf(deployment: Deployment): string {
  return `${deployment.taskDefinitionFamily}:${deployment.taskDefinitionRevision}`;
}

/** The role of each known deployment in the detail table, newest role first. */
export function deploymentRoles(
  state: DeploymentState,
): Array<{ role: string; deployment: Deployment }> {
  const rows: Array<{ role: string; deployment: Deployment }> = [];
  if (state.primary) rows.push({ role: 'Primary', deployment: state.primary });
  for (const deployment of state.inFlight) {
    rows.push({ role: 'Active', deployment });
  }
  if (
    state.lastFailed &&
    !rows.some(row => row.deployment.id === state.lastFailed?.id)
  ) {
    rows.push({ role: 'Last failed', deployment: state.lastFailed });
  }
  return rows;
}
