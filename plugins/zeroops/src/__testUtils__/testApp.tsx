import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { ZeroOpsApiErrorCode } from '@zeroops/backstage-plugin-zeroops-common';
import { ZeroOpsClient, zeroOpsApiRef } from '../api';

/** Where the real client sends requests in tests; msw answers them. */
export const ZEROOPS_BASE_URL = 'http://backstage.test/api/zeroops';

/** An msw server with Backstage's test hooks (listen, reset after each test, close). */
export function setupZeroOpsServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/**
 * Renders an element in a test app with the real {@link ZeroOpsClient} (so request paths and
 * error parsing are tested too), inside an entity when one is given.
 */
export function renderWithZeroOps(
  element: ReactElement,
  options: {
    entity?: Entity;
    /** Entities of an in-memory catalog API; without it the app has no catalog API. */
    catalogEntities?: Entity[];
  } = {},
) {
  const client = new ZeroOpsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  const tree = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
  if (options.catalogEntities) {
    return renderInTestApp(tree, {
      apis: [
        [zeroOpsApiRef, client],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
      ],
      mountedRoutes,
    });
  }
  return renderInTestApp(tree, {
    apis: [[zeroOpsApiRef, client]],
    mountedRoutes,
  });
}

/**
 * A Backstage error body, as the backend's error middleware renders it, with the ZeroOps
 * `code` when the backend's failure has one.
 */
export function errorBody(
  name: string,
  message: string,
  statusCode: number,
  code?: ZeroOpsApiErrorCode,
) {
  return {
    error: { name, message, ...(code && { code }) },
    request: { method: 'GET', url: '/' },
    response: { statusCode },
  };
}
