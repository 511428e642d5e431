import { createTemplateGlobalValue } from '@backstage/plugin-scaffolder-node/alpha';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * `${{ zeroopsTemplateVersion }}` in templates and skeletons: the version of the managed files
 * this module generates, which the skeletons record in catalog-info.yaml
 * (`zeroops.io/template-version`) so that the catalog can tell which services are behind.
 */
export const templateVersionGlobal = createTemplateGlobalValue({
  id: 'zeroopsTemplateVersion',
  value: ZEROOPS_TEMPLATE_VERSION,
  description:
    'Version of the ZeroOps-managed files (workflows, infrastructure) the installed scaffolder module generates',
});
