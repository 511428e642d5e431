import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Update the repository of a catalog entity and open a pull request when something differs',
    example: yaml.stringify({
      steps: [
        {
          id: 'entity',
          action: 'catalog:fetch',
          name: 'Read the service from the catalog',
          input: { entityRef: '${{ parameters.entity }}' },
        },
        {
          id: 'update',
          action: 'zeroops:repository:update',
          name: 'Re-render the managed files',
          input: {
            sourceLocation:
              "${{ steps.entity.output.entity.metadata.annotations['backstage.io/source-location'] or steps.entity.output.entity.metadata.annotations['backstage.io/managed-by-location'] }}",
          },
        },
        {
          id: 'pull-request',
          if: "${{ steps.update.output.hasChanges and steps.update.output.repositoryHost == 'github' }}",
          action: 'publish:github:pull-request',
          name: 'Open the pull request',
          input: {
            repoUrl: '${{ steps.update.output.repoUrl }}',
            branchName: 'zeroops/update-v${{ steps.update.output.toVersion }}',
            title:
              'ZeroOps template version ${{ steps.update.output.toVersion }}',
            description: '${{ steps.update.output.description }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Update a repository generated before template version 2, keeping files edited by hand',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'zeroops:repository:update',
          name: 'Re-render the managed files',
          input: {
            sourceLocation: 'https://github.com/acme/orders-api/tree/main/',
            handEditedFiles: 'skip',
            previousInputs: {
              workflows: {
                serviceName: 'orders-api',
                awsRegion: 'us-east-1',
                environments: {
                  production: { accountId: '111111111111' },
                  staging: { accountId: '222222222222' },
                  ephemeral: { accountId: '222222222222' },
                },
              },
              infrastructure: {
                serviceName: 'orders-api',
                awsRegion: 'us-east-1',
                modulesRepository: 'github.com/acme/zeroops',
                environments: {
                  production: {
                    accountId: '111111111111',
                    domain: 'example.com',
                  },
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
          },
        },
      ],
    }),
  },
];
