import {
  ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS,
  ZEROOPS_DEPLOYMENT_TASK,
  ZeroOpsDeploymentPayload,
  ecsServiceName,
  ephemeralEnvironmentName,
  formatEcsDeploymentDescription,
  parseEcsDeploymentDescription,
  parseZeroOpsDeploymentPayload,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  ZEROOPS_TASK,
  ZeroOpsPayload,
  ecsDescription,
  ecsServiceNameOf,
  pullRequestEnvironment,
  serviceDeploymentArn,
  zeroOpsPayload,
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

  it('writes the deployment payload the backend parses', () => {
    const payload = zeroOpsPayload(
      'payments-api',
      'hotfix/restore',
      9100000042,
    );
    expect(Object.keys(payload)).toEqual([...ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS]);
    expect(parseZeroOpsDeploymentPayload(payload)).toEqual(payload);
    // Both ways assignable: the mirrored type has exactly the common type's fields.
    const common: ZeroOpsDeploymentPayload = payload;
    const mirrored: ZeroOpsPayload = common;
    expect(mirrored).toBe(payload);
  });
});
