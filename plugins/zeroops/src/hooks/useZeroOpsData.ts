import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { POLL_INTERVAL_MS, usePollWhileVisible } from './usePollWhileVisible';

/** The state of data loaded from the ZeroOps backend and kept fresh by polling. */
export interface ZeroOpsData<T> {
  /** The latest data; kept while a refresh runs or after a refresh failed. */
  value?: T;
  /** Set when the first load failed (no data to show). */
  error?: Error;
  /** Set when a refresh failed while older data is still shown. */
  refreshError?: Error;
  /** True until the first load settles. */
  loading: boolean;
}

/**
 * How soon data with a part still being read is asked for again: about the backend's request
 * deadline, so a read that finishes in the background shows up within seconds.
 */
export const PENDING_POLL_INTERVAL_MS = 2_000;

/** Options of {@link useZeroOpsData}. */
export interface ZeroOpsDataOptions<T> {
  /**
   * True when the backend answered before it finished reading everything (an environment is
   * `pending`): the data is then reloaded every {@link PENDING_POLL_INTERVAL_MS} until it is
   * complete, instead of every 30 s.
   */
  isPending?: (value: T) => boolean;
}

/**
 * Loads data when `deps` change, then reloads it every 30 s while the page is visible (sooner
 * while part of it is still being read, see {@link ZeroOpsDataOptions.isPending}). A refresh
 * never blanks what is shown: a failed refresh keeps the previous data next to the error.
 * Responses that arrive after a newer request started, or after unmount, are dropped.
 */
export function useZeroOpsData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: ZeroOpsDataOptions<T> = {},
): ZeroOpsData<T> {
  const [state, setState] = useState<ZeroOpsData<T>>({ loading: true });
  const controller = useRef<AbortController>();
  // The latest loader; which data to load is decided by `deps`, not by the function identity.
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const fetchData = useCallback(async (initial: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    if (initial) setState({ loading: true });
    try {
      const value = await latestLoad.current(current.signal);
      if (current.signal.aborted) return;
      setState({ value, loading: false });
    } catch (e) {
      if (current.signal.aborted) return;
      const error = e instanceof Error ? e : new Error(String(e));
      setState(previous =>
        previous.value === undefined
          ? { error, loading: false }
          : { value: previous.value, refreshError: error, loading: false },
      );
    }
  }, []);

  useEffect(() => {
    fetchData(true);
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const refresh = useCallback(() => {
    fetchData(false);
  }, [fetchData]);
  const pending =
    state.value !== undefined && options.isPending?.(state.value) === true;
  usePollWhileVisible(
    refresh,
    pending ? PENDING_POLL_INTERVAL_MS : POLL_INTERVAL_MS,
  );

  return state;
}
