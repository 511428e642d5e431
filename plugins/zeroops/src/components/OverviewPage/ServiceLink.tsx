import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { EntityPageLink } from './EntityPageLink';

/** The service's catalog entity page, titled as in the catalog. */
export function ServiceLink(props: { service: OverviewService }) {
  const { service } = props;
  return (
    <EntityPageLink
      entityRef={service.entityRef}
      title={service.title ?? service.serviceName}
    />
  );
}
