import { ZeroOpsApiErrorCode } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Gives `error` the stable code that clients read instead of its English message. Backstage's
 * error middleware serializes every own enumerable property of an error, so the code reaches
 * the response body as `error.code` next to `name` and `message`.
 */
export function withApiErrorCode<E extends Error>(
  error: E,
  code: ZeroOpsApiErrorCode,
): E & { code: ZeroOpsApiErrorCode } {
  return Object.assign(error, { code });
}
