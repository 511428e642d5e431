import {
  DeliveryDeployment,
  DeliveryDeploymentState,
} from '@zeroops/backstage-plugin-zeroops-common';

/** GitHub deployment states in words. */
export const DEPLOYMENT_STATE_LABELS: Record<DeliveryDeploymentState, string> =
  {
    queued: 'Queued',
    pending: 'Pending',
    in_progress: 'In progress',
    success: 'Succeeded',
    failure: 'Failed',
    error: 'Errored',
    inactive: 'Replaced',
    rolled_back: 'Rolled back by AWS',
  };

/** Why AWS rolled a rollout back, as the backend names it. */
const ROLLBACK_REASONS: Record<string, string> = {
  'circuit-breaker': 'ECS deployment circuit breaker: tasks failed to start',
  alarm: 'a CloudWatch alarm fired during the blue/green rollout',
};

export function rollbackReasonLabel(reason: string): string {
  return ROLLBACK_REASONS[reason] ?? reason;
}

/** "Rolled back by AWS (ECS deployment circuit breaker: …)", "Failed". */
export function failureLabel(deployment: DeliveryDeployment): string {
  const state = DEPLOYMENT_STATE_LABELS[deployment.state];
  return deployment.rollbackReason
    ? `${state} (${rollbackReasonLabel(deployment.rollbackReason)})`
    : state;
}

/** A commit page on GitHub. */
export function commitUrl(repositoryUrl: string, sha: string): string {
  return `${repositoryUrl}/commit/${sha}`;
}

/** Who may approve: GitHub logins and `org/team` slugs. */
export function reviewersLabel(reviewers: string[]): string {
  return reviewers.length === 0 ? 'not known' : reviewers.join(', ');
}
