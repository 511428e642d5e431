import {
  COST_ALLOCATION_TAGS,
  alarmNamePrefix,
  dataStoreIdentifier,
  ecsServiceName,
  explainInvalidServiceName,
  logGroupName,
  targetGroupNames,
  taskDefinitionFamily,
} from '@zeroops/backstage-plugin-zeroops-common';
import { FIXED_NOW } from '../__testUtils__/clients.ts';
import { ENVIRONMENT_TAG, SERVICE_TAG } from '../cost/costModel.ts';
import { buildWorld } from './buildWorld.ts';
import { generateScenario } from './generateScenario.ts';
import { loadScenario } from './loadScenario.ts';
import { summarizeWorld } from './summarizeWorld.ts';

describe('the demo world', () => {
  it('tells the story a newcomer expects', async () => {
    const world = buildWorld(await loadScenario('demo'), { now: FIXED_NOW });
    const services = [...new Set(world.instances.map(i => i.service.name))];
    expect(services).toEqual([
      'payments-api',
      'storefront-web',
      'orders-worker',
    ]);

    const production = world.instances.filter(i => i.name === 'production');
    for (const instance of production) {
      expect(instance.alarms.every(a => a.state === 'OK')).toBe(true);
      const running = instance.tasks.filter(t => t.lastStatus === 'RUNNING');
      expect(running.length).toBeGreaterThanOrEqual(instance.desiredCount);
    }
    expect(
      production.find(i => i.service.name === 'storefront-web')!.story,
    ).toBe('blue-green-in-progress');

    const staging = world.instances.filter(i => i.name === 'staging');
    expect(
      staging
        .flatMap(i => i.alarms)
        .filter(a => a.state === 'ALARM')
        .map(a => a.name),
    ).toEqual(['payments-api-staging-p99-latency']);
    expect(staging.find(i => i.service.name === 'orders-worker')!.story).toBe(
      'circuit-breaker-rollback',
    );

    expect(
      world.instances
        .filter(i => i.pullRequest !== undefined)
        .map(i => i.ecsServiceName),
    ).toEqual(['payments-api-pr-7', 'storefront-web-pr-42']);
    expect(
      world.budgets.find(b => b.service === 'payments-api')!.consumedPercent,
    ).toBe(80);
    expect(world.cost.options.historyMonths).toBe(6);
  });

  it('names every resource by the ZeroOps naming contract', async () => {
    const world = buildWorld(await loadScenario('demo'), { now: FIXED_NOW });
    expect([SERVICE_TAG, ENVIRONMENT_TAG]).toEqual([
      COST_ALLOCATION_TAGS.service,
      COST_ALLOCATION_TAGS.environment,
    ]);
    for (const instance of world.instances) {
      const service = instance.service.name;
      expect(explainInvalidServiceName(service)).toBeUndefined();
      expect(instance.ecsServiceName).toBe(
        ecsServiceName(service, instance.name),
      );
      for (const alarm of instance.alarms) {
        expect(
          alarm.name.startsWith(alarmNamePrefix(service, instance.name)),
        ).toBe(true);
      }
      const dataStores = [instance.database?.identifier, instance.cache?.name];
      expect(dataStores.filter(Boolean)).toEqual(
        dataStores
          .filter(Boolean)
          .map(() => dataStoreIdentifier(service, instance.name)),
      );
      for (const tg of instance.targetGroups) {
        const names = targetGroupNames(service, instance.name);
        expect(tg.name).toBe(tg.color === 'b' ? names.blue : names.green);
        expect(tg.name.length).toBeLessThanOrEqual(32);
      }
      const td = instance.deployments[0].taskDefinition;
      expect(td.family).toBe(taskDefinitionFamily(service, instance.name));
      expect(td.logGroup).toBe(logGroupName(service, instance.name));
      expect(td.image.endsWith(`/${service}:${td.commitSha}`)).toBe(true);
      expect(td.commitSha).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const scenario = await loadScenario('demo');
    const a = summarizeWorld(buildWorld(scenario, { now: FIXED_NOW }), []);
    const b = summarizeWorld(buildWorld(scenario, { now: FIXED_NOW }), []);
    const c = buildWorld(scenario, { now: FIXED_NOW, seed: 7 });
    expect(a).toEqual(b);
    const taskIds = (w: ReturnType<typeof buildWorld>) =>
      w.instances.flatMap(i => i.tasks.map(t => t.id));
    expect(taskIds(buildWorld(scenario, { now: FIXED_NOW }))).not.toEqual(
      taskIds(c),
    );
  });
});

describe('generated scenarios', () => {
  it('ships the benchmark estate as the bundled bench-50x4 scenario', async () => {
    const world = buildWorld(await loadScenario('bench-50x4'), {
      now: FIXED_NOW,
    });
    expect(world.instances).toHaveLength(200);
    expect(world.clusters.map(c => c.name)).toEqual([
      'zeroops-production',
      'zeroops-staging',
      'zeroops-qa',
      'zeroops-dev',
    ]);
  });

  it('builds the 50 services × 4 environments benchmark estate quickly', () => {
    const scenario = generateScenario({
      services: 50,
      environments: ['production', 'staging', 'qa', 'dev'],
      latencyMs: 80,
      jitterMs: 40,
    });
    const started = performance.now();
    const world = buildWorld(scenario, { now: FIXED_NOW });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(world.instances).toHaveLength(200);
    expect(scenario.faults).toEqual([{ latencyMs: 80, jitterMs: 40 }]);
    expect(new Set(world.instances.map(i => i.serviceArn)).size).toBe(200);
  });
});
