import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleAccounts, templateExample } from './templateExamples';

export const examples: TemplateExample[] = [
  templateExample(
    'Workflows for a new service with the defaults: blue/green, Node.js 24, npm test, migrations with npm run migrate',
    {
      id: 'workflows',
      action: 'zeroops:workflows:generate',
      name: 'Generate GitHub Actions workflows',
      input: {
        serviceName: 'payments-api',
        environments: exampleAccounts(),
      },
    },
  ),
  templateExample(
    'Adopting an existing repository: its own Dockerfile and test command, rolling deployments, no migrations, custom roles and clusters',
    {
      id: 'workflows',
      action: 'zeroops:workflows:generate',
      name: 'Add ZeroOps workflows',
      input: {
        serviceName: 'orders-worker',
        awsRegion: 'eu-west-1',
        environments: {
          production: {
            accountId: '111111111111',
            roleName: 'github-orders-worker-production',
            ecsCluster: 'orders-production',
          },
          staging: {
            accountId: '222222222222',
            roleName: 'github-orders-worker-staging',
          },
          ephemeral: { accountId: '333333333333' },
        },
        nodeVersion: 'none',
        installCommand: 'make deps',
        testCommand: 'make test',
        deploymentStrategy: 'rolling',
        migrationCommand: [],
        dockerfile: 'Dockerfile',
        healthCheckPath: '/health',
        codeqlLanguages: ['go'],
      },
    },
  ),
];
