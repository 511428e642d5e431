/** Requests per route, so tests and benchmarks can show what a page view costs in GitHub calls. @public */
export interface RouteRequestCount {
  /** `GET /repos/{owner}/{repo}/deployments` */
  route: string;
  /** Every request that matched the route. */
  count: number;
  /** Of those, answered 304 Not Modified (free). */
  notModified: number;
  /** Of those, refused by the rate limit. */
  rateLimited: number;
}

export class RequestCounter {
  readonly #routes = new Map<string, RouteRequestCount>();

  record(route: string, outcome: 'ok' | 'notModified' | 'rateLimited') {
    const entry = this.#routes.get(route) ?? {
      route,
      count: 0,
      notModified: 0,
      rateLimited: 0,
    };
    entry.count += 1;
    if (outcome === 'notModified') entry.notModified += 1;
    if (outcome === 'rateLimited') entry.rateLimited += 1;
    this.#routes.set(route, entry);
  }

  snapshot(): RouteRequestCount[] {
    return [...this.#routes.values()]
      .map(entry => ({ ...entry }))
      .sort((a, b) => a.route.localeCompare(b.route));
  }

  total(): number {
    let total = 0;
    for (const entry of this.#routes.values()) total += entry.count;
    return total;
  }

  reset(): void {
    this.#routes.clear();
  }
}
