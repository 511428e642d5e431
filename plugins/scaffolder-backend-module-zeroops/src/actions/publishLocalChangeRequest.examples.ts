import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Open a change request with the generated workflows in a local repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'change',
          action: 'zeroops:publish:local:change-request',
          name: 'Open a local change request',
          input: {
            repoName: 'payments-api',
            branchName: 'zeroops/adopt',
            title: 'Adopt ZeroOps deployments',
            description: 'Adds the ZeroOps workflows and infrastructure.',
          },
        },
      ],
    }),
  },
  {
    description:
      'Open a change request from a subfolder of the workspace into another branch',
    example: yaml.stringify({
      steps: [
        {
          id: 'change',
          action: 'zeroops:publish:local:change-request',
          name: 'Open a local change request',
          input: {
            repoName: 'orders-worker',
            branchName: 'zeroops/update-workflows',
            targetBranch: 'staging',
            sourcePath: 'generated',
            title: 'Update the ZeroOps workflows',
            description: 'Regenerated with the current ZeroOps templates.',
            commitMessage: 'Update the ZeroOps workflows',
            gitAuthorName: 'Platform Team',
            gitAuthorEmail: 'platform@example.com',
          },
        },
      ],
    }),
  },
];
