import { createTemplateGlobalValue } from '@backstage/plugin-scaffolder-node/alpha';
import { ZEROOPS_TERRAFORM_MODULES_REF } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * `${{ zeroopsTerraformModulesRef }}` in templates: the release tag of the ZeroOps Terraform
 * modules released with this version of the module. Templates that render Terraform with
 * `fetch:template` (the foundation) use it so that no template repeats a version;
 * `zeroops:infrastructure:generate` defaults its `modulesRef` to the same value.
 */
export const terraformModulesRefGlobal = createTemplateGlobalValue({
  id: 'zeroopsTerraformModulesRef',
  value: ZEROOPS_TERRAFORM_MODULES_REF,
  description:
    'Release tag of the ZeroOps Terraform modules released with the installed scaffolder module (terraform-modules/v<version>)',
});
