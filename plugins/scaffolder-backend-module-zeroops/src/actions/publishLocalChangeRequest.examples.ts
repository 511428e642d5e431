import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionStep, templateExample } from './templateExamples';

const openChange = actionStep({
  id: 'change',
  action: 'zeroops:publish:local:change-request',
  name: 'Open a local change request',
});

export const examples: TemplateExample[] = [
  templateExample(
    'Open a change request with the generated workflows in a local repository',
    openChange({
      repoName: 'payments-api',
      branchName: 'zeroops/adopt',
      title: 'Adopt ZeroOps deployments',
      description: 'Adds the ZeroOps workflows and infrastructure.',
    }),
  ),
  templateExample(
    'Open a change request from a subfolder of the workspace into another branch',
    openChange({
      repoName: 'orders-worker',
      branchName: 'zeroops/update-workflows',
      targetBranch: 'staging',
      sourcePath: 'generated',
      title: 'Update the ZeroOps workflows',
      description: 'Regenerated with the current ZeroOps templates.',
      commitMessage: 'Update the ZeroOps workflows',
      gitAuthorName: 'Platform Team',
      gitAuthorEmail: 'platform@example.com',
    }),
  ),
];
