import { hashString } from '../random.ts';

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
