import { type FaultRule } from '@zeroops/aws-simulator';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsConfig } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

/** Errors that name the call that failed and the permission that is really missing. */
describe('AWS errors a user can act on', () => {
  const zeroops = useSimulatedBackend();

  async function environments(faults: FaultRule[]) {
    zeroops.simulator.setFaults(faults);
    await zeroops.start({
      config: zeroopsConfig({
        costExplorer: undefined as never,
        aws: { maxAttempts: 1, requestTimeout: '3s' },
      }),
    });
    const body = await zeroops.read<EntityEnvironmentsResponse>(
      environmentsPath('payments-api'),
    );
    return body.environments;
  }

  it('blames sts:AssumeRole and the trust policy when the role cannot be assumed', async () => {
    const envs = await environments([{ service: 'sts', accessDenied: true }]);
    expect(envs.length).toBeGreaterThan(0);
    for (const env of envs) {
      expect(env.health.status).toBe('unknown');
      expect(env.error).toMatchObject({
        code: 'access-denied',
        source: 'credentials',
        message: expect.stringContaining('sts:AssumeRole'),
        hint: expect.stringContaining('trust policy'),
      });
      expect(env.error?.hint).toContain(
        `sts:AssumeRole on the role it assumes in account ${env.location.accountId}`,
      );
      expect(JSON.stringify(env.error)).not.toMatch(/ecs:|Allow ecs/);
    }
  });

  it('names DescribeServices, not ListServices, when the describe after the list is throttled', async () => {
    const envs = await environments([
      {
        account: '222222222222',
        service: 'ecs',
        operation: 'DescribeServices',
        throttleRate: 1,
      },
    ]);
    const ephemeral = envs.find(e => e.platformEnvironment === 'ephemeral');
    expect(ephemeral?.error).toMatchObject({
      code: 'throttled',
      source: 'ecs',
      message: expect.stringMatching(/^ecs:DescribeServices failed/),
      hint: expect.stringContaining('ecs:DescribeServices'),
    });
    expect(JSON.stringify(ephemeral?.error)).not.toContain('ListServices');
  });
});
