import { randomBytes } from 'node:crypto';
import { hexFrom } from '@zeroops/simulator-kit';

/**
 * Who is calling. Calls are attributed to an account by their access key id: temporary keys
 * issued by the simulated STS embed the target account (`ASIA` + 12 digits + 4 characters,
 * 20 characters like real keys), so a client that assumed a role in 222222222222 is seen as
 * that account even after a simulator restart. Any other key (e.g. `simulator`) belongs to
 * the scenario's default account.
 */

export interface RoleSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  roleName: string;
  roleArn: string;
  sessionName: string;
  /** `AROA…` id of the role, stable per role. */
  roleId: string;
  expiration: Date;
}

const KEY_WITH_ACCOUNT = /^(?:ASIA|AKIA)(\d{12})[A-Z0-9]*$/;
const KEY_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MAX_SESSIONS = 10_000;

function randomKeyPart(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export class CredentialStore {
  readonly defaultAccount: string;
  readonly #sessions = new Map<string, RoleSession>();

  constructor(defaultAccount: string) {
    this.defaultAccount = defaultAccount;
  }

  accountFor(accessKeyId: string): string {
    const session = this.#sessions.get(accessKeyId);
    if (session) return session.account;
    const match = KEY_WITH_ACCOUNT.exec(accessKeyId);
    return match ? match[1] : this.defaultAccount;
  }

  sessionFor(accessKeyId: string): RoleSession | undefined {
    return this.#sessions.get(accessKeyId);
  }

  issue(options: {
    account: string;
    roleName: string;
    sessionName: string;
    durationSeconds: number;
    now: Date;
  }): RoleSession {
    const accessKeyId = `ASIA${options.account}${randomKeyPart(
      4,
      KEY_SUFFIX_ALPHABET,
    )}`;
    const session: RoleSession = {
      accessKeyId,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
      account: options.account,
      roleName: options.roleName,
      roleArn: `arn:aws:iam::${options.account}:role/${options.roleName}`,
      sessionName: options.sessionName,
      roleId: `AROA${hexFrom(
        `role/${options.account}/${options.roleName}`,
        17,
      ).toUpperCase()}`,
      expiration: new Date(
        options.now.getTime() + options.durationSeconds * 1000,
      ),
    };
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    this.#sessions.set(accessKeyId, session);
    return session;
  }
}
