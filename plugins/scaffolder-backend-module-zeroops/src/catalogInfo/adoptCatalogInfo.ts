import { InputError } from '@backstage/errors';
import {
  ZEROOPS_SERVICE_NAME_ANNOTATION,
  ZEROOPS_TEMPLATE_VERSION_ANNOTATION,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Document } from 'yaml';
import { parseDocuments } from '../repositoryUpdate/catalogInfoVersion';

/** What the adoption does to a repository's catalog descriptor. */
export type CatalogInfoAdoption =
  /** The descriptor with the annotations set; everything else kept as written. */
  | { state: 'annotated'; content: string }
  /** The descriptor already records this service at this template version. */
  | { state: 'current' }
  /** No entity to annotate: the repository has no descriptor, or it holds no single component. */
  | { state: 'manual'; reason: string };

const annotationOf = (document: Document.Parsed, name: string) => {
  const value = document.getIn(['metadata', 'annotations', name]);
  return value === undefined ? undefined : String(value);
};

/**
 * The entity an adoption annotates: the one that already names a ZeroOps service, otherwise
 * the only `Component` of the file. Several candidates, or none, leave the choice to a person.
 */
function adoptedDocument(
  documents: Document.Parsed[],
): Document.Parsed | string {
  const named = documents.filter(
    d => annotationOf(d, ZEROOPS_SERVICE_NAME_ANNOTATION) !== undefined,
  );
  if (named.length === 1) return named[0];
  if (named.length > 1) {
    return `it describes ${named.length} entities with ${ZEROOPS_SERVICE_NAME_ANNOTATION}`;
  }
  const components = documents.filter(d => d.get('kind') === 'Component');
  if (components.length === 1) return components[0];
  return components.length === 0
    ? 'it describes no Component'
    : `it describes ${components.length} Components and none has ${ZEROOPS_SERVICE_NAME_ANNOTATION}`;
}

/**
 * Links an adopted repository's catalog entity to its service: sets `zeroops.io/service-name`
 * (so the ZeroOps cards find its AWS resources) and `zeroops.io/template-version` (so the catalog
 * does not show a freshly adopted service as behind). A descriptor naming another service fails:
 * the workflows would deploy one name and the cards read another.
 */
export function adoptCatalogInfo(options: {
  /** The descriptor's content; undefined when the repository has none. */
  text: string | undefined;
  file: string;
  serviceName: string;
  templateVersion: number;
}): CatalogInfoAdoption {
  const { text, file, serviceName, templateVersion } = options;
  if (text === undefined) {
    return { state: 'manual', reason: `the repository has no ${file}` };
  }
  const documents = parseDocuments(text, file);
  const document = adoptedDocument(documents);
  if (typeof document === 'string') {
    return {
      state: 'manual',
      reason: `${file} cannot be annotated: ${document}`,
    };
  }
  const recordedName = annotationOf(document, ZEROOPS_SERVICE_NAME_ANNOTATION);
  if (recordedName !== undefined && recordedName.trim() !== serviceName) {
    throw new InputError(
      `serviceName: ${file} names the service "${recordedName}" (${ZEROOPS_SERVICE_NAME_ANNOTATION}); adopt it under that name or change the annotation first, so the workflows and the catalog name the same AWS resources`,
    );
  }
  if (
    recordedName !== undefined &&
    annotationOf(document, ZEROOPS_TEMPLATE_VERSION_ANNOTATION) ===
      String(templateVersion)
  ) {
    return { state: 'current' };
  }
  document.setIn(
    ['metadata', 'annotations', ZEROOPS_SERVICE_NAME_ANNOTATION],
    serviceName,
  );
  document.setIn(
    ['metadata', 'annotations', ZEROOPS_TEMPLATE_VERSION_ANNOTATION],
    String(templateVersion),
  );
  return {
    state: 'annotated',
    content: documents.map(d => d.toString()).join(''),
  };
}

/** The annotations an adopted service's entity needs, for a person to add. */
export function adoptionAnnotationsSnippet(
  serviceName: string,
  templateVersion: number,
): string {
  return [
    'metadata:',
    '  annotations:',
    `    ${ZEROOPS_SERVICE_NAME_ANNOTATION}: ${serviceName}`,
    `    ${ZEROOPS_TEMPLATE_VERSION_ANNOTATION}: "${templateVersion}"`,
  ].join('\n');
}
