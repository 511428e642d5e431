import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import {
  actionStep,
  biggerGravitonCompute,
  exampleEnvironmentDomains,
  templateExample,
} from './templateExamples';

const generateInfrastructure = actionStep({
  id: 'infrastructure',
  action: 'zeroops:infrastructure:generate',
  name: 'Generate the infrastructure',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Production, staging and pull-request environments with the default sizing, calling the modules released with this version of the action',
    generateInfrastructure({
      serviceName: 'payments-api',
      modulesRepository: 'github.com/zeroops-demo/zeroops',
      environments: exampleEnvironmentDomains('example.com'),
    }),
  ),
  templateExample(
    'A worker without cache: rolling deployments, bigger Graviton tasks in production, alarm e-mails, modules pinned to a commit',
    generateInfrastructure({
      serviceName: 'orders-worker',
      awsRegion: 'eu-west-1',
      modulesRepository: 'github.com/acme/platform',
      modulesRef: '0123456789abcdef0123456789abcdef01234567',
      environments: exampleEnvironmentDomains('acme.io'),
      deploymentStrategy: 'rolling',
      healthCheckPath: '/health',
      cache: false,
      alarmEmails: ['oncall@acme.io'],
      listenerRuleSlot: 12,
      sizing: {
        production: {
          compute: biggerGravitonCompute(),
          database: { minAcu: 1, maxAcu: 8, averageAcu: 2 },
        },
      },
    }),
  ),
];
