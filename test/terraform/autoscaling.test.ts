import { evaluateModule } from './lib/evaluated-module.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { isUnknown } from './lib/values.ts';

/** Autoscaling of ecs-service follows the live colour of a blue/green deployment. */

jest.setTimeout(240_000);

describe('autoscaling follows the live colour', () => {
  it('under blue/green, requests per target of both target groups drive scaling', async () => {
    const model = (await evaluateAllModules()).find(
      m => m.name === 'ecs-service' && m.environment === 'production',
    )!;
    const evaluated = await evaluateModule(model.module, {
      name: 'blue/green with load balancer metrics',
      inputs: {
        ...model.inputs,
        load_balancer_arn_suffix: 'app/zeroops-production/0123456789abcdef',
      },
    });
    const labels = evaluated.resources
      .filter(r => r.type === 'aws_appautoscaling_policy')
      .flatMap(r => {
        const configuration =
          r.body.target_tracking_scaling_policy_configuration;
        const first = Array.isArray(configuration)
          ? configuration[0]
          : undefined;
        const metric =
          first &&
          typeof first === 'object' &&
          !Array.isArray(first) &&
          !isUnknown(first)
            ? first.predefined_metric_specification
            : undefined;
        const spec = Array.isArray(metric) ? metric[0] : undefined;
        return spec &&
          typeof spec === 'object' &&
          !Array.isArray(spec) &&
          !isUnknown(spec) &&
          spec.predefined_metric_type === 'ALBRequestCountPerTarget'
          ? [
              isUnknown(spec.resource_label)
                ? spec.resource_label.source
                : String(spec.resource_label),
            ]
          : [];
      });
    expect(
      labels.some(l =>
        l.includes('aws_lb_target_group.this["blue"].arn_suffix'),
      ),
    ).toBe(true);
    expect(
      labels.some(l =>
        l.includes('aws_lb_target_group.this["green"].arn_suffix'),
      ),
    ).toBe(true);
  });
});
