import type {
  AssumeRoleResponse,
  GetCallerIdentityResponse,
} from '@aws-sdk/client-sts';
import { hexFrom } from '@zeroops/simulator-kit';
import { AwsError } from '../protocols/AwsError.ts';
import { ParamError, optionalInteger, requiredString } from './params.ts';
import { xmlServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';
import { callerArn as callerArnOf } from '../identity/callerArn.ts';

/**
 * AWS STS (awsQuery, version 2011-06-15): AssumeRole issues temporary credentials whose access
 * key id carries the role's account, so later calls signed with them are attributed to it;
 * GetCallerIdentity tells who a key belongs to (Backstage's AWS integration asks it).
 */

const ROLE_ARN =
  /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function callerArn(context: RequestContext): string {
  return callerArnOf(context.credentials, context.accessKeyId, context.account);
}

function assumeRole(
  params: RequestParams,
  context: RequestContext,
): AssumeRoleResponse {
  const roleArn = requiredString(params, 'RoleArn');
  const sessionName = requiredString(params, 'RoleSessionName');
  const duration =
    optionalInteger(params, 'DurationSeconds', 900, 43200) ?? 3600;
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw new ParamError(`${roleArn} is not a valid role ARN`);
  if (!SESSION_NAME.test(sessionName)) {
    throw new ParamError(
      'RoleSessionName must be 2 to 64 characters of [\\w+=,.@-]',
    );
  }
  const [, account, roleName] = match;
  if (!context.world.accounts.some(a => a.id === account)) {
    throw new AwsError({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${callerArn(
        context,
      )} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    });
  }
  const session = context.credentials.issue({
    account,
    roleName,
    sessionName,
    durationSeconds: duration,
    now: context.now,
  });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    AssumedRoleUser: {
      AssumedRoleId: `${session.roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    },
    PackedPolicySize: 0,
  };
}

function getCallerIdentity(
  _params: RequestParams,
  context: RequestContext,
): GetCallerIdentityResponse {
  const session = context.credentials.sessionFor(context.accessKeyId);
  return {
    UserId: session
      ? `${session.roleId}:${session.sessionName}`
      : `AIDA${hexFrom(`user/${context.account}`, 17).toUpperCase()}`,
    Account: context.account,
    Arn: callerArn(context),
  };
}

export const stsService: ServiceDefinition = {
  signingName: 'sts',
  displayName: 'AWS STS',
  protocol: 'awsQuery',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  operations: { AssumeRole: assumeRole, GetCallerIdentity: getCallerIdentity },
  errors: xmlServiceErrors({
    accessDeniedMessage: 'User is not authorized to perform this action',
    validationCode: 'ValidationError',
  }),
};
