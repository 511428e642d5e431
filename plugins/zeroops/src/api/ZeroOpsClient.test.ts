import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { ZeroOpsClient } from './ZeroOpsClient';
import {
  ZEROOPS_BASE_URL,
  errorBody,
  setupZeroOpsServer,
} from '../__testUtils__/testApp';
import {
  overview,
  paymentsCost,
  storefrontEnvironments,
} from '../__testUtils__/fixtures';

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
});
