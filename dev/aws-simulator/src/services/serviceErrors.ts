import type { ErrorSpec, ServiceErrors } from './types.ts';

/**
 * The error tables of the simulated services. Services of one protocol family answer most
 * faults alike: awsQuery and restXml services share the query protocol's codes (`Throttling`,
 * `AccessDenied` with HTTP 403), JSON services name throttling and server errors after
 * themselves. What a service words its own way is passed in; the rest is written once here.
 */

/** A code and message, the HTTP status being implied by the kind of error. */
export interface ErrorText {
  code: string;
  message: string;
}

const INTERNAL_FAILURE: ErrorText = {
  code: 'InternalFailure',
  message: 'An internal error occurred.',
};

const SERVICE_UNAVAILABLE: ErrorSpec = {
  code: 'ServiceUnavailable',
  status: 503,
  message: 'Service is unavailable.',
};

function withStatus({ code, message }: ErrorText, status: number): ErrorSpec {
  return { code, status, message };
}

/** What every service shares: server errors are 500, parameter errors 400 with the check's message. */
function serviceErrors(own: {
  throttling: ErrorText;
  accessDenied: ErrorSpec;
  internal: ErrorText;
  unavailable: ErrorSpec;
  validationCode: string;
}): ServiceErrors {
  return {
    throttling: withStatus(own.throttling, 400),
    accessDenied: own.accessDenied,
    internal: withStatus(own.internal, 500),
    unavailable: own.unavailable,
    validation: { code: own.validationCode, status: 400, message: '' },
  };
}

/** An awsQuery or restXml service (ELB, RDS, ElastiCache, STS, CloudFront). */
export function xmlServiceErrors(own: {
  accessDeniedMessage: string;
  validationCode: string;
}): ServiceErrors {
  return serviceErrors({
    throttling: { code: 'Throttling', message: 'Rate exceeded' },
    accessDenied: {
      code: 'AccessDenied',
      status: 403,
      message: own.accessDeniedMessage,
    },
    internal: INTERNAL_FAILURE,
    unavailable: SERVICE_UNAVAILABLE,
    validationCode: own.validationCode,
  });
}

/** An awsJson service (ECS, Cost Explorer, Budgets, Tagging): its own throttling and server codes. */
export function jsonServiceErrors(own: {
  throttling: ErrorText;
  accessDeniedMessage: string;
  /** Default AWS's generic `InternalFailure`. */
  internal?: ErrorText;
  /** Default AWS's generic `ServiceUnavailable`. */
  unavailable?: ErrorText;
  validationCode: string;
}): ServiceErrors {
  return serviceErrors({
    throttling: own.throttling,
    accessDenied: {
      code: 'AccessDeniedException',
      status: 400,
      message: own.accessDeniedMessage,
    },
    internal: own.internal ?? INTERNAL_FAILURE,
    unavailable: own.unavailable
      ? withStatus(own.unavailable, 503)
      : SERVICE_UNAVAILABLE,
    validationCode: own.validationCode,
  });
}
