import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Link, Text } from '@backstage/ui';
import {
  templateVersionStatus,
  ZEROOPS_UPDATE_TEMPLATE_REF,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ZeroOpsCard } from '../common/ZeroOpsCard';

const TITLE = 'ZeroOps template';

/** The update template's form with this entity already picked. */
export function updateTemplatePath(entity: Entity): string {
  const { namespace, name } = parseEntityRef(ZEROOPS_UPDATE_TEMPLATE_REF);
  const formData = JSON.stringify({ entity: stringifyEntityRef(entity) });
  return `/create/templates/${namespace}/${name}?formData=${encodeURIComponent(
    formData,
  )}`;
}

/**
 * Entity overview card of a ZeroOps service whose managed files (workflows, infrastructure)
 * are behind the current template version, with a link to the update template, which opens a
 * pull request with the differences.
 *
 * @public
 */
export function TemplateVersionNotice() {
  const { entity } = useEntity();
  const status = templateVersionStatus(entity);
  if (status.state === 'behind') {
    return (
      <ZeroOpsCard
        title={TITLE}
        actions={
          <Link href={updateTemplatePath(entity)}>Update the repository</Link>
        }
      >
        <Text as="p" variant="body-small">
          {status.recorded
            ? `Generated with template version ${status.version}; the current version is ${status.current}.`
            : `Generated before template versions were recorded (version 1); the current version is ${status.current}.`}{' '}
          The update opens a pull request with only the workflow and
          infrastructure files that differ.
        </Text>
      </ZeroOpsCard>
    );
  }
  if (status.state === 'ahead') {
    return (
      <ZeroOpsCard title={TITLE}>
        <Text as="p" variant="body-small">
          Generated with template version {status.version}, newer than this
          installation of ZeroOps ({status.current}): upgrade the ZeroOps
          plugins before updating it.
        </Text>
      </ZeroOpsCard>
    );
  }
  if (status.state === 'invalid') {
    return (
      <ZeroOpsCard title={TITLE}>
        <Text as="p" variant="body-small">
          The annotation <code>zeroops.io/template-version</code> is "
          {status.value}", not a version number; the update template sets it.
        </Text>
      </ZeroOpsCard>
    );
  }
  return null;
}
