import { ReactNode } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isZeroOpsAvailable } from '../../lib/isZeroOpsAvailable';
import { isZeroOpsDeliveryAvailable } from '../../lib/isZeroOpsDeliveryAvailable';
import { ZeroOpsCard } from './ZeroOpsCard';
import { MissingZeroOpsAnnotation } from './ZeroOpsErrorPanel';
import { DeliveryNotSetUp } from './DeliveryErrorPanel';

/**
 * Renders an entity card's content only when the entity can have its data: otherwise the card
 * explains the missing ZeroOps annotation or, for delivery data, the missing GitHub setup,
 * without asking the backend.
 */
export function ZeroOpsEntityGate(props: {
  title: string;
  /** The card reads delivery data from GitHub, which needs its own annotation. */
  needsDelivery?: boolean;
  children: ReactNode;
}) {
  const { entity } = useEntity();
  if (!isZeroOpsAvailable(entity)) {
    return (
      <ZeroOpsCard title={props.title}>
        <MissingZeroOpsAnnotation />
      </ZeroOpsCard>
    );
  }
  if (props.needsDelivery && !isZeroOpsDeliveryAvailable(entity)) {
    return (
      <ZeroOpsCard title={props.title}>
        <DeliveryNotSetUp />
      </ZeroOpsCard>
    );
  }
  return <>{props.children}</>;
}
