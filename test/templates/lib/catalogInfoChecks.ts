import {
  Entity,
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { explainInvalidServiceName } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';

const entityPolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

export async function checkCatalogInfo(
  root: string,
  serviceName: string,
): Promise<{ problems: string[]; entity?: Entity }> {
  const problems: string[] = [];
  const text = await fs.readFile(path.join(root, 'catalog-info.yaml'), 'utf8');
  const documents = yaml.parseAllDocuments(text).map(d => d.toJS() as Entity);
  if (documents.length !== 1)
    problems.push(
      `catalog-info.yaml: expected one entity, found ${documents.length}`,
    );
  const entity = documents[0];
  try {
    const checked = await entityPolicies.enforce(entity);
    if (!checked)
      problems.push('catalog-info.yaml: rejected by the entity policies');
    if (!(await componentEntityV1alpha1Validator.check(entity)))
      problems.push('catalog-info.yaml: not a valid Component');
  } catch (error) {
    problems.push(`catalog-info.yaml: ${String(error)}`);
  }
  const annotation = entity?.metadata?.annotations?.['zeroops.io/service-name'];
  if (annotation !== serviceName)
    problems.push(
      `catalog-info.yaml: zeroops.io/service-name is "${annotation}", expected "${serviceName}"`,
    );
  const invalid = explainInvalidServiceName(String(annotation));
  if (invalid && annotation !== 'zeroops-platform')
    problems.push(`catalog-info.yaml: service name ${invalid}`);
  if (!entity?.spec?.owner) problems.push('catalog-info.yaml: no owner');
  return { problems, entity };
}
