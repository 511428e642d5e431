import path from 'node:path';
import { listenerRulePriority } from '@zeroops/backstage-plugin-zeroops-common';
import { loadTerraformModule } from './lib/hcl.ts';
import type { TerraformModule } from './lib/hcl.ts';
import { MODULES_ROOT } from './lib/repository.ts';
import type { TfValue } from './lib/values.ts';
import { evaluateIn } from './lib/evaluated-module.ts';
import { validationsOf } from './naming-fixtures.ts';

/** Listener rule priorities of ecs-service against the naming contract's listenerRulePriority. */

jest.setTimeout(240_000);

describe('listener rule priorities', () => {
  /**
   * ecs-service before any pull request of the block claimed a priority: the claims it reads
   * from SSM (a data source, unknown offline) are none. Claims are tested in
   * listenerPriorityClaims.test.ts.
   */
  async function ecsService(): Promise<TerraformModule> {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'ecs-service'),
    );
    return {
      ...module,
      locals: module.locals.map(block =>
        'listener_rule_priority_claims' in block.body
          ? {
              ...block,
              body: { ...block.body, listener_rule_priority_claims: {} },
            }
          : block,
      ),
    };
  }

  it('without claims, the module derives the contract priority from the slot in every environment', async () => {
    const module = await ecsService();
    const priority = (
      module.locals.find(l => 'listener_rule_priority' in l.body)?.body ?? {}
    ).listener_rule_priority;
    expect(priority).toBeDefined();
    const environments = [
      'production',
      'staging',
      'pr-1',
      'pr-489',
      'pr-490',
      'pr-491',
      'pr-980',
      'pr-99999',
    ];
    for (const slot of [1, 2, 50, 99, 100]) {
      for (const environment of environments) {
        const value = await evaluateIn(module, priority!, {
          listener_rule_slot: slot,
          environment,
        });
        expect([slot, environment, value]).toEqual([
          slot,
          environment,
          listenerRulePriority(slot, environment),
        ]);
      }
    }
  });

  it('finds no duplicate first-candidate priority among 100 services × 12 pull requests on one listener', async () => {
    const module = await ecsService();
    const priority = module.locals.find(
      l => 'listener_rule_priority' in l.body,
    )!.body.listener_rule_priority;
    // Pull requests open at the same time: any numbers less than 490 apart.
    const pullRequests = [
      99510, 99511, 99600, 99700, 99735, 99800, 99850, 99900, 99950, 99980,
      99998, 99999,
    ];
    const owners = new Map<TfValue, string>();
    const duplicates: string[] = [];
    for (let slot = 1; slot <= 100; slot += 1) {
      for (const pr of pullRequests) {
        const value = await evaluateIn(module, priority, {
          listener_rule_slot: slot,
          environment: `pr-${pr}`,
        });
        expect(typeof value === 'number' && value >= 1 && value <= 50000).toBe(
          true,
        );
        const owner = `slot ${slot} pr-${pr}`;
        if (owners.has(value))
          duplicates.push(`${owner} = ${owners.get(value)} (${value})`);
        owners.set(value, owner);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('the load balancer registry rejects two services with one slot', async () => {
    const module = await loadTerraformModule(
      path.join(MODULES_ROOT, 'load-balancer'),
    );
    const conditions = validationsOf(module, 'service_listener_rule_slots');
    const valid = async (slots: Record<string, number>) => {
      for (const condition of conditions)
        if (
          (await evaluateIn(module, condition, {
            service_listener_rule_slots: slots,
          })) !== true
        )
          return false;
      return true;
    };
    expect(await valid({ a: 1, b: 2, c: 100 })).toBe(true);
    expect(await valid({ a: 1, b: 1 })).toBe(false);
    expect(await valid({ a: 101 })).toBe(false);
  });
});
