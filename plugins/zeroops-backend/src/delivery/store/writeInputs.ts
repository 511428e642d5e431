import { DeliveryDeploymentState } from '@zeroops/backstage-plugin-zeroops-common';

/** A GitHub deployment as the list endpoint or a webhook describes it. */
export interface DeploymentInput {
  repository: string;
  deploymentId: number;
  environment: string;
  sha: string;
  ref: string;
  createdAt: string;
  workflowRunId?: number;
  workflowRunUrl?: string;
  creator?: string;
}

/** One GitHub deployment status. */
export interface DeploymentStatusInput {
  id: number;
  state: DeliveryDeploymentState;
  createdAt: string;
  description?: string | null;
  /** `log_url`/`target_url`: the workflow run page our workflows link each status to. */
  runUrl?: string;
}

/** What is known of a commit; absent fields keep their stored value. */
export interface CommitInput {
  commitAt?: string;
  pushFirstCommitAt?: string;
  pullRequestFirstCommitAt?: string;
  pullRequest?: number;
  /** GitHub was asked (commit and associated pull request); the reconciliation stops asking. */
  resolved?: boolean;
}
