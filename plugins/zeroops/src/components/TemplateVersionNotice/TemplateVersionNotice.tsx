import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ReactNode } from 'react';
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
  const notice = noticeOf(entity);
  if (!notice) return null;
  return (
    <ZeroOpsCard title={TITLE} actions={notice.action}>
      <Text as="p" variant="body-small">
        {notice.message}
      </Text>
    </ZeroOpsCard>
  );
}

/** What the card says about the entity's template version, if anything. */
function noticeOf(
  entity: Entity,
): { message: ReactNode; action?: ReactNode } | undefined {
  const status = templateVersionStatus(entity);
  if (status.state === 'behind') {
    return {
      message: (
        <>
          {status.recorded
            ? `Generated with template version ${status.version}; the current version is ${status.current}.`
            : `Generated before template versions were recorded (version 1); the current version is ${status.current}.`}{' '}
          The update opens a pull request with only the workflow and
          infrastructure files that differ.
        </>
      ),
      action: (
        <Link href={updateTemplatePath(entity)}>Update the repository</Link>
      ),
    };
  }
  if (status.state === 'ahead') {
    return {
      message: (
        <>
          Generated with template version {status.version}, newer than this
          installation of ZeroOps ({status.current}): upgrade the ZeroOps
          plugins before updating it.
        </>
      ),
    };
  }
  if (status.state === 'invalid') {
    return {
      message: (
        <>
          The annotation <code>zeroops.io/template-version</code> is "
          {status.value}", not a version number; the update template sets it.
        </>
      ),
    };
  }
  return undefined;
}
