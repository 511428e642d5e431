import type { paths } from '@zeroops/backstage-plugin-zeroops-common';

/** A route of the backend's OpenAPI document that answers GET. */
export type ZeroOpsGetRoute = {
  [Route in keyof paths]: paths[Route] extends { get: object } ? Route : never;
}[keyof paths];

type GetOperation<Route extends ZeroOpsGetRoute> = paths[Route]['get'];

/** The path and query parameters of a GET route, as its operation declares them. */
export type ZeroOpsGetParameters<Route extends ZeroOpsGetRoute> = Pick<
  GetOperation<Route>['parameters'],
  'path' | 'query'
>;

/** The JSON body of a GET route's 200 response. */
export type ZeroOpsGetResponse<Route extends ZeroOpsGetRoute> =
  GetOperation<Route>['responses'][200]['content']['application/json'];

/**
 * The URL path (relative to the plugin's base URL) of a GET route: every `{name}` of the route
 * replaced by its encoded path parameter, then the defined query parameters in the order given.
 * The route and its parameters are checked against the spec at compile time, so a renamed
 * route or parameter fails the type check instead of a request.
 */
export function zeroOpsRoutePath<Route extends ZeroOpsGetRoute>(
  route: Route,
  parameters: ZeroOpsGetParameters<Route>,
): string {
  const pathParameters: Record<string, string> = parameters.path ?? {};
  const path = route.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    const value = pathParameters[name];
    if (value === undefined) {
      throw new Error(`No value for {${name}} of ${route}`);
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters.query ?? {})) {
    if (value !== undefined) {
      query.append(name, String(value));
    }
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
