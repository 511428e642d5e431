import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Production, staging and pull-request environments with the default sizing, calling the modules released with this version of the action',
    example: yaml.stringify({
      steps: [
        {
          id: 'infrastructure',
          action: 'zeroops:infrastructure:generate',
          name: 'Generate the infrastructure',
          input: {
            serviceName: 'payments-api',
            modulesRepository: 'github.com/zeroops-demo/zeroops',
            environments: {
              production: { accountId: '111111111111', domain: 'example.com' },
              staging: {
                accountId: '222222222222',
                domain: 'staging.example.com',
              },
              ephemeral: {
                accountId: '222222222222',
                domain: 'preview.example.com',
              },
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'A worker without cache: rolling deployments, bigger Graviton tasks in production, alarm e-mails, modules pinned to a commit',
    example: yaml.stringify({
      steps: [
        {
          id: 'infrastructure',
          action: 'zeroops:infrastructure:generate',
          name: 'Generate the infrastructure',
          input: {
            serviceName: 'orders-worker',
            awsRegion: 'eu-west-1',
            modulesRepository: 'github.com/acme/platform',
            modulesRef: '0123456789abcdef0123456789abcdef01234567',
            environments: {
              production: { accountId: '111111111111', domain: 'acme.io' },
              staging: { accountId: '222222222222', domain: 'staging.acme.io' },
              ephemeral: {
                accountId: '222222222222',
                domain: 'preview.acme.io',
              },
            },
            deploymentStrategy: 'rolling',
            healthCheckPath: '/health',
            cache: false,
            alarmEmails: ['oncall@acme.io'],
            listenerRuleSlot: 12,
            sizing: {
              production: {
                compute: {
                  taskCount: 3,
                  vcpu: 1,
                  memoryGb: 2,
                  architecture: 'arm64',
                },
                database: { minAcu: 1, maxAcu: 8, averageAcu: 2 },
              },
            },
          },
        },
      ],
    }),
  },
];
