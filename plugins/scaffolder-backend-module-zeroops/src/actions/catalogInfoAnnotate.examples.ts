import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionStep, templateExample } from './templateExamples';

const annotate = actionStep({
  id: 'catalog-info',
  action: 'zeroops:catalog-info:annotate',
  name: 'Link the catalog entity to the service',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Annotate the catalog-info.yaml of an adopted GitHub repository and mention the result in the pull request',
    annotate({
      serviceName: 'payments-api',
      repoUrl: 'github.com?owner=acme&repo=payments-api',
    }),
    {
      id: 'pull-request',
      action: 'publish:github:pull-request',
      name: 'Open the pull request',
      input: {
        repoUrl: 'github.com?owner=acme&repo=payments-api',
        branchName: 'zeroops/adopt',
        title: 'Adopt ZeroOps deployments',
        description: "${{ steps['catalog-info'].output.description }}",
      },
    },
  ),
  templateExample(
    'Annotate a local repository of the embedded default (zeroops.publish.local.baseDir)',
    annotate({ serviceName: 'payments-api', localRepoName: 'payments-api' }),
  ),
];
