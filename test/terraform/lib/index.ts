/**
 * Offline Terraform checks of ZeroOps: HCL loading, provider-schema validation (the substitute
 * for `terraform validate`), module-call checks, an expression evaluator, Checkov/Trivy policy
 * mirrors and README table generation. Reused by the template tests to check generated
 * infrastructure that calls our modules.
 */
export { formatFindings } from './findings.ts';
export type { Finding } from './findings.ts';
export {
  findFiles,
  loadTerraformModule,
  moduleFromSources,
  parseHclFile,
} from './hcl.ts';
export type { HclBlock, HclBody, HclValue, TerraformModule } from './hcl.ts';
export {
  checkModuleCall,
  requiredProviderAliases,
  requiredVariables,
} from './module-calls.ts';
export { moduleSourceRef, resolveModuleSource } from './module-source.ts';
export { loadProviderSchema } from './provider-schema.ts';
export type { ProviderSchema, SchemaBlock } from './provider-schema.ts';
export { findUnusedDeclarations, validateReferences } from './references.ts';
export { validateModuleAgainstSchema } from './schema-validator.ts';
export {
  validateTerraformDirectory,
  validateTerraformTree,
} from './validate-directory.ts';
export type { ValidateOptions } from './validate-directory.ts';
export { evaluateModule, scenariosFromExamples } from './evaluated-module.ts';
export type {
  EvaluatedModule,
  EvaluatedResource,
  Scenario,
} from './evaluated-module.ts';
export { POLICY_RULES } from './policies/index.ts';
export type { PolicyRule } from './policies/index.ts';
export { renderReadmeTables, updateReadme } from './readme-tables.ts';
export { MODULES_ROOT, REPO_ROOT } from './repository.ts';
