import { InputError } from '@backstage/errors';
import {
  ZEROOPS_SERVICE_NAME_ANNOTATION,
  ZEROOPS_TEMPLATE_VERSION_ANNOTATION,
  parseTemplateVersion,
} from '@zeroops/backstage-plugin-zeroops-common';
import YAML, { Document } from 'yaml';

/** The entity of a catalog-info.yaml that ZeroOps manages: the one with a service name. */
function findServiceDocument(documents: Document.Parsed[], file: string) {
  const withServiceName = documents.filter(
    document =>
      document.getIn([
        'metadata',
        'annotations',
        ZEROOPS_SERVICE_NAME_ANNOTATION,
      ]) !== undefined,
  );
  if (withServiceName.length !== 1) {
    throw new InputError(
      `${file} must describe exactly one entity with the ${ZEROOPS_SERVICE_NAME_ANNOTATION} annotation, found ${withServiceName.length}`,
    );
  }
  return withServiceName[0];
}

/** The YAML documents of a catalog descriptor; invalid YAML fails with the file named. */
export function parseDocuments(text: string, file: string) {
  const documents = YAML.parseAllDocuments(text);
  const broken = documents.find(document => document.errors.length > 0);
  if (broken) {
    throw new InputError(
      `${file} is not valid YAML: ${broken.errors[0].message}`,
    );
  }
  return documents as Document.Parsed[];
}

/** The service name and the recorded template version of a repository's catalog-info.yaml. */
export function readCatalogInfo(
  text: string,
  file: string,
): { serviceName: string; templateVersion: number | undefined } {
  const document = findServiceDocument(parseDocuments(text, file), file);
  const annotation = (name: string) => {
    const value = document.getIn(['metadata', 'annotations', name]);
    return value === undefined ? undefined : String(value);
  };
  return {
    serviceName: annotation(ZEROOPS_SERVICE_NAME_ANNOTATION)!,
    templateVersion: parseTemplateVersion(
      annotation(ZEROOPS_TEMPLATE_VERSION_ANNOTATION),
    ),
  };
}

/**
 * catalog-info.yaml with the template version annotation set to `version`; everything else
 * (other entities, comments, quoting) stays as the repository has it.
 */
export function withTemplateVersion(
  text: string,
  file: string,
  version: number,
): string {
  const documents = parseDocuments(text, file);
  findServiceDocument(documents, file).setIn(
    ['metadata', 'annotations', ZEROOPS_TEMPLATE_VERSION_ANNOTATION],
    String(version),
  );
  return documents.map(document => document.toString()).join('');
}
