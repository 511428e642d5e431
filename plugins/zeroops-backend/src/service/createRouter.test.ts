import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createRouter } from './createRouter';
import { ZeroOpsReadService } from './ZeroOpsReadService';

async function app(reads: Partial<ZeroOpsReadService>) {
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    reads: reads as ZeroOpsReadService,
    validateResponses: true,
  });
  return express().use(router).use(mockErrorHandler());
}

describe('createRouter', () => {
  it('passes the entity ref parts and the caller to the read', async () => {
    const entityEnvironments = jest.fn(async () => ({
      entityRef: 'component:default/payments-api',
      serviceName: 'payments-api',
      environments: [],
      demoData: false,
      generatedAt: '2025-01-01T00:00:00.000Z',
    }));
    const res = await request(
      await app({ entityEnvironments } as Partial<ZeroOpsReadService>),
    ).get('/entities/component/default/payments-api/environments');
    expect(res.status).toBe(200);
    expect(entityEnvironments).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      expect.objectContaining({ principal: expect.anything() }),
    );
  });

  it('refuses a response that does not match the OpenAPI spec', async () => {
    const overview = jest.fn(async () => ({ services: 'not a list' }));
    const res = await request(
      await app({ overview } as unknown as Partial<ZeroOpsReadService>),
    ).get('/overview');
    expect(res.status).toBe(500);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(await app({})).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual([
      '/entities/{kind}/{namespace}/{name}/environments',
      '/entities/{kind}/{namespace}/{name}/cost',
      '/overview',
      '/entities/{kind}/{namespace}/{name}/delivery',
      '/entities/{kind}/{namespace}/{name}/dora',
      '/delivery/overview',
    ]);
  });
});
