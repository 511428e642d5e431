/**
 * After a reconciliation that found no repository in the catalog, asks for another run after
 * `delayMs` instead of waiting a whole interval (15 min by default).
 *
 * The first run starts 15 s after the backend, and on a fresh or busy backend the catalog may
 * not hold the services yet: that run then reconciles "0/0 repositories", and the delivery
 * cards stayed empty until the next interval. A webhook would fill them sooner, but only for
 * repositories that change. Each retry costs one catalog query and no GitHub request.
 */
export function catchUpWhileCatalogEmpty(options: {
  repositoriesListed: number;
  delayMs: number;
  triggerRun: () => Promise<void>;
}): void {
  if (options.repositoriesListed > 0) return;
  const timer = setTimeout(() => {
    // The scheduler refuses a trigger while a run is going (or after shutdown): the next
    // scheduled run then does the work.
    options.triggerRun().catch(() => undefined);
  }, options.delayMs);
  timer.unref?.();
}
