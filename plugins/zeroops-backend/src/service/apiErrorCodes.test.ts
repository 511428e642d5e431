import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  zeroopsCostReadPermission,
  ZeroOpsApiErrorCode,
} from '@zeroops/backstage-plugin-zeroops-common';
import express from 'express';
import request from 'supertest';
import { componentEntity } from '../__testUtils__/componentEntity';
import { deliveryWorld } from '../delivery/read/__testUtils__/deliveryWorld';
import { EnvironmentsService } from '../environments/EnvironmentsService';
import { RequestDeadline } from '../environments/RequestDeadline';
import { createRouter } from './createRouter';
import { EntityResolver } from './EntityResolver';
import { ZeroOpsReadService } from './ZeroOpsReadService';

const MALLORY = 'user:default/mallory';
/** May read entities, not cost. */
const FRUGAL = 'user:default/frugal';

/** Allows everything, except any read to Mallory and cost to Frugal. */
const permissions = {
  authorize: async (requests, options) => {
    const user = (options.credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    return requests.map(({ permission }) => ({
      result:
        user === MALLORY ||
        (user === FRUGAL && permission.name === zeroopsCostReadPermission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
} as Pick<PermissionsService, 'authorize'> as PermissionsService;

async function app(options: { deliveryEnabled: boolean }) {
  const catalog = catalogServiceMock({
    entities: [
      componentEntity('unannotated', {}),
      componentEntity('payments-api', {
        'zeroops.io/service-name': 'payments-api',
      }),
    ],
  });
  const reads = new ZeroOpsReadService({
    permissions,
    entities: new EntityResolver(catalog, mockServices.auth()),
    index: {} as never,
    environments: {
      startDeadline: () => RequestDeadline.after(60_000),
    } as unknown as EnvironmentsService,
    cost: {} as never,
    demoData: false,
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    reads,
    delivery: deliveryWorld({ enabled: options.deliveryEnabled }).delivery,
    validateResponses: true,
  });
  return express().use(router).use(mockErrorHandler());
}

/** The status and the stable code of an error answer, which clients read instead of the message. */
async function failure(
  path: string,
  options: { user?: string; deliveryEnabled?: boolean } = {},
): Promise<{ status: number; code?: ZeroOpsApiErrorCode }> {
  const res = await request(
    await app({ deliveryEnabled: options.deliveryEnabled ?? true }),
  )
    .get(path)
    .set(
      'authorization',
      mockCredentials.user.header(options.user ?? 'user:default/alice'),
    );
  return { status: res.status, code: res.body.error?.code };
}

describe('stable error codes in the error body', () => {
  it('marks an entity without the ZeroOps annotation, on environments and cost alike', async () => {
    for (const route of ['environments', 'cost']) {
      expect(
        await failure(`/entities/component/default/unannotated/${route}`),
      ).toEqual({ status: 404, code: 'annotation-missing' });
    }
  });

  it('tells an unknown entity from a missing annotation', async () => {
    expect(
      await failure('/entities/component/default/nowhere/environments'),
    ).toEqual({ status: 404, code: 'entity-not-found' });
  });

  it('marks a refused entity read and a refused cost read as not allowed', async () => {
    expect(
      await failure('/entities/component/default/payments-api/environments', {
        user: MALLORY,
      }),
    ).toEqual({ status: 403, code: 'not-allowed' });
    expect(
      await failure('/entities/component/default/payments-api/cost', {
        user: FRUGAL,
      }),
    ).toEqual({ status: 403, code: 'not-allowed' });
  });

  it('tells a service without a GitHub repository from delivery switched off', async () => {
    expect(
      await failure('/entities/component/default/legacy/delivery'),
    ).toEqual({ status: 404, code: 'github-repository-missing' });
    for (const path of [
      '/entities/component/default/payments/delivery',
      '/entities/component/default/payments/dora',
      '/delivery/overview',
    ]) {
      expect(await failure(path, { deliveryEnabled: false })).toEqual({
        status: 404,
        code: 'delivery-disabled',
      });
    }
  });

  it('sends no code where the failure has none of its own (a malformed ref)', async () => {
    expect(
      await failure('/entities/component/default/shop%00/environments'),
    ).toEqual({ status: 400 });
  });
});
