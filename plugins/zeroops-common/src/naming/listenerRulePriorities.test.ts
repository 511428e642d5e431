import {
  EPHEMERAL_LISTENER_RULE_BLOCK,
  LISTENER_RULE_SLOTS,
  MAX_LISTENER_RULE_PRIORITY,
  listenerRulePriority,
} from './listenerRulePriorities';

describe('listener rule priorities', () => {
  it('never collides on the ephemeral listener: every service slot × a window of 490 open pull requests', () => {
    const seen = new Map<number, string>();
    for (let slot = 1; slot <= LISTENER_RULE_SLOTS; slot += 1) {
      // Any window of consecutive PR numbers narrower than the block, here near the top.
      for (
        let pr = 99999 - EPHEMERAL_LISTENER_RULE_BLOCK + 1;
        pr <= 99999;
        pr += 1
      ) {
        const priority = listenerRulePriority(slot, `pr-${pr}`);
        expect(priority).toBeGreaterThanOrEqual(1);
        expect(priority).toBeLessThanOrEqual(MAX_LISTENER_RULE_PRIORITY);
        const owner = `slot ${slot} pr-${pr}`;
        expect([priority, seen.get(priority) ?? owner]).toEqual([
          priority,
          owner,
        ]);
        seen.set(priority, owner);
      }
    }
    expect(seen.size).toBe(LISTENER_RULE_SLOTS * EPHEMERAL_LISTENER_RULE_BLOCK);
  });

  it('gives persistent environments the slot itself, below every pull-request priority', () => {
    const persistent = Array.from({ length: LISTENER_RULE_SLOTS }, (_, i) =>
      listenerRulePriority(i + 1, 'production'),
    );
    expect(new Set(persistent).size).toBe(LISTENER_RULE_SLOTS);
    expect(Math.max(...persistent)).toBeLessThan(
      listenerRulePriority(1, 'pr-1') - 1,
    );
    expect(listenerRulePriority(7, 'staging')).toBe(7);
  });

  it('rejects slots outside the registry range', () => {
    expect(() => listenerRulePriority(0, 'production')).toThrow(/slot/);
    expect(() => listenerRulePriority(LISTENER_RULE_SLOTS + 1, 'pr-1')).toThrow(
      /slot/,
    );
  });
});
