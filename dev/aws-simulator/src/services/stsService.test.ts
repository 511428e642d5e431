import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { FIXED_NOW, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('STS through @aws-sdk/client-sts', () => {
  const demo = useSimulator();

  afterEach(() => demo.simulator.resetCounters());

  it('attributes base credentials to the default account', async () => {
    const out = await clients
      .sts(demo.simulator)
      .send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: '999999999999',
      Arn: 'arn:aws:iam::999999999999:user/simulator',
    });
    expect(out.UserId).toMatch(/^AIDA[0-9A-F]{17}$/);
  });

  it('issues temporary credentials that identify the role account', async () => {
    const assumed = await clients.sts(demo.simulator).send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/zeroops-backstage-readonly',
        RoleSessionName: 'backstage',
        DurationSeconds: 900,
      }),
    );
    const c = assumed.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA222222222222[A-Z2-7]{4}$/);
    expect(c.Expiration!.getTime()).toBe(FIXED_NOW.getTime() + 900_000);
    expect(assumed.AssumedRoleUser!.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/zeroops-backstage-readonly/backstage',
    );
    const identity = await clients
      .sts(demo.simulator, {
        credentials: {
          accessKeyId: c.AccessKeyId!,
          secretAccessKey: c.SecretAccessKey!,
          sessionToken: c.SessionToken,
        },
      })
      .send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: '222222222222',
      Arn: 'arn:aws:sts::222222222222:assumed-role/zeroops-backstage-readonly/backstage',
    });
    expect(identity.UserId).toMatch(/^AROA[0-9A-F]{17}:backstage$/);
  });

  it('denies roles in accounts that are not part of the scenario', async () => {
    const error = await clients
      .sts(demo.simulator)
      .send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/zeroops-backstage-readonly',
          RoleSessionName: 'backstage',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect((error as STSServiceException).name).toBe('AccessDenied');
    expect((error as STSServiceException).$metadata.httpStatusCode).toBe(403);
  });

  it('works with the role assumption of @backstage/integration-aws-node', async () => {
    const saved = { ...process.env };
    process.env.AWS_ENDPOINT_URL = demo.simulator.url;
    process.env.AWS_ACCESS_KEY_ID = 'simulator';
    process.env.AWS_SECRET_ACCESS_KEY = 'simulator';
    try {
      const manager = DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({
          aws: {
            mainAccount: {
              accessKeyId: 'simulator',
              secretAccessKey: 'simulator',
            },
            accounts: [
              {
                accountId: '111111111111',
                roleName: 'zeroops-backstage-readonly',
              },
            ],
          },
        }),
      );
      const { sdkCredentialProvider } = await manager.getCredentialProvider({
        accountId: '111111111111',
      });
      const ecs = new ECSClient({
        region: 'us-east-1',
        credentialDefaultProvider: () => sdkCredentialProvider,
      });
      const out = await ecs.send(
        new ListServicesCommand({ cluster: 'zeroops-production' }),
      );
      expect(out.serviceArns).toHaveLength(3);
      // Backstage's main credentials assumed the role (the credential provider may resolve
      // more than once), then ECS was called as the role.
      expect(
        demo.simulator.callCount({
          operation: 'AssumeRole',
          account: '999999999999',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        demo.simulator.callCount({
          operation: 'ListServices',
          account: '111111111111',
        }),
      ).toBe(1);
    } finally {
      process.env = saved;
    }
  });
});
