import { toDeploymentInput } from './deliveryReads';

const SHA = '356b496dcaa22a5311e4ed008ae74cc073a82795';
const github = {
  id: 1800000042,
  sha: SHA,
  task: 'deploy:zeroops',
  environment: 'production',
  created_at: '2026-03-01T10:00:00Z',
  creator: { login: 'github-actions[bot]' },
};

describe('toDeploymentInput', () => {
  it('takes the branch and the run from our payload, not from GitHub’s ref (the SHA)', () => {
    expect(
      toDeploymentInput('zeroops-demo/payments-api', {
        ...github,
        ref: SHA,
        payload: {
          service: 'payments-api',
          branch: 'hotfix/restore-checkout',
          workflow_run_id: 9100000042,
        },
      }),
    ).toEqual({
      repository: 'zeroops-demo/payments-api',
      deploymentId: 1800000042,
      environment: 'production',
      sha: SHA,
      ref: 'hotfix/restore-checkout',
      createdAt: '2026-03-01T10:00:00Z',
      creator: 'github-actions[bot]',
      workflowRunId: 9100000042,
    });
  });

  it('reads a deployment of an older workflow: the branch in ref, no run in the payload', () => {
    const input = toDeploymentInput('zeroops-demo/payments-api', {
      ...github,
      ref: 'main',
      payload: { service: 'payments-api' },
    });
    expect(input.ref).toBe('main');
    // Its run is taken from a status's log URL when the statuses are applied.
    expect(input.workflowRunId).toBeUndefined();
  });

  it('ignores a payload written by something else', () => {
    const input = toDeploymentInput('zeroops-demo/payments-api', {
      ...github,
      ref: 'release/2026-03',
      payload: 'deployed by hand',
    });
    expect([input.ref, input.workflowRunId]).toEqual([
      'release/2026-03',
      undefined,
    ]);
  });
});
