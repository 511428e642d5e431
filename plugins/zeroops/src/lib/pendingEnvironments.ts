import {
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';

/** True while the backend is still reading AWS for one of the entity's environments. */
export function hasPendingEnvironments(
  response: EntityEnvironmentsResponse,
): boolean {
  return response.environments.some(environment => environment.pending);
}

/** True while the backend is still reading AWS for some environment on the overview. */
export function overviewHasPending(overview: OverviewResponse): boolean {
  return overview.services.some(service =>
    service.environments.some(environment => environment.pending),
  );
}
