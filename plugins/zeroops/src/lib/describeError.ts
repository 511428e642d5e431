import { ResponseError } from '@backstage/errors';
import { ZEROOPS_SERVICE_NAME_ANNOTATION } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * What went wrong with a ZeroOps request, in the terms the UI shows:
 * - `permission-denied`: the backend answered 403 (catalog read or `zeroops.cost.read`);
 * - `missing-annotation`: the backend answered 404 because the entity lacks the annotation;
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
    if (
      status === 403 ||
      responseError.body?.error?.name === 'NotAllowedError'
    ) {
      return { kind: 'permission-denied', message, status };
    }
    if (status === 404) {
      return {
        kind: message.includes(ZEROOPS_SERVICE_NAME_ANNOTATION)
          ? 'missing-annotation'
          : 'not-found',
        message,
        status,
      };
    }
    return { kind: 'failed', message, status };
  }
  return { kind: 'failed', message: error.message };
}
