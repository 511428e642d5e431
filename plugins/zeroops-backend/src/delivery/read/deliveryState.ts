import {
  DeliveryDeployment,
  DeliveryEnvironment,
  PendingApproval,
  pullRequestNumberOfEnvironment,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EnvironmentDeliveryState } from '../store/DeliveryRecordsReader';

/** The GitHub environments of the persistent stages (`zeroops.delivery.*Environment`). */
export interface EnvironmentNames {
  production: string;
  staging: string;
}

/** Order of the environments on the card: production, staging, others by name, pull requests. */
function compareEnvironments(names: EnvironmentNames) {
  const key = (name: string) => {
    const pullRequest = pullRequestNumberOfEnvironment(name);
    if (name === names.production) return { rank: 0, pullRequest: 0 };
    if (name === names.staging) return { rank: 1, pullRequest: 0 };
    if (pullRequest === undefined) return { rank: 2, pullRequest: 0 };
    return { rank: 3, pullRequest };
  };
  return (a: string, b: string) => {
    const ka = key(a);
    const kb = key(b);
    return (
      ka.rank - kb.rank ||
      ka.pullRequest - kb.pullRequest ||
      a.localeCompare(b, 'en-US')
    );
  };
}

/** Whether `a` started after `b` (compared as instants; the store writes UTC, GitHub offsets). */
function startedAfter(a: DeliveryDeployment, b: DeliveryDeployment): boolean {
  return Date.parse(a.createdAt) > Date.parse(b.createdAt);
}

/**
 * The environments of one repository as the Delivery card shows them: what each runs, what is
 * rolling out, the last failure when it is newer than what runs, and the runs waiting for a
 * reviewer — including an environment that has nothing deployed yet but a run waiting for it.
 */
export function deliveryEnvironments(
  states: readonly EnvironmentDeliveryState[],
  approvals: readonly PendingApproval[],
  names: EnvironmentNames,
): DeliveryEnvironment[] {
  const present = new Set([
    ...states.map(s => s.environment),
    ...approvals.map(a => a.environment),
  ]);
  return [...present].sort(compareEnvironments(names)).map(name => {
    const state = states.find(s => s.environment === name);
    const current = state?.current;
    const failure = state?.lastFailure;
    return {
      name,
      current,
      inProgress: state?.inProgress,
      lastFailure:
        failure && (!current || startedAfter(failure, current))
          ? failure
          : undefined,
      pendingApprovals: approvals.filter(a => a.environment === name),
    };
  });
}

/**
 * The newest failed or rolled-back deployment of a persistent environment (not `pr-<n>`),
 * whether or not a success followed it.
 */
export function lastPersistentFailure(
  states: readonly EnvironmentDeliveryState[],
): DeliveryDeployment | undefined {
  let newest: DeliveryDeployment | undefined;
  for (const state of states) {
    const failure = state.lastFailure;
    if (
      !failure ||
      pullRequestNumberOfEnvironment(state.environment) !== undefined
    ) {
      continue;
    }
    if (!newest || startedAfter(failure, newest)) newest = failure;
  }
  return newest;
}
