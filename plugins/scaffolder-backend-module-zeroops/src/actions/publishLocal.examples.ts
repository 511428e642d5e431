import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace as a local repository and register it in the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'zeroops:publish:local',
          name: 'Publish to a local repository',
          input: { repoName: 'payments-api' },
        },
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register in the catalog',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish a subfolder on a custom branch with a custom commit message and author',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'zeroops:publish:local',
          name: 'Publish to a local repository',
          input: {
            repoName: 'orders-worker',
            sourcePath: 'service',
            defaultBranch: 'trunk',
            gitCommitMessage: 'Scaffold orders-worker',
            gitAuthorName: 'Platform Team',
            gitAuthorEmail: 'platform@example.com',
          },
        },
      ],
    }),
  },
];
