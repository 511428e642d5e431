import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import {
  actionStep,
  exampleAccounts,
  exampleEnvironmentDomains,
  templateExample,
} from './templateExamples';

const update = actionStep({
  id: 'update',
  action: 'zeroops:repository:update',
  name: 'Re-render the managed files',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Update the repository of a catalog entity and open a pull request when something differs',
    {
      id: 'entity',
      action: 'catalog:fetch',
      name: 'Read the service from the catalog',
      input: { entityRef: '${{ parameters.entity }}' },
    },
    update({
      sourceLocation:
        "${{ steps.entity.output.entity.metadata.annotations['backstage.io/source-location'] or steps.entity.output.entity.metadata.annotations['backstage.io/managed-by-location'] }}",
    }),
    {
      id: 'pull-request',
      if: "${{ steps.update.output.hasChanges and steps.update.output.repositoryHost == 'github' }}",
      action: 'publish:github:pull-request',
      name: 'Open the pull request',
      input: {
        repoUrl: '${{ steps.update.output.repoUrl }}',
        branchName: 'zeroops/update-v${{ steps.update.output.toVersion }}',
        title: 'ZeroOps template version ${{ steps.update.output.toVersion }}',
        description: '${{ steps.update.output.description }}',
      },
    },
  ),
  templateExample(
    'Update a repository generated before template version 2, keeping files edited by hand',
    update({
      sourceLocation: 'https://github.com/acme/orders-api/tree/main/',
      handEditedFiles: 'skip',
      previousInputs: {
        workflows: {
          serviceName: 'orders-api',
          awsRegion: 'us-east-1',
          environments: exampleAccounts(),
        },
        infrastructure: {
          serviceName: 'orders-api',
          awsRegion: 'us-east-1',
          modulesRepository: 'github.com/acme/zeroops',
          environments: exampleEnvironmentDomains('example.com'),
        },
      },
    }),
  ),
];
