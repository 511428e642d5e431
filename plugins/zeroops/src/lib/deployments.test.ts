import {
  deploymentRoles,
  revisionOf,
  rollingOutDeployment,
  servingDeployment,
} from './deployments';
import {
  ordersWorkerEnvironments,
  storefrontEnvironments,
} from '../__testUtils__/fixtures';

describe('deployments', () => {
  const blueGreen = storefrontEnvironments().environments[0].deployment!;
  const rolledBack = ordersWorkerEnvironments().environments[1].deployment!;

  it('serves the completed deployment while a blue/green rollout runs', () => {
    expect(revisionOf(servingDeployment(blueGreen)!)).toBe(
      'storefront-web-production:13',
    );
    expect(rollingOutDeployment(blueGreen)?.blueGreenStage).toBe(
      'TEST_TRAFFIC_SHIFT',
    );
  });

  it('serves the primary deployment otherwise', () => {
    expect(revisionOf(servingDeployment(rolledBack)!)).toBe(
      'orders-worker-staging:40',
    );
    expect(rollingOutDeployment(rolledBack)).toBeUndefined();
    expect(servingDeployment(undefined)).toBeUndefined();
  });

  it('lists primary, active and last failed deployments', () => {
    expect(
      deploymentRoles(blueGreen).map(r => [r.role, revisionOf(r.deployment)]),
    ).toEqual([
      ['Primary', 'storefront-web-production:14'],
      ['Active', 'storefront-web-production:13'],
    ]);
    expect(
      deploymentRoles(rolledBack).map(r => [r.role, revisionOf(r.deployment)]),
    ).toEqual([
      ['Primary', 'orders-worker-staging:40'],
      ['Last failed', 'orders-worker-staging:41'],
    ]);
  });
});
