import path from 'node:path';
import {
  EPHEMERAL_LISTENER_RULE_BLOCK,
  claimListenerRulePriority,
  ephemeralListenerRuleBlock,
  listenerRulePriority,
  listenerRulePriorityClaimName,
  listenerRulePriorityClaimValue,
  listenerRulePriorityClaimsPath,
} from '@zeroops/backstage-plugin-zeroops-common';
import { evaluateIn, evaluateModule } from './lib/evaluated-module.ts';
import { blocksOf, loadTerraformModule } from './lib/hcl.ts';
import type { HclValue, TerraformModule } from './lib/hcl.ts';
import { MODULES_ROOT } from './lib/repository.ts';
import type { TfValue } from './lib/values.ts';

/**
 * Pull-request listener rule priorities are claims in an SSM registry (ecs-service README,
 * "Listener rule priorities"; zeroops-common listenerRulePriorities). These tests read the
 * module's own expressions: where the claims live, that rules wait for their claim, that
 * persistent environments claim nothing, and that the module allocates exactly like the
 * contract, so many services × pull requests (numbers 490 apart included) never share a priority.
 */

jest.setTimeout(600_000);

const LOAD_BALANCER = 'zeroops-ephemeral';
const LISTENER_ARN = `arn:aws:elasticloadbalancing:us-east-1:222222222222:listener/app/${LOAD_BALANCER}/0123456789abcdef/0123456789abcdef`;
const CLAIMS_LOCAL = 'listener_rule_priority_claims';

let ecsService: TerraformModule;

beforeAll(async () => {
  ecsService = await loadTerraformModule(
    path.join(MODULES_ROOT, 'ecs-service'),
  );
});

/**
 * The module as Terraform sees it once `aws_ssm_parameters_by_path` has returned `claims`
 * (priority => value): the local that reads the data source is replaced by its result.
 */
function withClaims(
  module: TerraformModule,
  claims: ReadonlyMap<number, string>,
): TerraformModule {
  const literal: Record<string, HclValue> = {};
  for (const [priority, value] of claims) literal[String(priority)] = value;
  return {
    ...module,
    locals: module.locals.map(block =>
      CLAIMS_LOCAL in block.body
        ? { ...block, body: { ...block.body, [CLAIMS_LOCAL]: literal } }
        : block,
    ),
  };
}

function inputs(service: string, slot: number, environment: string) {
  return {
    service,
    environment,
    listener_rule_slot: slot,
    production_listener_arn: LISTENER_ARN,
  };
}

/** The priority the module gives pull request n of a service, given its block's claims. */
async function modulePriority(
  service: string,
  slot: number,
  pullRequest: number,
  claims: ReadonlyMap<number, string>,
): Promise<TfValue> {
  return evaluateIn(
    withClaims(ecsService, claims),
    '${local.listener_rule_priority}',
    inputs(service, slot, `pr-${pullRequest}`),
  );
}

function preconditionOfProductionRule(): HclValue {
  const rule = ecsService.resources.find(
    r => r.type === 'aws_lb_listener_rule' && r.name === 'production',
  )!;
  const lifecycle = blocksOf(rule.body, 'lifecycle')[0];
  const precondition = blocksOf(lifecycle, 'precondition')[0];
  expect(precondition).toBeDefined();
  return precondition.condition;
}

describe('listener rule priority claims (ecs-service)', () => {
  it('reads the claims of its block under the documented path and claims <path>/<priority> = "<service>/pr-<n>"', async () => {
    const { first } = ephemeralListenerRuleBlock(42);
    const claims = new Map([[first + 42, 'payments-api/pr-532']]);
    const evaluated = await evaluateModule(withClaims(ecsService, claims), {
      name: 'pr-42',
      inputs: inputs('payments-api', 42, 'pr-42'),
    });
    const byAddress = new Map(evaluated.resources.map(r => [r.address, r]));

    const read = byAddress.get(
      'data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0]',
    );
    expect(read?.body.path).toBe(
      listenerRulePriorityClaimsPath(LOAD_BALANCER, 42),
    );
    expect(read?.body.with_decryption).toBe(false);
    expect(read?.body.recursive ?? null).toBeNull();

    // pr-42's first candidate is held by pr-532 (42 + 490): it takes the next one.
    const expected = claimListenerRulePriority(42, 'payments-api', 42, claims);
    expect(expected).toBe(first + 43);
    const claim = byAddress.get(
      'aws_ssm_parameter.listener_rule_priority_claim[0]',
    );
    expect(claim?.body).toMatchObject({
      name: listenerRulePriorityClaimName(LOAD_BALANCER, expected),
      type: 'String',
      value: listenerRulePriorityClaimValue('payments-api', 42),
      tags: {
        'zeroops:service': 'payments-api',
        'zeroops:environment': 'pr-42',
      },
    });
    // Without overwrite, creating a claim that exists fails: that is the uniqueness proof.
    expect(claim?.body.overwrite ?? null).toBeNull();
    expect(
      byAddress.get('aws_lb_listener_rule.production')?.body.priority,
    ).toBe(expected);
  });

  it('every listener rule depends on the claim', () => {
    const rules = ecsService.resources.filter(
      r => r.type === 'aws_lb_listener_rule',
    );
    expect(rules.map(r => r.name).sort()).toEqual(['production', 'test']);
    for (const rule of rules) {
      expect([rule.name, rule.body.depends_on]).toEqual([
        rule.name,
        ['${aws_ssm_parameter.listener_rule_priority_claim}'],
      ]);
    }
  });

  it.each(['production', 'staging'])(
    'the %s environment reads and creates no claim and keeps priority = slot',
    async environment => {
      const evaluated = await evaluateModule(ecsService, {
        name: environment,
        inputs: {
          ...inputs('payments-api', 42, environment),
          test_listener_arn: LISTENER_ARN.replace(/[0-9a-f]+$/, 'feedbeef'),
        },
      });
      const ssm = evaluated.resources.filter(r => r.type.startsWith('aws_ssm'));
      expect(ssm.map(r => r.address)).toEqual([]);
      const priorities = evaluated.resources
        .filter(r => r.type === 'aws_lb_listener_rule')
        .map(r => r.body.priority);
      expect(priorities.length).toBeGreaterThan(0);
      for (const priority of priorities)
        expect(priority).toBe(listenerRulePriority(42, environment));
      expect(
        await evaluateIn(
          ecsService,
          preconditionOfProductionRule(),
          inputs('payments-api', 42, environment),
        ),
      ).toBe(true);
    },
  );

  it('allocates exactly like the contract: own claim, first free candidate, numbers 490 apart', async () => {
    const { first, last } = ephemeralListenerRuleBlock(7);
    const cases: Array<[number, Map<number, string>]> = [
      [10, new Map()],
      [500, new Map([[first + 10, 'orders/pr-10']])],
      [
        500,
        new Map([
          [first + 10, 'orders/pr-10'],
          [first + 11, 'orders/pr-500'],
        ]),
      ],
      // Own claim elsewhere in the block (its preferred priority was taken when it opened).
      [
        10,
        new Map([
          [first + 300, 'orders/pr-10'],
          [first + 10, 'orders/pr-990'],
        ]),
      ],
      // Wrap-around at the end of the block.
      [489, new Map([[last, 'orders/pr-979']])],
      [99999, new Map()],
      // A stale claim of another service (before a slot was reassigned) is respected.
      [1, new Map([[first + 1, 'billing/pr-1']])],
    ];
    for (const [pr, claims] of cases) {
      expect([
        pr,
        [...claims],
        await modulePriority('orders', 7, pr, claims),
      ]).toEqual([
        pr,
        [...claims],
        claimListenerRulePriority(7, 'orders', pr, claims),
      ]);
    }
  });

  it('fails the plan with the precondition when all 490 priorities of the block are claimed', async () => {
    const claims = new Map<number, string>();
    const { first } = ephemeralListenerRuleBlock(3);
    for (let i = 0; i < EPHEMERAL_LISTENER_RULE_BLOCK; i += 1)
      claims.set(first + i, `orders/pr-${1000 + i}`);
    expect(() => claimListenerRulePriority(3, 'orders', 1, claims)).toThrow(
      /claimed/,
    );
    expect(await modulePriority('orders', 3, 1, claims)).toBeNull();
    expect(
      await evaluateIn(
        withClaims(ecsService, claims),
        preconditionOfProductionRule(),
        inputs('orders', 3, 'pr-1'),
      ),
    ).toBe(false);
    // One free priority left: the precondition holds and the module takes it.
    claims.delete(first + 200);
    expect(await modulePriority('orders', 3, 1, claims)).toBe(first + 200);
  });

  it('finds no duplicate among services × pull requests (490 apart) allocated by the module, opened and closed in random order', async () => {
    const services = [
      { name: 'orders', slot: 1 },
      { name: 'payments-api', slot: 2 },
      { name: 'search', slot: 57 },
      { name: 'zz-last', slot: 100 },
    ];
    const numbers = [10, 500, 990, 11, 501, 99999, 99509, 489];
    // The registry: claim name => value; a claim is created only if its name is free.
    const registry = new Map<string, string>();
    const open = new Map<string, number>();
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const claimsOf = (slot: number) => {
      const prefix = `${listenerRulePriorityClaimsPath(LOAD_BALANCER, slot)}/`;
      return new Map(
        [...registry]
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, value]) => [Number(name.slice(prefix.length)), value]),
      );
    };
    for (let step = 0; step < 120; step += 1) {
      const service = services[Math.floor(next() * services.length)];
      const pr = numbers[Math.floor(next() * numbers.length)];
      const owner = listenerRulePriorityClaimValue(service.name, pr);
      const current = open.get(owner);
      if (current !== undefined && next() < 0.4) {
        registry.delete(listenerRulePriorityClaimName(LOAD_BALANCER, current));
        open.delete(owner);
        continue;
      }
      const priority = await modulePriority(
        service.name,
        service.slot,
        pr,
        claimsOf(service.slot),
      );
      expect(typeof priority).toBe('number');
      const name = listenerRulePriorityClaimName(
        LOAD_BALANCER,
        priority as number,
      );
      // A re-apply keeps its priority; a new claim never takes an existing name.
      expect(
        current !== undefined ? priority === current : !registry.has(name),
      ).toBe(true);
      if (current === undefined) registry.set(name, owner);
      open.set(owner, priority as number);
      const priorities = [...open.values()];
      expect(new Set(priorities).size).toBe(priorities.length);
    }
    // Then every number of every service open at once.
    for (const service of services)
      for (const pr of numbers) {
        const owner = listenerRulePriorityClaimValue(service.name, pr);
        const priority = (await modulePriority(
          service.name,
          service.slot,
          pr,
          claimsOf(service.slot),
        )) as number;
        const name = listenerRulePriorityClaimName(LOAD_BALANCER, priority);
        if (!registry.has(name)) registry.set(name, owner);
        expect(registry.get(name)).toBe(owner);
        open.set(owner, priority);
      }
    const all = [...open.values()];
    expect(all.length).toBe(services.length * numbers.length);
    expect(new Set(all).size).toBe(all.length);
  });
});
