import { RepositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';

/** What deploys an environment of a ZeroOps-generated repository for the first time. */
export interface FirstDeploymentStep {
  /** One sentence: what to do. */
  text: string;
  /** The workflow that does it, when the repository is on GitHub. */
  workflowUrl?: string;
  workflowName?: string;
}

/**
 * The generated workflows deploy staging on a push to `staging` and production on a merge
 * into `main` (templates' deploy-staging.yml and deploy-production.yml). Other environments
 * are deployed by whatever the platform team set up, so the step stays generic for them.
 */
const WORKFLOWS: Record<string, { text: string; workflow: string }> = {
  staging: {
    text: 'Push to the staging branch to deploy it.',
    workflow: 'deploy-staging.yml',
  },
  production: {
    text: 'Merge into main to deploy it (after it ran in staging).',
    workflow: 'deploy-production.yml',
  },
};

/** The next step for an environment that has no ECS service yet. */
export function firstDeploymentStep(
  environmentName: string,
  links: RepositoryLinks | undefined,
): FirstDeploymentStep {
  const known = WORKFLOWS[environmentName];
  if (!known) {
    return {
      text: `Run the service's deploy workflow for ${environmentName} to create its ECS service.`,
    };
  }
  const onGithub = links?.repositoryUrl.startsWith('https://github.');
  return {
    text: known.text,
    ...(onGithub && links
      ? {
          workflowUrl: `${links.repositoryUrl}/actions/workflows/${known.workflow}`,
          workflowName: known.workflow,
        }
      : {}),
  };
}
