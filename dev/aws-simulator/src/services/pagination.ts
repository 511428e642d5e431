import { hashString } from '@zeroops/simulator-kit';
import { ParamError, optionalString } from './params.ts';

/**
 * Opaque pagination tokens. A token carries the offset of the next item and a fingerprint of
 * the request it belongs to, so a token replayed with different parameters is rejected the
 * way AWS rejects it instead of silently skipping or repeating items.
 */

export function requestFingerprint(
  params: Record<string, unknown>,
  tokenField: string,
): string {
  const { [tokenField]: _ignored, ...rest } = params;
  return hashString(JSON.stringify(rest)).toString(36);
}

export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString(
    'base64url',
  );
}

/** The offset in the token, or undefined when the token is not one of ours for this request. */
export function decodePageToken(
  token: string,
  fingerprint: string,
): number | undefined {
  try {
    const decoded = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    );
    if (
      typeof decoded === 'object' &&
      decoded !== null &&
      Number.isInteger(decoded.o) &&
      decoded.o >= 0 &&
      decoded.f === fingerprint
    ) {
      return decoded.o;
    }
  } catch {
    // fall through: not a token we issued
  }
  return undefined;
}

/** One page of items plus the token of the next page, if any. */
export function paginate<T>(
  items: readonly T[],
  offset: number,
  pageSize: number,
  fingerprint: string,
): { page: T[]; nextToken?: string } {
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return {
    page,
    nextToken:
      next < items.length ? encodePageToken(next, fingerprint) : undefined,
  };
}

/** How one operation pages its answer. */
export interface PageRequest {
  /** The request's parameters: the token is read from them, the rest is fingerprinted. */
  params: Record<string, unknown>;
  /** The token parameter: `NextToken`, `Marker`, `nextToken`, `PaginationToken`. */
  tokenParam: string;
  pageSize: number;
  /**
   * What the service answers a token of another request with. Default a validation error
   * (`Invalid <tokenParam>`), as RDS and ElastiCache answer.
   */
  invalidToken?: () => Error;
  /** The tagging API ends its listings with an empty token, and takes one as the first page. */
  emptyTokenIsFirstPage?: boolean;
}

/** The page of `items` the request's token points at, and the token of the next one. */
export function pageOf<T>(
  items: readonly T[],
  request: PageRequest,
): { page: T[]; nextToken?: string } {
  const { params, tokenParam } = request;
  const fingerprint = requestFingerprint(params, tokenParam);
  const token = optionalString(params, tokenParam);
  let offset = 0;
  if (token !== undefined && !(token === '' && request.emptyTokenIsFirstPage)) {
    const decoded = decodePageToken(token, fingerprint);
    if (decoded === undefined) {
      throw request.invalidToken?.() ?? new ParamError(`Invalid ${tokenParam}`);
    }
    offset = decoded;
  }
  return paginate(items, offset, request.pageSize, fingerprint);
}
