import type { CredentialStore } from './CredentialStore.ts';

/**
 * The principal AWS names in GetCallerIdentity and in AccessDenied messages: the assumed-role
 * session of simulated STS credentials, else a user of the account of the base credentials.
 */
export function callerArn(
  credentials: CredentialStore,
  accessKeyId: string,
  account: string,
): string {
  const session = credentials.sessionFor(accessKeyId);
  return session
    ? `arn:aws:sts::${session.account}:assumed-role/${session.roleName}/${session.sessionName}`
    : `arn:aws:iam::${account}:user/simulator`;
}
