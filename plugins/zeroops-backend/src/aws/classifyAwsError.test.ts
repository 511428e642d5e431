import { classifyAwsError } from './classifyAwsError';

const ctx = {
  source: 'ecs' as const,
  action: 'ecs:DescribeServices',
  accountId: '222222222222',
  region: 'us-east-1',
};

function awsError(name: string, status?: number, message = 'boom') {
  return Object.assign(new Error(message), {
    name,
    $metadata: status ? { httpStatusCode: status } : {},
  });
}

describe('classifyAwsError', () => {
  it.each([
    ['ThrottlingException', 400, 'throttled'],
    ['LimitExceededException', 400, 'throttled'],
    ['SomethingElse', 429, 'throttled'],
    ['AccessDeniedException', 400, 'access-denied'],
    ['UnrecognizedClientException', 400, 'access-denied'],
    ['ExpiredTokenException', 400, 'access-denied'],
    ['ClusterNotFoundException', 400, 'not-found'],
    ['TimeoutError', undefined, 'timeout'],
    ['ServiceUnavailableException', 503, 'unavailable'],
    ['InternalFailure', 500, 'unavailable'],
    ['ValidationException', 400, 'unknown'],
  ])('classifies %s (HTTP %s) as %s', (name, status, code) => {
    expect(classifyAwsError(awsError(name, status), ctx).code).toBe(code);
  });

  it('classifies socket errors by errno code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    const timedOut = Object.assign(new Error('socket hang up'), {
      code: 'ETIMEDOUT',
    });
    expect(classifyAwsError(refused, ctx).code).toBe('unavailable');
    expect(classifyAwsError(timedOut, ctx).code).toBe('timeout');
  });

  it('names the IAM action and account in the access-denied hint', () => {
    const error = classifyAwsError(
      awsError('AccessDeniedException', 400, 'User is not authorized'),
      ctx,
    );
    expect(error).toEqual({
      code: 'access-denied',
      source: 'ecs',
      awsErrorName: 'AccessDeniedException',
      message:
        'ecs:DescribeServices failed (AccessDeniedException, HTTP 400): User is not authorized',
      hint: expect.stringContaining(
        'Allow ecs:DescribeServices for the role Backstage uses in account 222222222222',
      ),
    });
  });

  it('survives values that are not errors', () => {
    expect(classifyAwsError('weird', ctx)).toMatchObject({
      code: 'unknown',
      message: 'ecs:DescribeServices failed (Error): weird',
    });
  });
});
