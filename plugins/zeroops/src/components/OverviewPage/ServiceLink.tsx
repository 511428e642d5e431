import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';

/** The service's catalog entity page, titled as in the catalog. */
export function ServiceLink(props: { service: OverviewService }) {
  const { service } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <Link href={entityRoute(entityRouteParams(service.entityRef))}>
      {service.title ?? service.serviceName}
    </Link>
  );
}
