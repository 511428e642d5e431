import { InputError } from '@backstage/errors';

/**
 * A fault injection rule. Unset selectors match everything, so `{ throttleRate: 1 }` throttles
 * every call and `{ account: '222222222222', accessDenied: true }` denies one account.
 * When several rules match a call, later rules override the fields they set.
 *
 * @public
 */
export interface FaultRule {
  /**
   * Service signing name as in the SigV4 credential scope: `ecs`, `elasticloadbalancing`,
   * `monitoring` (CloudWatch), `rds`, `elasticache`, `cloudfront`, `ce`, `budgets`, `sts`,
   * `tagging`.
   */
  service?: string;
  /** Operation name, e.g. `DescribeServices`. */
  operation?: string;
  /** Account the call is attributed to (from the access key). */
  account?: string;
  /** Added to every matching call, in milliseconds. */
  latencyMs?: number;
  /** Uniform jitter: the delay is latencyMs ± jitterMs (never negative). */
  jitterMs?: number;
  /** Probability (0..1) of answering with the service's throttling error. */
  throttleRate?: number;
  /** Probability (0..1) of answering with the service's 5xx error. */
  serverErrorRate?: number;
  /** 500 (internal failure, the default) or 503 (service unavailable). */
  serverErrorStatus?: 500 | 503;
  /** Answer every matching call with the service's access denied error. */
  accessDenied?: boolean;
  /** Probability (0..1) of never answering: the socket is held open, then dropped. */
  timeoutRate?: number;
  /** How long a timed-out call holds its socket before dropping it. Default 30 000 ms. */
  timeoutHoldMs?: number;
}

/** @public */
export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'access-denied' }
  | { kind: 'throttle' }
  | { kind: 'server-error'; status: 500 | 503 }
  | { kind: 'timeout'; holdMs: number };

/** What the injector decided for one call. @public */
export interface FaultDecision {
  delayMs: number;
  outcome: FaultOutcome;
}

/** Identity of one call as far as fault selectors are concerned. @public */
export interface CallSelector {
  service: string;
  operation: string;
  account: string;
}

const DEFAULT_TIMEOUT_HOLD_MS = 30_000;

const RATE_FIELDS = ['throttleRate', 'serverErrorRate', 'timeoutRate'] as const;
const DURATION_FIELDS = ['latencyMs', 'jitterMs', 'timeoutHoldMs'] as const;
const SELECTOR_FIELDS = ['service', 'operation', 'account'] as const;
const KNOWN_FIELDS = new Set<string>([
  ...RATE_FIELDS,
  ...DURATION_FIELDS,
  ...SELECTOR_FIELDS,
  'accessDenied',
  'serverErrorStatus',
]);

/** Checks untrusted input (YAML, control API body) and returns it as fault rules. */
export function parseFaultRules(input: unknown): FaultRule[] {
  if (!Array.isArray(input)) {
    throw new InputError('faults must be a list of fault rules');
  }
  return input.map((raw, index) => parseFaultRule(raw, index));
}

function parseFaultRule(raw: unknown, index: number): FaultRule {
  const where = `faults[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError(`${where} must be an object`);
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) {
      throw new InputError(
        `${where}.${key} is not a fault rule field; known fields are ${[
          ...KNOWN_FIELDS,
        ].join(', ')}`,
      );
    }
  }
  const rule: FaultRule = {};
  for (const field of SELECTOR_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length === 0) {
      throw new InputError(`${where}.${field} must be a non-empty string`);
    }
    rule[field] = field === 'service' ? value.toLowerCase() : value;
  }
  for (const field of RATE_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InputError(`${where}.${field} must be a number from 0 to 1`);
    }
    rule[field] = value;
  }
  for (const field of DURATION_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new InputError(
        `${where}.${field} must be a number of milliseconds >= 0`,
      );
    }
    rule[field] = value;
  }
  if (record.serverErrorStatus !== undefined) {
    if (record.serverErrorStatus !== 500 && record.serverErrorStatus !== 503) {
      throw new InputError(`${where}.serverErrorStatus must be 500 or 503`);
    }
    rule.serverErrorStatus = record.serverErrorStatus;
  }
  if (record.accessDenied !== undefined) {
    if (typeof record.accessDenied !== 'boolean') {
      throw new InputError(`${where}.accessDenied must be true or false`);
    }
    rule.accessDenied = record.accessDenied;
  }
  return rule;
}

function matches(rule: FaultRule, call: CallSelector): boolean {
  return (
    (rule.service === undefined || rule.service === call.service) &&
    (rule.operation === undefined || rule.operation === call.operation) &&
    (rule.account === undefined || rule.account === call.account)
  );
}

/**
 * Decides, per call, the injected delay and whether the call fails. Dice come from a seeded
 * generator so a test that sets rates gets the same sequence on every run.
 */
export class FaultInjector {
  #rules: FaultRule[];
  readonly #random: () => number;

  constructor(initialRules: FaultRule[], random: () => number) {
    this.#rules = [...initialRules];
    this.#random = random;
  }

  list(): FaultRule[] {
    return this.#rules.map(rule => ({ ...rule }));
  }

  replace(rules: FaultRule[]): void {
    this.#rules = [...rules];
  }

  clear(): void {
    this.#rules = [];
  }

  decide(call: CallSelector): FaultDecision {
    const matching = this.#rules.filter(rule => matches(rule, call));
    if (matching.length === 0) {
      return { delayMs: 0, outcome: { kind: 'none' } };
    }
    const merged: FaultRule = Object.assign({}, ...matching);
    const latency = merged.latencyMs ?? 0;
    const jitter = merged.jitterMs ?? 0;
    const delayMs =
      jitter > 0
        ? Math.max(0, latency + (this.#random() * 2 - 1) * jitter)
        : latency;
    return { delayMs, outcome: this.#outcome(merged) };
  }

  /** The first fault that strikes, in order of precedence; the dice are rolled in that order. */
  #outcome(rule: FaultRule): FaultOutcome {
    if (rule.accessDenied) return { kind: 'access-denied' };
    if (this.#roll(rule.timeoutRate)) {
      return {
        kind: 'timeout',
        holdMs: rule.timeoutHoldMs ?? DEFAULT_TIMEOUT_HOLD_MS,
      };
    }
    if (this.#roll(rule.throttleRate)) return { kind: 'throttle' };
    if (this.#roll(rule.serverErrorRate)) {
      return { kind: 'server-error', status: rule.serverErrorStatus ?? 500 };
    }
    return { kind: 'none' };
  }

  #roll(rate: number | undefined): boolean {
    if (!rate) return false;
    if (rate >= 1) return true;
    return this.#random() < rate;
  }
}
