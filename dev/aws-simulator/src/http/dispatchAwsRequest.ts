import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Counters } from '../control/Counters.ts';
import type { FaultInjector } from '../control/faults.ts';
import type { CredentialStore } from '../identity/CredentialStore.ts';
import { AwsError } from '../protocols/AwsError.ts';
import type { ErrorInfo, HttpReply } from '../protocols/HttpReply.ts';
import {
  type JsonVersion,
  jsonErrorReply,
  jsonReply,
} from '../protocols/awsJson.ts';
import {
  parseQueryForm,
  queryReply,
  xmlErrorReply,
} from '../protocols/awsQuery.ts';
import { restXmlReply } from '../protocols/restXml.ts';
import type { World } from '../scenario/world.ts';
import { ParamError } from '../services/params.ts';
import type {
  RequestParams,
  RestXmlResult,
  ServiceDefinition,
} from '../services/types.ts';
import { readSigV4 } from './sigv4.ts';
import { callerArn } from '../identity/callerArn.ts';

/**
 * Turns one HTTP request into the AWS answer: authenticate (SigV4 shape), find the service
 * from the credential scope and the operation from the protocol, count the call, apply
 * injected faults, run the operation, and write the result in the service's protocol.
 */

export interface IncomingAwsRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface DispatchDependencies {
  world: World;
  credentials: CredentialStore;
  counters: Counters;
  faults: FaultInjector;
  services: ReadonlyMap<string, ServiceDefinition>;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  log?: (message: string) => void;
}

export type DispatchOutcome =
  | { kind: 'reply'; reply: HttpReply }
  /** Never answer: hold the socket for holdMs, then drop it. */
  | { kind: 'timeout'; holdMs: number };

type WireFormat =
  | { protocol: 'json'; version: JsonVersion; queryCompatible: boolean }
  | { protocol: 'query'; xmlns: string }
  | { protocol: 'restXml'; xmlns: string };

const GENERIC_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The wire format of a request, from its own headers (used before the service is known). */
function guessWireFormat(headers: IncomingHttpHeaders): WireFormat {
  const contentType = String(headers['content-type'] ?? '');
  if (headers['x-amz-target'] || contentType.includes('x-amz-json')) {
    return {
      protocol: 'json',
      version: contentType.includes('1.0') ? '1.0' : '1.1',
      queryCompatible: false,
    };
  }
  if (contentType.includes('x-www-form-urlencoded')) {
    return { protocol: 'query', xmlns: GENERIC_XMLNS };
  }
  return { protocol: 'restXml', xmlns: GENERIC_XMLNS };
}

function wireFormatOf(service: ServiceDefinition): WireFormat {
  switch (service.protocol) {
    case 'awsJson1_0':
    case 'awsJson1_1':
      return {
        protocol: 'json',
        version: service.protocol === 'awsJson1_0' ? '1.0' : '1.1',
        queryCompatible: service.queryCompatible === true,
      };
    case 'awsQuery':
      return {
        protocol: 'query',
        xmlns: service.xmlNamespace ?? GENERIC_XMLNS,
      };
    default:
      return {
        protocol: 'restXml',
        xmlns: service.xmlNamespace ?? GENERIC_XMLNS,
      };
  }
}

function errorReply(
  format: WireFormat,
  error: ErrorInfo,
  requestId: string,
): DispatchOutcome {
  return {
    kind: 'reply',
    reply:
      format.protocol === 'json'
        ? jsonErrorReply(
            format.version,
            error,
            requestId,
            format.queryCompatible,
          )
        : xmlErrorReply(format.xmlns, error, requestId),
  };
}

/** Missing or malformed authentication, in each protocol's own words. */
function authenticationError(
  format: WireFormat,
  reason: 'missing' | 'malformed',
  message: string,
): ErrorInfo {
  const json = format.protocol === 'json';
  if (reason === 'missing') {
    return json
      ? { code: 'MissingAuthenticationTokenException', message, status: 400 }
      : { code: 'MissingAuthenticationToken', message, status: 403 };
  }
  return json
    ? { code: 'IncompleteSignatureException', message, status: 400 }
    : { code: 'IncompleteSignature', message, status: 400 };
}

interface ResolvedOperation {
  operation: string;
  params: RequestParams;
}

function resolveOperation(
  service: ServiceDefinition,
  request: IncomingAwsRequest,
): ResolvedOperation | ErrorInfo {
  if (service.protocol === 'awsJson1_0' || service.protocol === 'awsJson1_1') {
    const target = String(request.headers['x-amz-target'] ?? '');
    const [prefix, operation] = target.split('.');
    if (
      prefix !== service.targetPrefix ||
      !operation ||
      !service.operations[operation]
    ) {
      return {
        code: 'UnknownOperationException',
        message: `The operation ${
          target || '(no X-Amz-Target)'
        } is not supported by the ${service.displayName} simulator.`,
        status: 400,
      };
    }
    let params: RequestParams = {};
    if (request.body.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(request.body);
        if (
          typeof parsed === 'object' &&
          parsed !== null &&
          !Array.isArray(parsed)
        ) {
          params = parsed as RequestParams;
        }
      } catch {
        return {
          code: 'SerializationException',
          message: 'Request body is not valid JSON',
          status: 400,
        };
      }
    }
    return { operation, params };
  }
  if (service.protocol === 'awsQuery') {
    const params = parseQueryForm(request.body);
    const action = typeof params.Action === 'string' ? params.Action : '';
    if (!service.operations[action]) {
      return {
        code: 'InvalidAction',
        message: `The action ${
          action || '(none)'
        } is not valid for this web service.`,
        status: 400,
      };
    }
    const { Action: _action, Version: _version, ...rest } = params;
    return { operation: action, params: rest };
  }
  const path = request.path.split('?')[0];
  for (const route of service.restRoutes ?? []) {
    const match = route.pattern.exec(path);
    if (route.method === request.method && match) {
      const params: RequestParams = {};
      for (const [name, value] of Object.entries(match.groups ?? {})) {
        params[name] = decodeURIComponent(value);
      }
      return { operation: route.operation, params };
    }
  }
  return {
    code: 'UnknownOperationException',
    message: `${request.method} ${path} is not an operation of the ${service.displayName} simulator.`,
    status: 404,
  };
}

/**
 * AWS names the calling principal in AccessDenied messages ("User: arn:aws:sts::…:assumed-role/…
 * is not authorized to perform: …"); the injected fault does too, so that clients are tested
 * against what a reader of their error messages would really see.
 */
function accessDeniedFor<T extends { message: string }>(
  error: T,
  principal: string,
): T {
  return {
    ...error,
    message: error.message.replace(/^User\b:?/, `User: ${principal}`),
  };
}

export async function dispatchAwsRequest(
  request: IncomingAwsRequest,
  deps: DispatchDependencies,
): Promise<DispatchOutcome> {
  const requestId = randomUUID();
  const auth = readSigV4(request.headers);
  if (!auth.ok) {
    const format = guessWireFormat(request.headers);
    return errorReply(
      format,
      authenticationError(format, auth.reason, auth.message),
      requestId,
    );
  }
  const { scope } = auth;
  const service = deps.services.get(scope.service);
  if (!service) {
    const format = guessWireFormat(request.headers);
    return errorReply(
      format,
      {
        code:
          format.protocol === 'query'
            ? 'InvalidAction'
            : 'UnknownOperationException',
        message: `The simulator does not implement the AWS service "${scope.service}".`,
        status: 400,
      },
      requestId,
    );
  }
  const format = wireFormatOf(service);
  const resolved = resolveOperation(service, request);
  if (!('operation' in resolved)) {
    return errorReply(format, resolved, requestId);
  }
  const { operation, params } = resolved;
  const account = deps.credentials.accountFor(scope.accessKeyId);
  deps.counters.recordCall(service.signingName, operation, account);

  const decision = deps.faults.decide({
    service: service.signingName,
    operation,
    account,
  });
  if (decision.delayMs > 0) await deps.sleep(decision.delayMs);
  const outcome = decision.outcome;
  const fault = (kind: Parameters<Counters['recordFault']>[3]) =>
    deps.counters.recordFault(service.signingName, operation, account, kind);
  switch (outcome.kind) {
    case 'access-denied':
      fault('accessDenied');
      return errorReply(
        format,
        accessDeniedFor(
          service.errors.accessDenied,
          callerArn(deps.credentials, scope.accessKeyId, account),
        ),
        requestId,
      );
    case 'timeout':
      fault('timeouts');
      return { kind: 'timeout', holdMs: outcome.holdMs };
    case 'throttle':
      fault('throttled');
      return errorReply(format, service.errors.throttling, requestId);
    case 'server-error':
      fault('serverErrors');
      return errorReply(
        format,
        outcome.status === 503
          ? service.errors.unavailable
          : service.errors.internal,
        requestId,
      );
    default:
      break;
  }

  let output: object;
  try {
    output = service.operations[operation](params, {
      world: deps.world,
      credentials: deps.credentials,
      account,
      region: scope.region,
      accessKeyId: scope.accessKeyId,
      now: deps.now(),
      requestId,
    });
  } catch (error) {
    if (error instanceof AwsError) return errorReply(format, error, requestId);
    if (error instanceof ParamError) {
      return errorReply(
        format,
        { ...service.errors.validation, message: error.message },
        requestId,
      );
    }
    deps.log?.(
      `${service.signingName}:${operation} failed: ${
        error instanceof Error ? error.stack : String(error)
      }`,
    );
    return errorReply(format, service.errors.internal, requestId);
  }

  switch (format.protocol) {
    case 'json':
      return {
        kind: 'reply',
        reply: jsonReply(format.version, output, requestId),
      };
    case 'query':
      return {
        kind: 'reply',
        reply: queryReply(
          operation,
          format.xmlns,
          output,
          service.xmlItemNames?.[operation] ?? {},
          requestId,
        ),
      };
    default:
      return {
        kind: 'reply',
        reply: restXmlReply(
          output as RestXmlResult,
          format.xmlns,
          service.xmlItemNames?.[operation] ?? {},
          requestId,
        ),
      };
  }
}
