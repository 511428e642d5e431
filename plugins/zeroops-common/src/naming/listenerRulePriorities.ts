import { parseEphemeralEnvironmentName } from './environments';

/**
 * Listener rule priorities on the shared load balancers. ALB priorities must be unique per
 * listener and lie in 1..50000, while pull-request numbers go to 99999: no function of
 * (service, PR number) alone can be injective, so every service gets a slot, registered once in
 * the foundation (load-balancer module `service_listener_rule_slots`, distinct by validation).
 *
 * Scheme (slot s in 1..LISTENER_RULE_SLOTS, block size B, base P):
 * - persistent environments (production, staging): priority = s, in 1..100;
 * - pull request n: priority = P + (s - 1) * B + (n mod B), in P..P + 100 * B - 1 ≤ 50000.
 *
 * Proof of uniqueness per listener: persistent priorities are the slots themselves, distinct
 * by the registry. Ephemeral priorities are the mixed-radix number (s - 1, n mod B) offset by
 * P, so two rules collide only when they have the same slot and n mod B: the same service
 * with two open pull requests whose numbers differ by a multiple of B (490 numbers apart).
 * The ranges 1..100 and P.. are disjoint, so a listener shared by both kinds cannot collide.
 */

/** Highest listener rule priority an Application Load Balancer accepts. @public */
export const MAX_LISTENER_RULE_PRIORITY = 50000;

/** Number of service slots (services per platform). @public */
export const LISTENER_RULE_SLOTS = 100;

/** First priority of pull-request environments; persistent ones use 1..LISTENER_RULE_SLOTS. @public */
export const EPHEMERAL_LISTENER_RULE_BASE = 1000;

/**
 * Priorities per service for pull requests: the largest block that fits 100 slots below the
 * ALB maximum (490). Pull requests collide only when open together 490 numbers apart.
 * @public
 */
export const EPHEMERAL_LISTENER_RULE_BLOCK = Math.floor(
  (MAX_LISTENER_RULE_PRIORITY - EPHEMERAL_LISTENER_RULE_BASE + 1) /
    LISTENER_RULE_SLOTS,
);

/** Why a listener rule slot is not acceptable, or undefined. @public */
export function explainInvalidListenerRuleSlot(
  slot: number,
): string | undefined {
  if (!Number.isInteger(slot) || slot < 1 || slot > LISTENER_RULE_SLOTS) {
    return `listener rule slot must be an integer from 1 to ${LISTENER_RULE_SLOTS}, got ${slot}`;
  }
  return undefined;
}

/** Listener rule priority of a service (by its slot) in an environment instance. @public */
export function listenerRulePriority(
  slot: number,
  environmentInstance: string,
): number {
  const invalid = explainInvalidListenerRuleSlot(slot);
  if (invalid) throw new Error(invalid);
  const pullRequest = parseEphemeralEnvironmentName(environmentInstance);
  if (pullRequest === undefined) return slot;
  return (
    EPHEMERAL_LISTENER_RULE_BASE +
    (slot - 1) * EPHEMERAL_LISTENER_RULE_BLOCK +
    (pullRequest % EPHEMERAL_LISTENER_RULE_BLOCK)
  );
}
