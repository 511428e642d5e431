import {
  AwsDataSource,
  EnvironmentError,
  EnvironmentErrorCode,
} from '@zeroops/backstage-plugin-zeroops-common';

/** What was being read when an AWS call failed; used to write an actionable hint. */
export interface AwsCallContext {
  source: AwsDataSource;
  /** IAM action of the call, e.g. `ecs:DescribeServices`. */
  action: string;
  accountId: string;
  region: string;
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  // Cost Explorer and Budgets report throttling this way.
  'LimitExceededException',
]);

const ACCESS_DENIED_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'CredentialsProviderError',
]);

const NOT_FOUND_NAMES = new Set([
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'ResourceNotFoundException',
  'TargetGroupNotFoundException',
  'TargetGroupNotFound',
  'DBClusterNotFoundFault',
  'ServerlessCacheNotFoundFault',
  'NotFoundException',
]);

const TIMEOUT_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED']);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function codeOf(
  name: string,
  code: string,
  status?: number,
): EnvironmentErrorCode {
  if (THROTTLING_NAMES.has(name) || status === 429) return 'throttled';
  if (ACCESS_DENIED_NAMES.has(name) || status === 403) return 'access-denied';
  if (NOT_FOUND_NAMES.has(name) || status === 404) return 'not-found';
  if (TIMEOUT_NAMES.has(name) || TIMEOUT_CODES.has(code)) return 'timeout';
  if (
    UNAVAILABLE_CODES.has(code) ||
    name === 'ServiceUnavailable' ||
    name === 'ServiceUnavailableException' ||
    name === 'InternalFailure' ||
    (status !== undefined && status >= 500)
  ) {
    return 'unavailable';
  }
  return 'unknown';
}

function hintFor(code: EnvironmentErrorCode, ctx: AwsCallContext): string {
  switch (code) {
    case 'throttled':
      return `AWS kept throttling ${ctx.action} in account ${ctx.accountId} after the SDK's adaptive retries. The next read happens when the cache entry expires; raise zeroops.cache.ttl if it persists.`;
    case 'access-denied':
      return `Allow ${ctx.action} for the role Backstage uses in account ${ctx.accountId} (see aws.accounts in app-config and the IAM policy in the plugin README).`;
    case 'not-found':
      return `Check the cluster and region configured for this environment in zeroops.environments (account ${ctx.accountId}, ${ctx.region}).`;
    case 'timeout':
      return `${ctx.action} in ${ctx.region} did not answer within zeroops.aws.requestTimeout; check network access from the Backstage backend to AWS.`;
    case 'unavailable':
      return `The AWS endpoint for ${ctx.action} in ${ctx.region} could not be reached or failed; check AWS_ENDPOINT_URL settings and the AWS Health Dashboard.`;
    case 'configuration':
      return 'Fix the ZeroOps configuration (zeroops.environments, aws.accounts).';
    default:
      return `Unexpected error from ${ctx.action}; see the backend logs.`;
  }
}

/**
 * IAM users and roles, STS sessions: who the backend is in AWS. AccessDenied messages name it
 * ("User: arn:aws:sts::…:assumed-role/…/… is not authorized to perform: …").
 */
const PRINCIPAL_ARN =
  /arn:aws[a-z-]*:(?:iam|sts)::\d{12}:(?:root|user\/|role\/|assumed-role\/|federated-user\/)[^\s,;"')]*/g;
const MISSING_PERMISSION =
  /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9*]+)/;

/**
 * The error text every reader of the entity sees. It never contains the backend's principal
 * ARN (account ids, role and session names are for operators, who find them in the logs): an
 * access denial says which permission is missing, anything else has principals replaced.
 */
export function readerDetail(
  rawMessage: string,
  code: EnvironmentErrorCode,
  action: string,
): string {
  if (code === 'access-denied') {
    // AssumeRole denials name sts:AssumeRole, not the action that needed the credentials.
    const permission = MISSING_PERMISSION.exec(rawMessage)?.[1] ?? action;
    return `the backend's AWS identity is not authorized to perform ${permission}`;
  }
  return rawMessage.replace(PRINCIPAL_ARN, "<the backend's AWS principal>");
}

/**
 * A failed call inside a read made of several calls (ListServices then DescribeServices), with
 * the IAM action of the call that failed: the error must name that one, not the first.
 */
export class AwsCallError extends Error {
  constructor(readonly action: string, readonly failure: unknown) {
    super(`${action} failed`);
    this.name = 'AwsCallError';
  }
}

/**
 * The backend could not get credentials for an account (sts:AssumeRole denied, no matching
 * `aws.accounts` entry, STS unreachable): no permission of the data call is at fault.
 */
export class AwsCredentialsError extends Error {
  constructor(readonly accountId: string, readonly failure: unknown) {
    super(`Credentials for account ${accountId} failed`);
    this.name = 'AwsCredentialsError';
  }
}

/** Runs one AWS call; if it fails, the error names `action` (see {@link AwsCallError}). */
export function namingAction<T>(action: string, call: Promise<T>): Promise<T> {
  return call.catch(error => {
    throw error instanceof AwsCredentialsError
      ? error
      : new AwsCallError(action, error);
  });
}

/** What AWS (or the SDK) itself threw, for the operators' log. */
export function awsFailureOf(error: unknown): unknown {
  return error instanceof AwsCallError || error instanceof AwsCredentialsError
    ? awsFailureOf(error.failure)
    : error;
}

const ASSUME_ROLE = 'sts:AssumeRole';

function credentialsHint(
  code: EnvironmentErrorCode,
  ctx: AwsCallContext,
): string {
  switch (code) {
    case 'access-denied':
      return `Allow the backend's AWS identity ${ASSUME_ROLE} on the role it assumes in account ${ctx.accountId} (aws.accounts[].roleName or aws.accountDefaults.roleName in app-config), and make that role's trust policy trust the backend's identity; the backend log names both.`;
    case 'throttled':
    case 'timeout':
    case 'unavailable':
      return hintFor(code, ctx);
    default:
      return `Check that app-config gives the backend a way into account ${ctx.accountId} (aws.accounts, aws.accountDefaults.roleName or aws.mainAccount); see the backend log.`;
  }
}

/**
 * Turns anything an AWS SDK call threw into the error object the API returns for one
 * environment: a stable code, the AWS error name, and a hint saying what to do.
 */
export function classifyAwsError(
  error: unknown,
  ctx: AwsCallContext,
): EnvironmentError {
  if (error instanceof AwsCallError) {
    return classifyAwsError(error.failure, { ...ctx, action: error.action });
  }
  if (error instanceof AwsCredentialsError) {
    const assume: AwsCallContext = {
      ...ctx,
      source: 'credentials',
      action: ASSUME_ROLE,
      accountId: error.accountId,
    };
    const classified = classifyAwsError(error.failure, assume);
    return {
      ...classified,
      message: `Credentials for account ${error.accountId}: ${classified.message}`,
      hint: credentialsHint(classified.code, assume),
    };
  }
  const shape: ErrorShape =
    typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const errno = typeof shape.code === 'string' ? shape.code : '';
  const status =
    typeof shape.$metadata?.httpStatusCode === 'number'
      ? shape.$metadata.httpStatusCode
      : undefined;
  const rawMessage =
    typeof shape.message === 'string' && shape.message
      ? shape.message
      : String(error);
  const code = codeOf(name, errno, status);
  return {
    code,
    source: ctx.source,
    message: `${ctx.action} failed (${name}${
      status ? `, HTTP ${status}` : ''
    }): ${readerDetail(rawMessage, code, ctx.action)}`,
    hint: hintFor(code, ctx),
    awsErrorName: name,
  };
}
