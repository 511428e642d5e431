/**
 * Checks of a generated repository tree. Each returns a list of problems (empty when the tree
 * is fine), each naming the file, so a failing test says exactly what is wrong.
 */
export { checkCatalogInfo } from './catalogInfoChecks';
export { scanForSecrets } from './secretScan';
export { checkShellScripts, findShellcheck } from './shellChecks';
export { checkTerraform } from './terraformChecks';
export {
  checkWorkflows,
  checkWorkflowScripts,
  readWorkflows,
} from './workflowChecks';
