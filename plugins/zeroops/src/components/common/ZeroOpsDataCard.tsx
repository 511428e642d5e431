import { ReactNode } from 'react';
import { ZeroOpsData } from '../../hooks/useZeroOpsData';
import { ZeroOpsCard } from './ZeroOpsCard';
import { RefreshErrorNote } from './RefreshErrorNote';

export interface ZeroOpsDataCardProps<T extends { demoData?: boolean }> {
  title: string;
  /** Header content next to the title, kept in every state (a window selector). */
  actions?: ReactNode;
  data: ZeroOpsData<T>;
  /** Accessible name of the placeholder while the first load runs: "Loading cost". */
  loadingLabel: string;
  /** Skeleton shapes of the content, shown while the first load runs. */
  skeleton: ReactNode;
  /** The panel for a first load that failed (permission denied, not set up, server error). */
  renderError: (error: Error) => ReactNode;
  footer?: (value: T) => ReactNode;
  children: (value: T) => ReactNode;
}

/**
 * A card over polled backend data: a busy placeholder until the first answer, the error panel
 * when it failed, then the content with the demo marker, and a note when a later refresh failed
 * so the user knows the figures are older than they look.
 */
export function ZeroOpsDataCard<T extends { demoData?: boolean }>(
  props: ZeroOpsDataCardProps<T>,
) {
  const { title, actions, data, footer, children } = props;
  const { value, error, refreshError, loading } = data;
  if (loading) {
    return (
      <ZeroOpsCard title={title} actions={actions}>
        <div aria-busy="true" aria-label={props.loadingLabel}>
          {props.skeleton}
        </div>
      </ZeroOpsCard>
    );
  }
  if (error || !value) {
    return (
      <ZeroOpsCard title={title} actions={actions}>
        {props.renderError(error ?? new Error('No data'))}
      </ZeroOpsCard>
    );
  }
  return (
    <ZeroOpsCard
      title={title}
      demoData={value.demoData}
      actions={actions}
      footer={footer?.(value)}
    >
      {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
      {children(value)}
    </ZeroOpsCard>
  );
}
