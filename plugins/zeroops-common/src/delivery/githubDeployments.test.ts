import { parseZeroOpsDeploymentPayload } from './githubDeployments';

describe('parseZeroOpsDeploymentPayload', () => {
  it('reads the payload our workflows write', () => {
    expect(
      parseZeroOpsDeploymentPayload({
        service: 'payments-api',
        branch: 'hotfix/fix-checkout-timeout',
        workflow_run_id: 987654321,
      }),
    ).toEqual({
      service: 'payments-api',
      branch: 'hotfix/fix-checkout-timeout',
      workflow_run_id: 987654321,
    });
  });

  it('leaves out what a deployment of an older workflow does not carry', () => {
    const parsed = parseZeroOpsDeploymentPayload({
      service: 'payments-api',
      branch: 'main',
    });
    expect(parsed.branch).toBe('main');
    expect(parsed.workflow_run_id).toBeUndefined();
  });

  it('drops malformed fields and keeps the valid ones', () => {
    expect(
      parseZeroOpsDeploymentPayload({
        service: 42,
        branch: '',
        workflow_run_id: -3,
      }),
    ).toEqual({});
    expect(
      parseZeroOpsDeploymentPayload({ branch: 'main', workflow_run_id: 1.5 }),
    ).toEqual({ branch: 'main' });
    expect(
      parseZeroOpsDeploymentPayload({ workflow_run_id: '9100000001' }),
    ).toEqual({ workflow_run_id: 9100000001 });
  });

  it('reads nothing from a payload that is not an object', () => {
    for (const payload of [undefined, null, '', 'main', 7, ['main']]) {
      expect(parseZeroOpsDeploymentPayload(payload)).toEqual({});
    }
  });
});
