import { Entity } from '@backstage/catalog-model';
import { isZeroOpsAvailable } from './isZeroOpsAvailable';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: {},
  };
}

describe('isZeroOpsAvailable', () => {
  it('accepts the ZeroOps annotation', () => {
    expect(
      isZeroOpsAvailable(
        component({ 'zeroops.io/service-name': 'payments-api' }),
      ),
    ).toBe(true);
  });

  it('accepts the AWS ECS plugin annotation', () => {
    expect(
      isZeroOpsAvailable(
        component({
          'aws.amazon.com/amazon-ecs-service-arn':
            'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
        }),
      ),
    ).toBe(true);
  });

  it('rejects entities without either annotation or with a blank one', () => {
    expect(isZeroOpsAvailable(component())).toBe(false);
    expect(
      isZeroOpsAvailable(component({ 'zeroops.io/service-name': '  ' })),
    ).toBe(false);
    expect(
      isZeroOpsAvailable(component({ 'github.com/project-slug': 'a/b' })),
    ).toBe(false);
  });
});
