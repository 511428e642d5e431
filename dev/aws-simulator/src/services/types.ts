import type { CredentialStore } from '../identity/CredentialStore.ts';
import type { XmlItemNames } from '../protocols/xml.ts';
import type { World } from '../scenario/world.ts';

/**
 * How a simulated AWS service is described: its wire protocol, its operations and the error
 * codes it answers injected faults with.
 */

export type Protocol = 'awsJson1_0' | 'awsJson1_1' | 'awsQuery' | 'restXml';

/** Parsed request parameters: JSON body, awsQuery form, or REST path labels. */
export type RequestParams = Record<string, unknown>;

export interface RequestContext {
  world: World;
  credentials: CredentialStore;
  /** Account the call is attributed to (from the access key). */
  account: string;
  /** Region of the SigV4 credential scope. */
  region: string;
  accessKeyId: string;
  now: Date;
  requestId: string;
}

/** A REST (restXml) response: root element, payload and extra headers. */
export interface RestXmlResult {
  root: string;
  payload: object;
  headers?: Record<string, string>;
}

export type OperationHandler = (
  params: RequestParams,
  context: RequestContext,
) => object;

export interface ErrorSpec {
  code: string;
  status: number;
  message: string;
  /** awsQuery code for awsQuery-compatible JSON services. */
  queryCode?: string;
}

export interface ServiceErrors {
  throttling: ErrorSpec;
  accessDenied: ErrorSpec;
  internal: ErrorSpec;
  unavailable: ErrorSpec;
  /** Code of parameter validation errors. */
  validation: ErrorSpec;
}

export interface RestRoute {
  method: string;
  /** Path pattern with named groups, e.g. `^/2020-05-31/distribution/(?<Id>[^/]+)$`. */
  pattern: RegExp;
  operation: string;
}

export interface ServiceDefinition {
  /** SigV4 signing name (credential scope service). */
  signingName: string;
  /** Human name for messages. */
  displayName: string;
  protocol: Protocol;
  /** JSON protocols: `X-Amz-Target` prefix. */
  targetPrefix?: string;
  /** XML protocols: the response namespace. */
  xmlNamespace?: string;
  /** JSON services that moved from awsQuery: errors also carry `x-amzn-query-error`. */
  queryCompatible?: boolean;
  operations: Readonly<Record<string, OperationHandler>>;
  /** Item element names of XML lists, per operation. */
  xmlItemNames?: Readonly<Record<string, XmlItemNames>>;
  restRoutes?: readonly RestRoute[];
  errors: ServiceErrors;
}
