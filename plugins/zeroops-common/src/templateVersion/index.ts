export {
  ZEROOPS_TEMPLATE_VERSION,
  ZEROOPS_TEMPLATE_VERSION_ANNOTATION,
  ZEROOPS_UPDATE_TEMPLATE_REF,
  parseTemplateVersion,
  templateVersionStatus,
} from './templateVersion';
export type { TemplateVersionStatus } from './templateVersion';
