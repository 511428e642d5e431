/**
 * Counts AWS calls per service, operation and account, and how many of them were answered
 * with an injected fault, so tests and benchmarks can assert how many calls a feature made
 * (retries included: every attempt is a call).
 */

/** @public */
export interface OperationCount {
  service: string;
  operation: string;
  account: string;
  /** Every call received, including those answered with an injected fault. */
  calls: number;
  throttled: number;
  serverErrors: number;
  accessDenied: number;
  timeouts: number;
}

/** @public */
export interface CounterSnapshot {
  total: number;
  operations: OperationCount[];
}

/** @public */
export interface CallFilter {
  service?: string;
  operation?: string;
  account?: string;
}

export type FaultKind =
  | 'throttled'
  | 'serverErrors'
  | 'accessDenied'
  | 'timeouts';

export class Counters {
  readonly #counts = new Map<string, OperationCount>();

  #entry(service: string, operation: string, account: string): OperationCount {
    const key = `${service}\u0000${operation}\u0000${account}`;
    let entry = this.#counts.get(key);
    if (!entry) {
      entry = {
        service,
        operation,
        account,
        calls: 0,
        throttled: 0,
        serverErrors: 0,
        accessDenied: 0,
        timeouts: 0,
      };
      this.#counts.set(key, entry);
    }
    return entry;
  }

  recordCall(service: string, operation: string, account: string): void {
    this.#entry(service, operation, account).calls++;
  }

  recordFault(
    service: string,
    operation: string,
    account: string,
    kind: FaultKind,
  ): void {
    this.#entry(service, operation, account)[kind]++;
  }

  snapshot(): CounterSnapshot {
    const operations = [...this.#counts.values()]
      .map(entry => ({ ...entry }))
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) ||
          a.operation.localeCompare(b.operation) ||
          a.account.localeCompare(b.account),
      );
    return {
      total: operations.reduce((sum, entry) => sum + entry.calls, 0),
      operations,
    };
  }

  /** Calls matching the filter (all calls when the filter is empty). */
  count(filter: CallFilter = {}): number {
    let total = 0;
    for (const entry of this.#counts.values()) {
      if (
        (filter.service === undefined || filter.service === entry.service) &&
        (filter.operation === undefined ||
          filter.operation === entry.operation) &&
        (filter.account === undefined || filter.account === entry.account)
      ) {
        total += entry.calls;
      }
    }
    return total;
  }

  reset(): void {
    this.#counts.clear();
  }
}
