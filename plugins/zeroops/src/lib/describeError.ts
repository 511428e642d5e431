import { ResponseError } from '@backstage/errors';
import { zeroOpsApiErrorCodeOf } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * What went wrong with a ZeroOps request, in the terms the UI shows:
 * - `permission-denied`: the backend answered 403 (catalog read or `zeroops.cost.read`);
 * - `missing-annotation`: the backend answered 404 with code `annotation-missing`;
 * - `not-found`: any other 404 (entity gone, backend plugin not installed);
 * - `failed`: anything else (network, 5xx).
 */
export type ZeroOpsErrorKind =
  | 'permission-denied'
  | 'missing-annotation'
  | 'not-found'
  | 'failed';

export interface DescribedError {
  kind: ZeroOpsErrorKind;
  /** The backend's message, or the error's. */
  message: string;
  status?: number;
}

export function describeError(error: Error): DescribedError {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const responseError = error as ResponseError;
    const status = responseError.response?.status;
    const message = responseError.body?.error?.message ?? error.message;
    // The backend's stable code, never its English message, tells the failures apart.
    const code = zeroOpsApiErrorCodeOf(responseError.body?.error?.code);
    if (
      status === 403 ||
      code === 'not-allowed' ||
      responseError.body?.error?.name === 'NotAllowedError'
    ) {
      return { kind: 'permission-denied', message, status };
    }
    if (status === 404) {
      return {
        kind:
          code === 'annotation-missing' ? 'missing-annotation' : 'not-found',
        message,
        status,
      };
    }
    return { kind: 'failed', message, status };
  }
  return { kind: 'failed', message: error.message };
}
