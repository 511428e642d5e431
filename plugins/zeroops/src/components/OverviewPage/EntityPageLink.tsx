import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import { refLabel } from './refLabel';

/** A service's catalog entity page, titled as in the catalog (else by the ref's name). */
export function EntityPageLink(props: { entityRef: string; title?: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <Link href={entityRoute(entityRouteParams(props.entityRef))}>
      {props.title ?? refLabel(props.entityRef)}
    </Link>
  );
}
