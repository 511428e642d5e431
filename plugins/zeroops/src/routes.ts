import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The overview page (`/zeroops`). Created with the legacy API so both app systems can mount it.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'zeroops' });

/** The entity tab, for the legacy `EntityLayout.Route`. @internal */
export const entityContentRouteRef = createRouteRef({
  id: 'zeroops:entity-content',
});

/**
 * The local changes page (`/zeroops/local-changes`), for the legacy app's route; the
 * change-request action links to that path (LOCAL_CHANGES_UI_PATH of zeroops-common).
 * @internal
 */
export const localChangesRouteRef = createRouteRef({
  id: 'zeroops:local-changes',
});
