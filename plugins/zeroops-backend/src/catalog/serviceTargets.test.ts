import { Entity } from '@backstage/catalog-model';
import {
  explainMissingAnnotation,
  parseEcsServiceArn,
  serviceTargetOf,
} from './serviceTargets';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', annotations },
  spec: {},
});

describe('serviceTargetOf', () => {
  it('reads zeroops.io/service-name', () => {
    expect(
      serviceTargetOf(entity({ 'zeroops.io/service-name': 'payments-api' })),
    ).toEqual({
      entityRef: 'component:default/payments-api',
      serviceName: 'payments-api',
    });
  });

  it('falls back to the AWS ECS plugin annotation', () => {
    expect(
      serviceTargetOf(
        entity({
          'aws.amazon.com/amazon-ecs-service-arn':
            'arn:aws:ecs:eu-west-1:123456789012:service/legacy-cluster/billing',
        }),
      ),
    ).toEqual({
      entityRef: 'component:default/payments-api',
      serviceName: 'billing',
      ecsServiceArn: {
        accountId: '123456789012',
        region: 'eu-west-1',
        cluster: 'legacy-cluster',
        serviceName: 'billing',
      },
    });
  });

  it('returns undefined without a usable annotation', () => {
    expect(serviceTargetOf(entity({}))).toBeUndefined();
    expect(
      serviceTargetOf(
        entity({ 'aws.amazon.com/amazon-ecs-service-arn': 'not-an-arn' }),
      ),
    ).toBeUndefined();
  });
});

describe('parseEcsServiceArn', () => {
  it('rejects the short ARN form without a cluster', () => {
    expect(
      parseEcsServiceArn('arn:aws:ecs:us-east-1:123456789012:service/billing'),
    ).toBeUndefined();
  });
});

describe('explainMissingAnnotation', () => {
  it('names the annotation to add', () => {
    expect(explainMissingAnnotation(entity({}))).toBe(
      'Entity component:default/payments-api is missing the zeroops.io/service-name annotation (or aws.amazon.com/amazon-ecs-service-arn); add "zeroops.io/service-name: <service name>" to metadata.annotations',
    );
  });
});
