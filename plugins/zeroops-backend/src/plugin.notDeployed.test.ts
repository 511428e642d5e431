import {
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import { componentEntity } from './__testUtils__/componentEntity';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { ENTITIES } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

/**
 * A service registered by the template a minute ago: in the catalog, with nothing in ECS yet
 * (the demo scenario has no service of that name, so DescribeServices reports it MISSING).
 */
const NEW_SERVICE = componentEntity(
  'inventory-api',
  { 'zeroops.io/service-name': 'inventory-api' },
  {
    type: 'service',
    owner: 'team-checkout',
    // The template writes the full ref; the demo catalog writes `checkout`.
    system: 'system:default/checkout',
  },
);

/** The foundation's platform component: cost-tagged resources, never an ECS service. */
const PLATFORM = componentEntity(
  'zeroops-platform',
  { 'zeroops.io/service-name': 'zeroops-platform' },
  { type: 'infrastructure', owner: 'platform-team' },
);

describe('a service nothing was deployed to yet', () => {
  const zeroops = useSimulatedBackend({
    sharedBackend: { entities: [...ENTITIES, NEW_SERVICE, PLATFORM] },
  });

  it('is not deployed, not down, in every persistent environment', async () => {
    const res = await zeroops.get(environmentsPath('inventory-api'));
    expect(res.status).toBe(200);
    const body = res.body as EntityEnvironmentsResponse;
    expect(body.environments.map(e => [e.name, e.health.status])).toEqual([
      ['production', 'not-deployed'],
      ['staging', 'not-deployed'],
    ]);
    const staging = body.environments[1];
    expect(staging.error).toBeUndefined();
    expect(staging.service).toBeUndefined();
    expect(staging.health.reasons[0]).toMatchObject({
      code: 'service-missing',
      severity: 'not-deployed',
    });
  });

  it('is listed as not deployed on the overview, under the same owner and system as the others', async () => {
    const res = await zeroops.get('/overview');
    expect(res.status).toBe(200);
    const body = res.body as OverviewResponse;
    const created = body.services.find(s => s.serviceName === 'inventory-api');
    expect(created?.environments.map(e => e.health)).toEqual([
      'not-deployed',
      'not-deployed',
    ]);
    expect(created?.ephemeral).toEqual([]);
    const payments = body.services.find(
      s => s.entityRef === 'component:default/payments-api',
    );
    // payments-api says `system: checkout`, inventory-api `system:default/checkout`.
    expect(payments?.system).toBe('system:default/checkout');
    expect(created?.system).toBe('system:default/checkout');
    expect(created?.owner).toBe('group:default/team-checkout');
  });

  it("does not count the platform's entity as not deployed: it has no environments", async () => {
    const overview = (await zeroops.get('/overview')).body as OverviewResponse;
    const platform = overview.services.find(
      s => s.serviceName === 'zeroops-platform',
    );
    expect(platform).toMatchObject({ environments: [], ephemeral: [] });
    const res = await zeroops.get(environmentsPath('zeroops-platform'));
    expect(res.status).toBe(200);
    expect((res.body as EntityEnvironmentsResponse).environments).toEqual([]);
  });
});
