import {
  EPHEMERAL_LISTENER_RULE_BASE,
  EPHEMERAL_LISTENER_RULE_BLOCK,
  LISTENER_RULE_SLOTS,
  MAX_LISTENER_RULE_PRIORITY,
  claimListenerRulePriority,
  ephemeralListenerRuleBlock,
  listenerRulePriority,
  listenerRulePriorityCandidates,
  listenerRulePriorityClaimName,
  listenerRulePriorityClaimValue,
  listenerRulePriorityClaimsPath,
} from './listenerRulePriorities';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The SSM registry of one load balancer as the ecs-service module uses it: a claim is a parameter
 * named by its priority, created without overwrite (an existing name fails), deleted on destroy.
 */
class ClaimRegistry {
  readonly parameters = new Map<string, string>();

  constructor(readonly loadBalancer: string) {}

  /** What `aws_ssm_parameters_by_path` returns for a slot's block: priority => value. */
  claimsOf(slot: number): Map<number, string> {
    const path = `${listenerRulePriorityClaimsPath(this.loadBalancer, slot)}/`;
    const claims = new Map<number, string>();
    for (const [name, value] of this.parameters)
      if (name.startsWith(path))
        claims.set(Number(name.slice(path.length)), value);
    return claims;
  }

  put(name: string, value: string) {
    if (this.parameters.has(name)) throw new Error(`ParameterAlreadyExists`);
    this.parameters.set(name, value);
  }
}

interface Service {
  name: string;
  slot: number;
}

/** One `terraform apply` of pull request n: claim (reuse or new), then the listener rule. */
function apply(
  registry: ClaimRegistry,
  rules: Map<number, string>,
  service: Service,
  pullRequest: number,
): number {
  const owner = listenerRulePriorityClaimValue(service.name, pullRequest);
  const priority = claimListenerRulePriority(
    service.slot,
    service.name,
    pullRequest,
    registry.claimsOf(service.slot),
  );
  const name = listenerRulePriorityClaimName(registry.loadBalancer, priority);
  if (registry.parameters.get(name) !== owner) registry.put(name, owner);
  const holder = rules.get(priority);
  if (holder !== undefined && holder !== owner)
    throw new Error(`PriorityInUse: ${priority} held by ${holder}, ${owner}`);
  rules.set(priority, owner);
  return priority;
}

/** `terraform destroy`: the listener rule, then its claim. */
function destroy(
  registry: ClaimRegistry,
  rules: Map<number, string>,
  priority: number,
) {
  rules.delete(priority);
  registry.parameters.delete(
    listenerRulePriorityClaimName(registry.loadBalancer, priority),
  );
}

describe('listener rule priorities', () => {
  it('gives every slot a block of 490 pull-request priorities, disjoint and below the ALB maximum', () => {
    expect(EPHEMERAL_LISTENER_RULE_BLOCK).toBe(490);
    let previousLast = EPHEMERAL_LISTENER_RULE_BASE - 1;
    for (let slot = 1; slot <= LISTENER_RULE_SLOTS; slot += 1) {
      const { first, last } = ephemeralListenerRuleBlock(slot);
      expect(first).toBe(previousLast + 1);
      expect(last - first + 1).toBe(EPHEMERAL_LISTENER_RULE_BLOCK);
      previousLast = last;
    }
    expect(previousLast).toBeLessThanOrEqual(MAX_LISTENER_RULE_PRIORITY);
  });

  it('tries every priority of the block once, starting at n mod 490', () => {
    for (const [slot, pr] of [
      [1, 1],
      [42, 10],
      [42, 500],
      [100, 99999],
    ]) {
      const { first, last } = ephemeralListenerRuleBlock(slot);
      const candidates = listenerRulePriorityCandidates(slot, pr);
      expect(candidates[0]).toBe(first + (pr % EPHEMERAL_LISTENER_RULE_BLOCK));
      expect([...candidates].sort((a, b) => a - b)).toEqual(
        Array.from({ length: last - first + 1 }, (_, i) => first + i),
      );
    }
  });

  it('names a claim by its load balancer and priority alone, and the slot path is its block', () => {
    expect(listenerRulePriorityClaimsPath('zeroops-ephemeral', 42)).toBe(
      '/zeroops/zeroops-ephemeral/listener-rule-priorities/42',
    );
    const { first, last } = ephemeralListenerRuleBlock(42);
    for (const priority of [first, first + 245, last]) {
      expect(listenerRulePriorityClaimName('zeroops-ephemeral', priority)).toBe(
        `/zeroops/zeroops-ephemeral/listener-rule-priorities/42/${priority}`,
      );
    }
    expect(() => listenerRulePriorityClaimName('lb', 999)).toThrow();
    expect(() => listenerRulePriorityClaimName('lb', 50000)).toThrow();
    expect(listenerRulePriorityClaimValue('payments-api', 42)).toBe(
      'payments-api/pr-42',
    );
  });

  it('the old formula 1000 + (s - 1) * 490 + (n mod 490) collides for #10 and #500 of one service', () => {
    const oldFormula = (slot: number, pr: number) =>
      EPHEMERAL_LISTENER_RULE_BASE +
      (slot - 1) * EPHEMERAL_LISTENER_RULE_BLOCK +
      (pr % EPHEMERAL_LISTENER_RULE_BLOCK);
    expect(oldFormula(7, 10)).toBe(oldFormula(7, 500));
    // Claims: #500 opened while #10 holds that priority takes the next free one.
    const claims = new Map<number, string>();
    const ten = claimListenerRulePriority(7, 'orders', 10, claims);
    claims.set(ten, listenerRulePriorityClaimValue('orders', 10));
    const fiveHundred = claimListenerRulePriority(7, 'orders', 500, claims);
    expect(ten).toBe(oldFormula(7, 10));
    expect(fiveHundred).not.toBe(ten);
    expect(fiveHundred).toBe(ten + 1);
  });

  it('reuses its own claim on every later apply, even after the preferred priority was freed', () => {
    const claims = new Map<number, string>();
    const { first } = ephemeralListenerRuleBlock(3);
    claims.set(first + 10, 'orders/pr-10');
    const own = claimListenerRulePriority(3, 'orders', 500, claims);
    expect(own).toBe(first + 11);
    claims.set(own, 'orders/pr-500');
    claims.delete(first + 10); // #10 closed
    expect(claimListenerRulePriority(3, 'orders', 500, claims)).toBe(own);
  });

  it('fails when all 490 priorities of the block are claimed by other pull requests', () => {
    const claims = new Map<number, string>();
    for (const priority of listenerRulePriorityCandidates(5, 1))
      claims.set(priority, `orders/pr-${priority}`);
    expect(() => claimListenerRulePriority(5, 'orders', 1, claims)).toThrow(
      /all 490 .* slot 5 are claimed/,
    );
  });

  it('finds no duplicate among 100 services × pull requests 490 apart, opened and closed in random order', () => {
    const registry = new ClaimRegistry('zeroops-ephemeral');
    const rules = new Map<number, string>();
    const services: Service[] = Array.from(
      { length: LISTENER_RULE_SLOTS },
      (_, i) => ({ name: `service-${i + 1}`, slot: i + 1 }),
    );
    // Per service, numbers that share n mod 490 (which the old formula mapped to one priority)
    // and a few neighbours, up to the highest pull-request number.
    const numbers = [10, 500, 990, 1480, 99500, 11, 501, 99999, 99509, 489];
    const open = new Map<
      string,
      { service: Service; pr: number; priority: number }
    >();
    const next = random(20261206);
    let applies = 0;
    for (let step = 0; step < 20000; step += 1) {
      const service = services[Math.floor(next() * services.length)];
      const pr = numbers[Math.floor(next() * numbers.length)];
      const key = listenerRulePriorityClaimValue(service.name, pr);
      const current = open.get(key);
      if (current && next() < 0.5) {
        destroy(registry, rules, current.priority);
        open.delete(key);
        continue;
      }
      // Open, or apply again (a new commit): the priority must not move.
      const priority = apply(registry, rules, service, pr);
      applies += 1;
      // Applying again (a new commit) must not move the priority.
      expect(priority).toBe(current ? current.priority : priority);
      const { first, last } = ephemeralListenerRuleBlock(service.slot);
      expect(priority >= first && priority <= last).toBe(true);
      open.set(key, { service, pr, priority });
      // The invariant: one rule and one claim per priority, each open PR holding its own.
      const priorities = [...open.values()].map(o => o.priority);
      expect(new Set(priorities).size).toBe(priorities.length);
    }
    expect(applies).toBeGreaterThan(5000);
    expect(rules.size).toBe(open.size);
    expect(registry.parameters.size).toBe(open.size);
    // At the end every service has all its numbers open at once: still no duplicate.
    for (const service of services)
      for (const pr of numbers) {
        const key = listenerRulePriorityClaimValue(service.name, pr);
        const priority = apply(registry, rules, service, pr);
        open.set(key, { service, pr, priority });
      }
    const all = [...open.values()].map(o => o.priority);
    expect(all.length).toBe(services.length * numbers.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it('two pull requests racing for one priority: the second claim fails instead of colliding', () => {
    const registry = new ClaimRegistry('zeroops-ephemeral');
    // Both plan before either applies: both read no claims and choose the same priority.
    const a = claimListenerRulePriority(9, 'orders', 10, registry.claimsOf(9));
    const b = claimListenerRulePriority(9, 'orders', 500, registry.claimsOf(9));
    expect(a).toBe(b);
    registry.put(
      listenerRulePriorityClaimName('zeroops-ephemeral', a),
      'orders/pr-10',
    );
    expect(() =>
      registry.put(
        listenerRulePriorityClaimName('zeroops-ephemeral', b),
        'orders/pr-500',
      ),
    ).toThrow(/ParameterAlreadyExists/);
    // The retried apply reads #10's claim and takes the next priority.
    expect(
      claimListenerRulePriority(9, 'orders', 500, registry.claimsOf(9)),
    ).toBe(a + 1);
  });

  it('gives persistent environments the slot itself, below every pull-request priority', () => {
    const persistent = Array.from({ length: LISTENER_RULE_SLOTS }, (_, i) =>
      listenerRulePriority(i + 1, 'production'),
    );
    expect(new Set(persistent).size).toBe(LISTENER_RULE_SLOTS);
    expect(Math.max(...persistent)).toBeLessThan(EPHEMERAL_LISTENER_RULE_BASE);
    expect(listenerRulePriority(7, 'staging')).toBe(7);
    expect(listenerRulePriority(7, 'pr-500')).toBe(
      listenerRulePriorityCandidates(7, 500)[0],
    );
  });

  it('rejects slots outside the registry range', () => {
    expect(() => listenerRulePriority(0, 'production')).toThrow(/slot/);
    expect(() => listenerRulePriority(LISTENER_RULE_SLOTS + 1, 'pr-1')).toThrow(
      /slot/,
    );
    expect(() => listenerRulePriorityCandidates(0, 1)).toThrow(/slot/);
  });
});
