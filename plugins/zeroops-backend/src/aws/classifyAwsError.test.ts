import {
  AwsCallError,
  AwsCredentialsError,
  awsFailureOf,
  classifyAwsError,
  namingAction,
} from './classifyAwsError';

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
        "ecs:DescribeServices failed (AccessDeniedException, HTTP 400): the backend's AWS identity is not authorized to perform ecs:DescribeServices",
      hint: expect.stringContaining(
        'Allow ecs:DescribeServices for the role Backstage uses in account 222222222222',
      ),
    });
  });

  it("never shows a reader the backend's principal ARN", () => {
    const denied = classifyAwsError(
      awsError(
        'AccessDeniedException',
        400,
        'User: arn:aws:sts::222222222222:assumed-role/zeroops-backstage-readonly/backstage is not authorized to perform: ecs:DescribeServices on resource: arn:aws:ecs:us-east-1:222222222222:service/zeroops-staging/shop because no identity-based policy allows the ecs:DescribeServices action',
      ),
      ctx,
    );
    expect(denied.message).toBe(
      "ecs:DescribeServices failed (AccessDeniedException, HTTP 400): the backend's AWS identity is not authorized to perform ecs:DescribeServices",
    );
    // A denied AssumeRole names the permission that is really missing.
    const assume = classifyAwsError(
      awsError(
        'AccessDenied',
        403,
        'User: arn:aws:iam::999999999999:user/backstage is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/zeroops-backstage-readonly',
      ),
      ctx,
    );
    expect(assume.message).toBe(
      "ecs:DescribeServices failed (AccessDenied, HTTP 403): the backend's AWS identity is not authorized to perform sts:AssumeRole",
    );
    const other = classifyAwsError(
      awsError(
        'ValidationException',
        400,
        'Session arn:aws:sts::222222222222:assumed-role/reader/s1 sent an invalid cluster',
      ),
      ctx,
    );
    expect(other.message).toBe(
      "ecs:DescribeServices failed (ValidationException, HTTP 400): Session <the backend's AWS principal> sent an invalid cluster",
    );
    for (const error of [denied, assume, other]) {
      expect(JSON.stringify(error)).not.toMatch(/arn:aws:(sts|iam)::/);
    }
  });

  it('survives values that are not errors', () => {
    expect(classifyAwsError('weird', ctx)).toMatchObject({
      code: 'unknown',
      message: 'ecs:DescribeServices failed (Error): weird',
    });
  });

  it('names the call that failed in a read of several calls', async () => {
    // ephemeral services: ListServices succeeded, DescribeServices was throttled
    const failed = await namingAction(
      'ecs:DescribeServices',
      Promise.reject(awsError('ThrottlingException', 400, 'Rate exceeded')),
    ).catch(error => error);
    expect(failed).toBeInstanceOf(AwsCallError);
    const error = classifyAwsError(failed, {
      ...ctx,
      action: 'ecs:ListServices',
    });
    expect(error).toMatchObject({
      code: 'throttled',
      message:
        'ecs:DescribeServices failed (ThrottlingException, HTTP 400): Rate exceeded',
      hint: expect.stringContaining('AWS kept throttling ecs:DescribeServices'),
    });
    expect(error.message).not.toContain('ListServices');
    expect(error.hint).not.toContain('ListServices');
  });

  it('blames the role, not the data call, when assuming it is denied', async () => {
    const denied = new AwsCredentialsError(
      '222222222222',
      awsError(
        'AccessDenied',
        403,
        'User: arn:aws:iam::999999999999:user/backstage is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/zeroops-backstage-readonly',
      ),
    );
    // The credentials fail inside the data call, which wraps them in its own action.
    const thrown = await namingAction(
      'ecs:DescribeServices',
      Promise.reject(denied),
    ).catch(error => error);
    const error = classifyAwsError(thrown, ctx);
    expect(error).toEqual({
      code: 'access-denied',
      source: 'credentials',
      awsErrorName: 'AccessDenied',
      message:
        "Credentials for account 222222222222: sts:AssumeRole failed (AccessDenied, HTTP 403): the backend's AWS identity is not authorized to perform sts:AssumeRole",
      hint: expect.stringContaining(
        "Allow the backend's AWS identity sts:AssumeRole on the role it assumes in account 222222222222",
      ),
    });
    expect(error.hint).toContain('trust policy');
    expect(JSON.stringify(error)).not.toContain('ecs:DescribeServices');
    expect(JSON.stringify(error)).not.toMatch(/arn:aws:(sts|iam)::/);
    expect(awsFailureOf(thrown)).toBe(denied.failure);
  });

  it('points at aws.accounts when no credentials could be made for the account', () => {
    const error = classifyAwsError(
      new AwsCredentialsError(
        '333333333333',
        new Error('There is no AWS integration that matches 333333333333'),
      ),
      ctx,
    );
    expect(error).toMatchObject({
      code: 'unknown',
      source: 'credentials',
      hint: expect.stringContaining('aws.accounts'),
    });
  });
});
