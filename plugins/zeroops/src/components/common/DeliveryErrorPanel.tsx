import { Alert } from '@backstage/ui';
import { describeError } from '../../lib/describeError';
import { ZeroOpsErrorPanel } from './ZeroOpsErrorPanel';

/**
 * A failed delivery or DORA request. The backend answers 4xx when the entity has no GitHub
 * repository or delivery is switched off: that is a setup step, not a failure, so it reads as
 * what to do. Permission denied, a missing ZeroOps annotation and server errors read as for the
 * other cards.
 */
export function DeliveryErrorPanel(props: { error: Error; subject: string }) {
  const { error, subject } = props;
  const described = describeError(error);
  const isSetupStep =
    described.kind !== 'permission-denied' &&
    described.kind !== 'missing-annotation' &&
    described.status !== undefined &&
    described.status >= 400 &&
    described.status < 500;
  if (!isSetupStep) {
    return <ZeroOpsErrorPanel error={error} subject={subject} />;
  }
  return <DeliveryNotSetUp reason={described.message} />;
}

/** What a platform engineer or service owner does to see delivery data. */
export function DeliveryNotSetUp(props: { reason?: string }) {
  return (
    <Alert
      status="info"
      icon
      title="Delivery data is not set up"
      description={
        <>
          {props.reason ? <>{props.reason} </> : null}
          Delivery and DORA metrics are read from the service&apos;s GitHub
          repository: give the entity the annotation{' '}
          <code>
            github.com/project-slug: &lt;owner&gt;/&lt;repository&gt;
          </code>{' '}
          (the ZeroOps templates write it), and turn delivery on in the backend
          with <code>zeroops.delivery.enabled: true</code> in app-config.
        </>
      }
    />
  );
}
