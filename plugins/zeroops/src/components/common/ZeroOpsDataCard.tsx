import { ReactNode } from 'react';
import { ZeroOpsCard } from './ZeroOpsCard';
import { ZeroOpsDataView, ZeroOpsDataViewProps } from './ZeroOpsDataView';

export interface ZeroOpsDataCardProps<T extends { demoData?: boolean }>
  extends ZeroOpsDataViewProps<T> {
  title: string;
  /** Header content next to the title, kept in every state (a window selector). */
  actions?: ReactNode;
  footer?: (value: T) => ReactNode;
}

/**
 * A card over polled backend data ({@link ZeroOpsDataView}), with the demo marker and the footer
 * once there is data to show.
 */
export function ZeroOpsDataCard<T extends { demoData?: boolean }>(
  props: ZeroOpsDataCardProps<T>,
) {
  const { title, actions, footer, ...view } = props;
  // Set only once the first load succeeded (a failed refresh keeps it).
  const { value } = props.data;
  return (
    <ZeroOpsCard
      title={title}
      demoData={value?.demoData}
      actions={actions}
      footer={value === undefined ? undefined : footer?.(value)}
    >
      <ZeroOpsDataView {...view} />
    </ZeroOpsCard>
  );
}
