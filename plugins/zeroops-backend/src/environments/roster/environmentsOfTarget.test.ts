import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import { environmentsOfTarget } from './environmentsOfTarget';

const ENVIRONMENTS: PlatformEnvironment[] = [
  {
    name: 'production',
    kind: 'persistent',
    accountId: '111111111111',
    region: 'us-east-1',
    cluster: 'zeroops-production',
  },
  {
    name: 'staging',
    kind: 'persistent',
    accountId: '222222222222',
    region: 'us-east-1',
    cluster: 'zeroops-staging',
  },
];

function arnTarget(accountId: string, cluster: string) {
  return {
    entityRef: 'component:default/legacy-payments',
    serviceName: 'payments-api',
    ecsServiceArn: {
      accountId,
      region: 'us-east-1',
      cluster,
      serviceName: 'payments-api',
    },
  };
}

describe('environmentsOfTarget', () => {
  it('puts a service named by zeroops.io/service-name in every environment', () => {
    expect(
      environmentsOfTarget(
        {
          entityRef: 'component:default/payments-api',
          serviceName: 'payments-api',
        },
        ENVIRONMENTS,
      ),
    ).toBe(ENVIRONMENTS);
  });

  it('puts a service named by its ARN in the environment of its cluster', () => {
    expect(
      environmentsOfTarget(
        arnTarget('222222222222', 'zeroops-staging'),
        ENVIRONMENTS,
      ),
    ).toEqual([ENVIRONMENTS[1]]);
  });

  it('names an unconfigured cluster of a configured account after the cluster', () => {
    expect(
      environmentsOfTarget(arnTarget('111111111111', 'legacy'), ENVIRONMENTS),
    ).toEqual([
      {
        name: 'legacy',
        kind: 'persistent',
        accountId: '111111111111',
        region: 'us-east-1',
        cluster: 'legacy',
      },
    ]);
  });

  it('reads nothing for an ARN outside the configured accounts', () => {
    expect(
      environmentsOfTarget(arnTarget('333333333333', 'other'), ENVIRONMENTS),
    ).toEqual([]);
  });
});
