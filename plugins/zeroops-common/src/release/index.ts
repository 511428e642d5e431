export {
  ZEROOPS_TERRAFORM_MODULES_REF,
  ZEROOPS_TERRAFORM_MODULES_VERSION,
  terraformModulesTag,
} from './terraformModulesVersion';
