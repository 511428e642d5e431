import type { ErrorInfo, HttpReply } from './HttpReply.ts';
import { faultTypeOf } from './HttpReply.ts';

/**
 * awsJson1_0 / awsJson1_1: POST / with `X-Amz-Target: <Prefix>.<Operation>`. Timestamps are
 * epoch seconds; errors carry `__type` (and `x-amzn-query-error` in awsQuery-compatible mode).
 */

export type JsonVersion = '1.0' | '1.1';

/** A copy of the value with Dates as epoch seconds (fractional milliseconds kept). */
function epochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(epochSeconds);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (Object.hasOwn(value, key)) {
        out[key] = epochSeconds((value as Record<string, unknown>)[key]);
      }
    }
    return out;
  }
  return value;
}

/**
 * JSON as AWS JSON protocols write it: timestamps are epoch seconds. Converting first and
 * then stringifying without a replacer is several times faster than a replacer function.
 */
export function toAwsJson(value: unknown): string {
  return JSON.stringify(epochSeconds(value));
}

export function jsonReply(
  version: JsonVersion,
  output: object,
  requestId: string,
): HttpReply {
  return {
    status: 200,
    headers: {
      'content-type': `application/x-amz-json-${version}`,
      'x-amzn-requestid': requestId,
    },
    body: toAwsJson(output),
  };
}

export function jsonErrorReply(
  version: JsonVersion,
  error: ErrorInfo,
  requestId: string,
  queryCompatible: boolean,
): HttpReply {
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${version}`,
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.code,
  };
  if (queryCompatible) {
    headers['x-amzn-query-error'] = `${
      error.queryCode ?? error.code
    };${faultTypeOf(error.status)}`;
  }
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}
