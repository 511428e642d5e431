/**
 * The reads one API request shares between its environments, each started once per request.
 *
 * An overview of 1,000 services × 4 environments asks 4,000 times for the alarms and data
 * stores of a handful of account/regions, and 10 times for each DescribeServices batch of 10
 * services. Through {@link SharedReadCache} every one of those asks is correct but not free
 * (closures, promise chains, cache lookups): with a hung account, whose reads stay in flight
 * for the whole deadline, they were most of the request's garbage. Here the request asks once
 * and every environment joins the same promise.
 *
 * It only dedupes within the request: single flight across requests, TTLs and failures (as
 * `Loaded` values) stay the cache's business, and nothing started here is ever cancelled. It
 * lives as long as the request (created next to its deadline), so it never serves a value
 * the cache has since replaced to a later request.
 */
export class RequestReads {
  private readonly started = new Map<string, Promise<unknown>>();

  /**
   * The read of `key` this request already started, or `start()` started now. A read may be
   * started for environments that only join it later, so it never rejects unobserved.
   */
  once<T>(key: string, start: () => Promise<T>): Promise<T> {
    let read = this.started.get(key) as Promise<T> | undefined;
    if (!read) {
      read = start();
      read.catch(() => undefined);
      this.started.set(key, read);
    }
    return read;
  }
}
