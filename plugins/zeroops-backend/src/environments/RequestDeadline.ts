/** Share of the budget spent waiting for AWS; the rest is for building and sending the answer. */
const CUT_OFF_SHARE = 0.8;

/**
 * The time budget of one API request (`zeroops.requestDeadline`): the time by which the answer
 * is sent. Work still running at the cut-off, a fifth of the budget earlier (building and sending
 * the answer, and event-loop lag on a busy backend), is answered with a placeholder instead, and is
 * not cancelled: AWS reads go on into {@link SharedReadCache} (single flight), so the next
 * request finds the result there.
 *
 * One timer serves every environment of a request, also the overview's hundreds.
 */
export class RequestDeadline {
  private expired?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private disposed = false;

  private constructor(private readonly cutOffAt: number) {}

  /** An answer due `ms` from now. */
  static after(ms: number): RequestDeadline {
    return new RequestDeadline(Date.now() + ms * CUT_OFF_SHARE);
  }

  /** `work`'s result, or `onExpired()` when the deadline passes first. */
  within<T>(work: Promise<T>, onExpired: () => T): Promise<T> {
    return Promise.race([work, this.expiry().then(onExpired)]);
  }

  /** Stops the timer once the answer is built; pending `within` calls then keep their work. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private expiry(): Promise<void> {
    if (!this.expired) {
      this.expired = new Promise(resolve => {
        if (this.disposed) return;
        // Always a timer, even when the budget is already spent: what is only a cache hit
        // away (a few microtasks) is answered, never reported as pending.
        this.timer = setTimeout(
          resolve,
          Math.max(0, this.cutOffAt - Date.now()),
        );
        // Never what keeps a process (or a test run) alive.
        this.timer.unref?.();
      });
    }
    return this.expired;
  }
}
