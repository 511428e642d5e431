import type { IncomingHttpHeaders } from 'node:http';

/**
 * Reads the SigV4 `Authorization` header. The simulator needs no real credential, so the
 * signature value is not verified, but the header must be present and well formed as AWS
 * requires: unsigned requests are rejected. The credential scope names the region and the
 * service being called.
 */

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export type SigV4Result =
  | { ok: true; scope: SigV4Scope }
  | { ok: false; reason: 'missing' | 'malformed'; message: string };

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9-;]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

export function readSigV4(headers: IncomingHttpHeaders): SigV4Result {
  const authorization = headers.authorization;
  if (!authorization) {
    return {
      ok: false,
      reason: 'missing',
      message: 'Request is missing Authentication Token',
    };
  }
  const match = AUTHORIZATION.exec(authorization);
  if (!match) {
    return {
      ok: false,
      reason: 'malformed',
      message:
        "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with an AWS4-HMAC-SHA256 credential scope.",
    };
  }
  const [, accessKeyId, date, region, service, signedHeaders] = match;
  const amzDate = headers['x-amz-date'];
  const dateMatch = typeof amzDate === 'string' ? AMZ_DATE.exec(amzDate) : null;
  if (!dateMatch) {
    return {
      ok: false,
      reason: 'malformed',
      message:
        'Authorization header requires existence of either a X-Amz-Date or a Date header.',
    };
  }
  if (dateMatch[1] !== date) {
    return {
      ok: false,
      reason: 'malformed',
      message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${dateMatch[1]}'`,
    };
  }
  if (!signedHeaders.split(';').includes('host')) {
    return {
      ok: false,
      reason: 'malformed',
      message: "'Host' must be a signed header.",
    };
  }
  return { ok: true, scope: { accessKeyId, date, region, service } };
}
