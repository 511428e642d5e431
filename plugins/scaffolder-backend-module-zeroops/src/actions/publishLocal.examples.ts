import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionStep, templateExample } from './templateExamples';

const publish = actionStep({
  id: 'publish',
  action: 'zeroops:publish:local',
  name: 'Publish to a local repository',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Publish the workspace as a local repository and register it in the catalog',
    publish({ repoName: 'payments-api' }),
    {
      id: 'register',
      action: 'catalog:register',
      name: 'Register in the catalog',
      input: {
        catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
      },
    },
  ),
  templateExample(
    'Publish a subfolder on a custom branch with a custom commit message and author',
    publish({
      repoName: 'orders-worker',
      sourcePath: 'service',
      defaultBranch: 'trunk',
      gitCommitMessage: 'Scaffold orders-worker',
      gitAuthorName: 'Platform Team',
      gitAuthorEmail: 'platform@example.com',
    }),
  ),
];
