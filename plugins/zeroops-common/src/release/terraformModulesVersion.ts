/**
 * Version of the ZeroOps Terraform modules that this release of the plugins generates code for.
 *
 * The four ZeroOps packages and the Terraform modules are released together under one version
 * (a fixed Changesets group): the release workflow tags the modules
 * `terraform-modules/v<version>` at the commit it publishes the packages from, so code generated
 * by version X of the scaffolder module calls the modules of the same commit.
 * `yarn release:version` rewrites this constant from the packages' version when Changesets
 * bumps it, and a test fails when the two differ. Typed as string so that a release does not
 * change the API report.
 *
 * @public
 */
export const ZEROOPS_TERRAFORM_MODULES_VERSION: string = '0.1.0';

/**
 * The git tag of a release of the ZeroOps Terraform modules:
 * `terraform-modules/v<version>`. A folder-like prefix keeps the modules' tags apart from the
 * packages' tags (`@zeroops/…@<version>`) in the same repository.
 *
 * @public
 */
export function terraformModulesTag(version: string): string {
  return `terraform-modules/v${version}`;
}

/**
 * The git ref generated Terraform pins the ZeroOps modules to by default.
 *
 * @public
 */
export const ZEROOPS_TERRAFORM_MODULES_REF = terraformModulesTag(
  ZEROOPS_TERRAFORM_MODULES_VERSION,
);
