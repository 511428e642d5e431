import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import {
  ZEROOPS_TEMPLATE_VERSION,
  ZEROOPS_TERRAFORM_MODULES_VERSION,
} from '@zeroops/backstage-plugin-zeroops-common';
import { scaffolderModuleZeroops } from './module';

describe('scaffolderModuleZeroops', () => {
  it('adds the zeroops actions and the modules release tag as a template global', async () => {
    const addActions = jest.fn();
    const addTemplateGlobals = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [
        [scaffolderActionsExtensionPoint, { addActions }],
        [
          scaffolderTemplatingExtensionPoint,
          { addTemplateGlobals, addTemplateFilters: jest.fn() },
        ],
      ],
      features: [scaffolderModuleZeroops],
    });
    try {
      expect(addActions.mock.calls.flat().map(action => action.id)).toEqual([
        'zeroops:workflows:generate',
        'zeroops:infrastructure:generate',
        'zeroops:cost:estimate',
        'zeroops:repository:update',
        'zeroops:catalog-info:annotate',
      ]);
      // The foundation template writes `modulesRef: ${{ zeroopsTerraformModulesRef }}`.
      expect(addTemplateGlobals.mock.calls.flat(2)).toEqual([
        expect.objectContaining({
          id: 'zeroopsTerraformModulesRef',
          value: `terraform-modules/v${ZEROOPS_TERRAFORM_MODULES_VERSION}`,
        }),
        // The skeletons write `zeroops.io/template-version: "${{ zeroopsTemplateVersion }}"`.
        expect.objectContaining({
          id: 'zeroopsTemplateVersion',
          value: ZEROOPS_TEMPLATE_VERSION,
        }),
      ]);
    } finally {
      await backend.stop();
    }
  });
});
