import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Estimate the default sizing of a new service',
    example: yaml.stringify({
      steps: [
        {
          id: 'cost',
          action: 'zeroops:cost:estimate',
          name: 'Estimate the monthly cost',
          input: {},
        },
      ],
    }),
  },
  {
    description:
      'Bigger production tasks on Graviton, no ephemeral environments, and a budget the estimate must stay under',
    example: yaml.stringify({
      steps: [
        {
          id: 'cost',
          action: 'zeroops:cost:estimate',
          name: 'Estimate the monthly cost',
          input: {
            sizing: {
              production: {
                compute: {
                  taskCount: 3,
                  vcpu: 1,
                  memoryGb: 2,
                  architecture: 'arm64',
                },
                database: { maxAcu: 8, averageAcu: 2 },
              },
            },
            environments: ['production', 'staging'],
            maxMonthlyUsd: 500,
          },
        },
      ],
    }),
  },
];
