import { RATE_LIMIT_PER_HOUR } from '../constants.ts';

const HOUR_MS = 3_600_000;

export interface RateLimitState {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

/**
 * GitHub's primary rate limit: a budget per token per hour, the window starting at the first
 * request. Conditional requests answered 304 do not count (GitHub documents this for
 * authorized requests).
 */
export class RateLimiter {
  readonly #windows = new Map<string, { used: number; resetAt: number }>();
  readonly #limit: number;
  readonly #now: () => Date;

  constructor(now: () => Date, limit = RATE_LIMIT_PER_HOUR) {
    this.#now = now;
    this.#limit = limit;
  }

  #window(token: string) {
    const now = this.#now().getTime();
    let window = this.#windows.get(token);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + HOUR_MS };
      this.#windows.set(token, window);
    }
    return window;
  }

  peek(token: string): RateLimitState {
    const window = this.#window(token);
    return {
      limit: this.#limit,
      used: window.used,
      remaining: Math.max(0, this.#limit - window.used),
      reset: Math.ceil(window.resetAt / 1000),
    };
  }

  exhausted(token: string): boolean {
    return this.peek(token).remaining === 0;
  }

  consume(token: string): RateLimitState {
    this.#window(token).used += 1;
    return this.peek(token);
  }

  /** Sets the used count of a token's window (tests of exhaustion). */
  setUsed(token: string, used: number): void {
    this.#window(token).used = used;
  }
}

export function rateLimitHeaders(
  state: RateLimitState,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-used': String(state.used),
    'x-ratelimit-reset': String(state.reset),
    'x-ratelimit-resource': 'core',
  };
}
