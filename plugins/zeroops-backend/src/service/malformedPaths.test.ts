import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { DeliveryReadService } from '../delivery/read/DeliveryReadService';
import { EnvironmentsService } from '../environments/EnvironmentsService';
import { RequestDeadline } from '../environments/RequestDeadline';
import { createRouter } from './createRouter';
import { EntityResolver } from './EntityResolver';
import { ZeroOpsReadService } from './ZeroOpsReadService';

const CATALOG_URL =
  'http://catalog.internal:7007/api/catalog/entities/by-name/component/default/broken';

/** What the catalog client throws when the catalog itself fails: its body, its URL. */
async function catalogFailure(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'DatabaseError',
          message: `select * from "final_entities" - invalid byte sequence (${CATALOG_URL})`,
          stack: 'DatabaseError: at Parser.parseErrorMessage (pg/lib/...)',
        },
        request: { method: 'GET', url: CATALOG_URL },
        response: { statusCode: 500 },
      }),
      {
        status: 500,
        statusText: 'Internal Server Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

describe('malformed entity paths and upstream failures, as production renders them', () => {
  const nodeEnv = process.env.NODE_ENV;
  let app: express.Express;
  const getEntityByRef = jest.fn();
  const delivery = {
    entityDelivery: jest.fn(),
    entityDora: jest.fn(),
    overview: jest.fn(),
  };

  beforeAll(async () => {
    // The error handler decides about stack traces from NODE_ENV when it is created.
    process.env.NODE_ENV = 'production';
    const catalog = catalogServiceMock({ entities: [] });
    catalog.getEntityByRef = getEntityByRef;
    const environments = {
      startDeadline: () => RequestDeadline.after(60_000),
    } as unknown as EnvironmentsService;
    const reads = new ZeroOpsReadService({
      permissions: mockServices.permissions(),
      entities: new EntityResolver(
        catalog,
        mockServices.auth(),
        mockServices.logger.mock(),
      ),
      index: {} as never,
      environments,
      cost: {} as never,
      demoData: false,
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      reads,
      delivery: delivery as unknown as DeliveryReadService,
    });
    app = express().use(router).use(mockErrorHandler());
  });

  afterAll(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  beforeEach(() => {
    jest.clearAllMocks();
  });

  const get = (path: string) =>
    request(app)
      .get(path)
      .set({ Authorization: mockCredentials.user.header() });

  /** Nothing internal: no stack, no upstream body or URL, no SQL. */
  function expectOwnMessageOnly(body: unknown) {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/stack|catalog\.internal|DatabaseError|select \*/);
    expect(text).not.toMatch(/\bat [A-Za-z.]+ \(/);
  }

  it.each([
    ['an encoded / in the kind', '/entities/comp%2Fonent/default/shop', 'kind'],
    [
      'an encoded / in the namespace',
      '/entities/component/de%2Ffault/shop',
      'namespace',
    ],
    ['a NUL in the name', '/entities/component/default/shop%00', 'name'],
    [
      'an emoji in the name',
      '/entities/component/default/%F0%9F%9B%92',
      'name',
    ],
    [
      'a name over 63 characters',
      `/entities/component/default/${'a'.repeat(64)}`,
      'name',
    ],
  ])(
    'answers %s with 400 naming the part, on every entity route',
    async (_, prefix, part) => {
      for (const route of ['environments', 'cost', 'delivery', 'dora']) {
        const res = await get(`${prefix}/${route}`);
        expect({ route, status: res.status }).toEqual({ route, status: 400 });
        expect(res.body.error).toEqual({
          name: 'InputError',
          message: expect.stringContaining(`The entity ${part} in the path`),
        });
        expectOwnMessageOnly(res.body);
      }
      expect(getEntityByRef).not.toHaveBeenCalled();
      expect(delivery.entityDelivery).not.toHaveBeenCalled();
      expect(delivery.entityDora).not.toHaveBeenCalled();
    },
  );

  it('accepts the refs the catalog accepts, in any case', async () => {
    getEntityByRef.mockResolvedValue(undefined);
    const res = await get('/entities/Component/Default/payments_api.v2/cost');
    expect(res.status).toBe(404);
    expect(getEntityByRef).toHaveBeenCalledWith(
      'component:default/payments_api.v2',
      expect.anything(),
    );
  });

  it('turns a catalog failure into 503 with our own message', async () => {
    getEntityByRef.mockRejectedValue(await catalogFailure());
    for (const route of ['environments', 'cost']) {
      const res = await get(`/entities/component/default/broken/${route}`);
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message:
          'The catalog could not be read for component:default/broken; try again shortly',
      });
      expectOwnMessageOnly(res.body);
    }
  });
});
