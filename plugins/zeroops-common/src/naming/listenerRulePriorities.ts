import { parseEphemeralEnvironmentName } from './environments';

/**
 * Listener rule priorities on the shared load balancers. ALB priorities must be unique per
 * listener and lie in 1..50000, while pull-request numbers go to 99999: no function of
 * (service, PR number) alone can be injective. So every service gets a slot s, registered once in
 * the foundation (load-balancer module `service_listener_rule_slots`, distinct by validation),
 * and pull requests claim their priority in a registry (the ecs-service module implements this
 * scheme; README "Listener rule priorities").
 *
 * - Persistent environments (production, staging): priority = s, in 1..100.
 * - Pull requests: slot s owns the block P + (s - 1) * B .. P + s * B - 1 (P = 1000, B = 490),
 *   in 1000..49999. Pull request n claims a priority of that block by creating the SSM parameter
 *   `/zeroops/<load balancer>/listener-rule-priorities/<s>/<priority>` with the value
 *   `<service>/pr-<n>` (String, never overwritten) before its listener rule exists; destroying
 *   the environment deletes the rule and then the claim. It takes the priority of its own claim
 *   if one exists (stable across applies), otherwise the first candidate
 *   block start + ((n + i) mod B), i = 0..B - 1, that no claim holds; with all B claimed (B pull
 *   requests of one service open at once, the documented limit) the deploy fails.
 *
 * Proof of uniqueness per listener: the claim's name is a function of the load balancer and the
 * priority alone (the slot segment is the block the priority lies in), SSM parameter names are
 * unique and creating an existing one fails, so at most one claim exists per priority; every
 * pull-request rule exists only while its claim does, so two pull-request rules never share a
 * priority, whatever their numbers (even 490 apart) or services. Persistent priorities are the
 * slots, distinct by the registry, and the ranges 1..100 and 1000.. are disjoint.
 */

/** Highest listener rule priority an Application Load Balancer accepts. @public */
export const MAX_LISTENER_RULE_PRIORITY = 50000;

/** Number of service slots (services per platform). @public */
export const LISTENER_RULE_SLOTS = 100;

/** First priority of pull-request environments; persistent ones use 1..LISTENER_RULE_SLOTS. @public */
export const EPHEMERAL_LISTENER_RULE_BASE = 1000;

/**
 * Priorities per service for pull requests: the largest block that fits 100 slots below the
 * ALB maximum (490), which is also how many pull requests of one service may be open at once.
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

function checkSlot(slot: number) {
  const invalid = explainInvalidListenerRuleSlot(slot);
  if (invalid) throw new Error(invalid);
}

/** The pull-request priorities a slot owns: `first`..`last`, EPHEMERAL_LISTENER_RULE_BLOCK of them. @public */
export function ephemeralListenerRuleBlock(slot: number): {
  first: number;
  last: number;
} {
  checkSlot(slot);
  const first =
    EPHEMERAL_LISTENER_RULE_BASE + (slot - 1) * EPHEMERAL_LISTENER_RULE_BLOCK;
  return { first, last: first + EPHEMERAL_LISTENER_RULE_BLOCK - 1 };
}

/**
 * The priorities pull request `pullRequest` of the service in `slot` tries, in order: block
 * start + ((n + i) mod B) for i = 0..B - 1, every priority of the block once. @public
 */
export function listenerRulePriorityCandidates(
  slot: number,
  pullRequest: number,
): number[] {
  const { first } = ephemeralListenerRuleBlock(slot);
  return Array.from(
    { length: EPHEMERAL_LISTENER_RULE_BLOCK },
    (_, i) => first + ((pullRequest + i) % EPHEMERAL_LISTENER_RULE_BLOCK),
  );
}

/**
 * SSM path of the claims of a slot's block on a load balancer; each claim is the parameter
 * `<path>/<priority>`. @public
 */
export function listenerRulePriorityClaimsPath(
  loadBalancerName: string,
  slot: number,
): string {
  checkSlot(slot);
  return `/zeroops/${loadBalancerName}/listener-rule-priorities/${slot}`;
}

/** SSM parameter that claims a pull-request priority on a load balancer. @public */
export function listenerRulePriorityClaimName(
  loadBalancerName: string,
  priority: number,
): string {
  const slot =
    Math.floor(
      (priority - EPHEMERAL_LISTENER_RULE_BASE) / EPHEMERAL_LISTENER_RULE_BLOCK,
    ) + 1;
  if (!Number.isInteger(priority) || explainInvalidListenerRuleSlot(slot)) {
    throw new Error(`${priority} is not a pull-request listener rule priority`);
  }
  return `${listenerRulePriorityClaimsPath(
    loadBalancerName,
    slot,
  )}/${priority}`;
}

/** Value of a claim: who holds the priority, `<service>/pr-<n>`. @public */
export function listenerRulePriorityClaimValue(
  service: string,
  pullRequest: number,
): string {
  return `${service}/pr-${pullRequest}`;
}

/**
 * The priority pull request `pullRequest` of `service` (in `slot`) uses, given the claims of its
 * block (claim value by priority): its own claim's, else the first unclaimed candidate. Throws
 * when every priority of the block is claimed by others. @public
 */
export function claimListenerRulePriority(
  slot: number,
  service: string,
  pullRequest: number,
  claims: ReadonlyMap<number, string>,
): number {
  const value = listenerRulePriorityClaimValue(service, pullRequest);
  const candidates = listenerRulePriorityCandidates(slot, pullRequest);
  const own = candidates.find(priority => claims.get(priority) === value);
  if (own !== undefined) return own;
  const free = candidates.find(priority => !claims.has(priority));
  if (free === undefined) {
    throw new Error(
      `all ${EPHEMERAL_LISTENER_RULE_BLOCK} pull-request listener rule priorities of slot ${slot} are claimed`,
    );
  }
  return free;
}

/**
 * Listener rule priority of a service (by its slot) in an environment instance when nothing else
 * is claimed: the slot itself in persistent environments, the first candidate for a pull request
 * (what it gets unless another open pull request of the service holds that priority). @public
 */
export function listenerRulePriority(
  slot: number,
  environmentInstance: string,
): number {
  checkSlot(slot);
  const pullRequest = parseEphemeralEnvironmentName(environmentInstance);
  if (pullRequest === undefined) return slot;
  return listenerRulePriorityCandidates(slot, pullRequest)[0];
}
