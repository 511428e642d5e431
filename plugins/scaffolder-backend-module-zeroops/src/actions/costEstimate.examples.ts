import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import {
  actionStep,
  biggerGravitonCompute,
  templateExample,
} from './templateExamples';

const estimateCost = actionStep({
  id: 'cost',
  action: 'zeroops:cost:estimate',
  name: 'Estimate the monthly cost',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Estimate the default sizing of a new service',
    estimateCost({}),
  ),
  templateExample(
    'Bigger production tasks on Graviton, no ephemeral environments, and a budget the estimate must stay under',
    estimateCost({
      sizing: {
        production: {
          compute: biggerGravitonCompute(),
          database: { maxAcu: 8, averageAcu: 2 },
        },
      },
      environments: ['production', 'staging'],
      maxMonthlyUsd: 500,
    }),
  ),
];
