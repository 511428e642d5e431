import { ReactNode } from 'react';
import { ZeroOpsData } from '../../hooks/useZeroOpsData';
import { RefreshErrorNote } from './RefreshErrorNote';

export interface ZeroOpsDataViewProps<T> {
  data: ZeroOpsData<T>;
  /** Accessible name of the placeholder while the first load runs: "Loading cost". */
  loadingLabel: string;
  /** Skeleton shapes of the content, shown while the first load runs. */
  skeleton: ReactNode;
  /** The panel for a first load that failed (permission denied, not set up, server error). */
  renderError: (error: Error) => ReactNode;
  children: (value: T) => ReactNode;
}

/**
 * Polled backend data in its states: a busy placeholder until the first answer, the error panel
 * when it failed, then the content, after a note when a later refresh failed so the user knows
 * the figures are older than they look. Renders no wrapper: its parts are the children of the
 * caller's layout.
 */
export function ZeroOpsDataView<T>(props: ZeroOpsDataViewProps<T>) {
  const { value, error, refreshError, loading } = props.data;
  if (loading) {
    return (
      <div aria-busy="true" aria-label={props.loadingLabel}>
        {props.skeleton}
      </div>
    );
  }
  if (error || value === undefined) {
    return <>{props.renderError(error ?? new Error('No data'))}</>;
  }
  return (
    <>
      {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
      {props.children(value)}
    </>
  );
}
