import { Alert } from '@backstage/ui';
import { MissingAnnotationEmptyState } from '@backstage/core-components';
import { ZEROOPS_SERVICE_NAME_ANNOTATION } from '@zeroops/backstage-plugin-zeroops-common';
import { describeError } from '../../lib/describeError';

export interface ZeroOpsErrorPanelProps {
  error: Error;
  /** What could not be loaded: "environments", "cost", "overview". */
  subject: string;
  /** The permission to ask for when the backend answers 403. */
  permission?: string;
}

/**
 * A failed request as the user should read it: a 403 is a "permission denied" state rather than
 * a crash, a missing annotation explains the annotation, anything else shows the backend's message
 * (the data is retried on the next refresh).
 */
export function ZeroOpsErrorPanel(props: ZeroOpsErrorPanelProps) {
  const { error, subject, permission } = props;
  const described = describeError(error);
  switch (described.kind) {
    case 'permission-denied':
      return (
        <Alert
          status="info"
          icon
          title="Permission denied"
          description={`You are not allowed to see the ${subject} of this service${
            permission
              ? `: ask your Backstage admins for the ${permission} permission`
              : ''
          }.`}
        />
      );
    case 'missing-annotation':
      return <MissingZeroOpsAnnotation />;
    case 'not-found':
      return (
        <Alert
          status="warning"
          icon
          title={`No ${subject} found`}
          description={described.message}
        />
      );
    case 'failed':
    default:
      return (
        <Alert
          status="danger"
          icon
          title={`Could not load the ${subject}`}
          description={`${described.message} It is retried every 30 seconds.`}
        />
      );
  }
}

/** Explains the annotation an entity needs to show ZeroOps data. */
export function MissingZeroOpsAnnotation() {
  return (
    <MissingAnnotationEmptyState annotation={ZEROOPS_SERVICE_NAME_ANNOTATION} />
  );
}
