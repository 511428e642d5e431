import { useEffect, useRef } from 'react';

/** How often the cards and the overview reload their data while visible. */
export const POLL_INTERVAL_MS = 30_000;

/**
 * Calls `callback` every `intervalMs` while the document is visible. Hidden tabs do not poll
 * (AWS reads and Backstage requests cost something even when cached); when the tab becomes
 * visible again and the last call is older than the interval, it is called at once and the
 * interval starts over.
 */
export function usePollWhileVisible(
  callback: () => void,
  intervalMs: number = POLL_INTERVAL_MS,
): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  }, [callback]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let lastRun = Date.now();
    const run = () => {
      lastRun = Date.now();
      latest.current();
    };
    const start = () => {
      if (timer === undefined) timer = setInterval(run, intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') {
        stop();
        return;
      }
      if (Date.now() - lastRun >= intervalMs) run();
      start();
    };

    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [intervalMs]);
}
