import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { DeliveryReadService } from '../delivery/read/DeliveryReadService';
import { spec } from '../schema/openapi.generated';
import {
  ENTITY_ROUTE_PREFIX,
  validateEntityRefParams,
} from './entityRefParams';
import { ZeroOpsReadService } from './ZeroOpsReadService';

/**
 * The REST API, validated against `src/schema/openapi.yaml`. Routes are thin: authorization
 * and data live in {@link ZeroOpsReadService}; errors (NotAllowedError → 403,
 * NotFoundError → 404) are rendered by Backstage's error middleware.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  reads: ZeroOpsReadService;
  /** Delivery state and DORA (`/entities/.../delivery`, `/entities/.../dora`, `/delivery/overview`). */
  delivery?: DeliveryReadService;
  /** Also validate responses against the spec (on in tests, where a mismatch must fail). */
  validateResponses?: boolean;
}): Promise<express.Router> {
  const { httpAuth, reads, delivery } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    validatorOptions: { validateResponses: options.validateResponses ?? false },
  });

  // Every route reads for the caller: a user, or a backend plugin calling on its own behalf.
  const callerOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // Every entity route, present and future: a malformed ref is the caller's 400, checked once.
  router.use(ENTITY_ROUTE_PREFIX, validateEntityRefParams);

  router.get(
    '/entities/:kind/:namespace/:name/environments',
    async (req, res) => {
      const credentials = await callerOf(req);
      res.json(await reads.entityEnvironments(req.params, credentials));
    },
  );

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const credentials = await callerOf(req);
    res.json(await reads.entityCost(req.params, credentials));
  });

  router.get('/overview', async (req, res) => {
    const credentials = await callerOf(req);
    res.json(await reads.overview(credentials));
  });

  if (delivery) {
    router.get(
      '/entities/:kind/:namespace/:name/delivery',
      async (req, res) => {
        const credentials = await callerOf(req);
        res.json(await delivery.entityDelivery(req.params, credentials));
      },
    );

    router.get('/entities/:kind/:namespace/:name/dora', async (req, res) => {
      const credentials = await callerOf(req);
      const { kind, namespace, name } = req.params;
      res.json(
        await delivery.entityDora(
          { kind, namespace, name },
          req.query.window,
          credentials,
        ),
      );
    });

    router.get('/delivery/overview', async (req, res) => {
      const credentials = await callerOf(req);
      res.json(await delivery.overview(req.query.window, credentials));
    });
  }

  return router;
}
