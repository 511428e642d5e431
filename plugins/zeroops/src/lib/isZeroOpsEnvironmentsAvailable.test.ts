import { Entity } from '@backstage/catalog-model';
import { isZeroOpsEnvironmentsAvailable } from './isZeroOpsEnvironmentsAvailable';

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('isZeroOpsEnvironmentsAvailable', () => {
  it('shows environments for a ZeroOps service', () => {
    expect(
      isZeroOpsEnvironmentsAvailable(
        component({ 'zeroops.io/service-name': 'payments-api' }),
      ),
    ).toBe(true);
  });

  it('hides them for the platform entity, which has cost but never an ECS service', () => {
    expect(
      isZeroOpsEnvironmentsAvailable(
        component({ 'zeroops.io/service-name': 'zeroops-platform' }),
      ),
    ).toBe(false);
  });

  it('hides them for entities without ZeroOps annotations', () => {
    expect(isZeroOpsEnvironmentsAvailable(component({}))).toBe(false);
  });
});
