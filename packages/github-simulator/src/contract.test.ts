import {
  ZEROOPS_DEPLOYMENT_TASK,
  ecsServiceName,
  ephemeralEnvironmentName,
  formatEcsDeploymentDescription,
  parseEcsDeploymentDescription,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  ZEROOPS_TASK,
  ecsDescription,
  ecsServiceNameOf,
  pullRequestEnvironment,
  serviceDeploymentArn,
} from './contract.ts';

describe('the mirrored delivery contract', () => {
  it('writes what the zeroops-common contract defines', () => {
    expect(ZEROOPS_TASK).toBe(ZEROOPS_DEPLOYMENT_TASK);
    const arn = serviceDeploymentArn('payments-api', 'pr-7', 'a1b2c3');
    expect(ecsDescription(arn)).toBe(formatEcsDeploymentDescription(arn));
    expect(parseEcsDeploymentDescription(ecsDescription(arn))).toBe(arn);
    expect(arn).toBe(
      'arn:aws:ecs:us-east-1:222222222222:service-deployment/zeroops-ephemeral/payments-api-pr-7/a1b2c3',
    );
    for (const environment of ['production', 'staging', 'pr-42']) {
      expect(ecsServiceNameOf('orders-worker', environment)).toBe(
        ecsServiceName('orders-worker', environment),
      );
    }
    expect(pullRequestEnvironment(42)).toBe(ephemeralEnvironmentName(42));
  });
});
