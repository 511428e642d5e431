import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { entity } from '../__testUtils__/fixtures';
import { firstDeploymentStep } from './firstDeployment';

describe('firstDeploymentStep', () => {
  const github = repositoryLinks(entity('inventory-api'));

  it('names the branch and links the workflow that deploys staging and production', () => {
    expect(firstDeploymentStep('staging', github)).toEqual({
      text: 'Push to the staging branch to deploy it.',
      workflowName: 'deploy-staging.yml',
      workflowUrl:
        'https://github.com/zeroops-demo/inventory-api/actions/workflows/deploy-staging.yml',
    });
    expect(firstDeploymentStep('production', github)).toMatchObject({
      text: expect.stringContaining('Merge into main'),
      workflowName: 'deploy-production.yml',
    });
  });

  it('gives the step without a link when the repository is not on GitHub or unknown', () => {
    expect(firstDeploymentStep('staging', undefined)).toEqual({
      text: 'Push to the staging branch to deploy it.',
    });
    const gitlab = repositoryLinks(
      entity('inventory-api', {
        'backstage.io/source-location':
          'url:https://gitlab.com/shop/inventory-api/',
      }),
    );
    expect(firstDeploymentStep('staging', gitlab).workflowUrl).toBeUndefined();
  });

  it('stays generic for an environment the templates do not deploy', () => {
    expect(firstDeploymentStep('qa', github).text).toBe(
      "Run the service's deploy workflow for qa to create its ECS service.",
    );
  });
});
