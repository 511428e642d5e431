import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { ZeroOpsClient } from './ZeroOpsClient';
import {
  ZEROOPS_BASE_URL,
  errorBody,
  setupZeroOpsServer,
} from '../__testUtils__/testApp';
import { storefrontEnvironments } from '../__testUtils__/fixtures';
import { paymentsCost } from '../__testUtils__/costFixtures';
import { overview } from '../__testUtils__/overviewFixtures';
import {
  deliveryOverview,
  paymentsDelivery,
  paymentsDora,
} from '../__testUtils__/deliveryFixtures';

const server = setupZeroOpsServer();

describe('ZeroOpsClient', () => {
  const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init),
  );
  const client = new ZeroOpsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: fetchSpy },
  });

  it('reads an entity through the fetch API with a lower-case, encoded path', async () => {
    server.use(
      http.get(
        `${ZEROOPS_BASE_URL}/entities/component/my%20ns/storefront-web/environments`,
        () => HttpResponse.json(storefrontEnvironments()),
      ),
      http.get(
        `${ZEROOPS_BASE_URL}/entities/component/default/payments-api/cost`,
        () => HttpResponse.json(paymentsCost()),
      ),
      http.get(`${ZEROOPS_BASE_URL}/overview`, () =>
        HttpResponse.json(overview()),
      ),
    );
    const environments = await client.getEntityEnvironments({
      kind: 'Component',
      namespace: 'my ns',
      name: 'storefront-web',
    });
    expect(environments.serviceName).toBe('storefront-web');
    expect(fetchSpy).toHaveBeenCalledWith(
      `${ZEROOPS_BASE_URL}/entities/component/my%20ns/storefront-web/environments`,
      expect.anything(),
    );
    const cost = await client.getEntityCost({
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(cost.budget?.consumedPercent).toBe(80);
    expect((await client.getOverview()).services).toHaveLength(3);
  });

  it('throws a ResponseError carrying the backend error and status', async () => {
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/overview`, () =>
        HttpResponse.json(errorBody('NotAllowedError', 'Unauthorized', 403), {
          status: 403,
        }),
      ),
    );
    const error = await client.getOverview().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
    expect(error.body.error).toEqual({
      name: 'NotAllowedError',
      message: 'Unauthorized',
    });
  });

  it('passes the abort signal on', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.getOverview({ signal: controller.signal }),
    ).rejects.toThrow();
    expect(fetchSpy).toHaveBeenLastCalledWith(expect.any(String), {
      signal: controller.signal,
    });
  });

  describe('delivery', () => {
    const paymentsApi = {
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    };
    const entityUrl = `${ZEROOPS_BASE_URL}/entities/component/default/payments-api`;

    it('reads an entity delivery state and its DORA metrics over the asked window', async () => {
      const windows: Array<string | null> = [];
      server.use(
        http.get(`${entityUrl}/delivery`, () =>
          HttpResponse.json(paymentsDelivery()),
        ),
        http.get(`${entityUrl}/dora`, ({ request }) => {
          const window = new URL(request.url).searchParams.get('window');
          windows.push(window);
          return HttpResponse.json(paymentsDora(Number(window) as 7 | 30 | 90));
        }),
      );
      const delivery = await client.getEntityDelivery(paymentsApi);
      expect(delivery.environments.map(e => e.name)).toEqual([
        'production',
        'staging',
        'pr-12',
      ]);
      const dora = await client.getEntityDora(paymentsApi, 90);
      expect(dora.dora.windowDays).toBe(90);
      await client.getEntityDora(paymentsApi, 7);
      expect(windows).toEqual(['90', '7']);
      expect(fetchSpy).toHaveBeenLastCalledWith(
        `${entityUrl}/dora?window=7`,
        expect.anything(),
      );
    });

    it('reads the delivery overview over the asked window', async () => {
      server.use(
        http.get(`${ZEROOPS_BASE_URL}/delivery/overview`, ({ request }) =>
          HttpResponse.json(
            deliveryOverview(
              Number(new URL(request.url).searchParams.get('window')) as 30,
            ),
          ),
        ),
      );
      const result = await client.getDeliveryOverview(30);
      expect(result.windowDays).toBe(30);
      expect(result.teams.map(team => team.owner)).toEqual([
        'group:default/team-checkout',
        'group:default/team-fulfilment',
      ]);
      expect(fetchSpy).toHaveBeenLastCalledWith(
        `${ZEROOPS_BASE_URL}/delivery/overview?window=30`,
        expect.anything(),
      );
    });

    it('throws a ResponseError with the backend message when the entity has no GitHub repository', async () => {
      server.use(
        http.get(`${entityUrl}/delivery`, () =>
          HttpResponse.json(
            errorBody(
              'InputError',
              'component:default/payments-api has no github.com/project-slug annotation',
              400,
            ),
            { status: 400 },
          ),
        ),
        http.get(`${entityUrl}/dora`, () =>
          HttpResponse.json(errorBody('Error', 'database down', 500), {
            status: 500,
          }),
        ),
      );
      const missing = await client.getEntityDelivery(paymentsApi).catch(e => e);
      expect(missing).toBeInstanceOf(ResponseError);
      expect(missing.response.status).toBe(400);
      expect(missing.body.error.message).toMatch(/github.com\/project-slug/);
      const failed = await client.getEntityDora(paymentsApi, 30).catch(e => e);
      expect(failed).toBeInstanceOf(ResponseError);
      expect(failed.response.status).toBe(500);
    });
  });
});
