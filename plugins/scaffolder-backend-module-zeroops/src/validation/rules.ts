/**
 * Input rules of the ZeroOps actions. Each `explainInvalid…` returns why a value is not
 * acceptable (a sentence a developer can act on) or undefined when it is; the zod schemas turn
 * them into issues that name the field.
 */
import { AWS_REGIONS } from './awsRegions';

export { explainInvalidServiceName } from '@zeroops/backstage-plugin-zeroops-common';

export function explainInvalidAwsAccountId(value: string): string | undefined {
  return /^\d{12}$/.test(value)
    ? undefined
    : `must be a 12-digit AWS account id, got "${value}"`;
}

export function explainInvalidAwsRegion(value: string): string | undefined {
  if (AWS_REGIONS.has(value)) return undefined;
  return `must be an AWS region such as us-east-1 or eu-west-1; "${value}" is not one`;
}

/** IPv4 CIDR block with no host bits set (`10.20.0.0/16`, not `10.20.0.1/16`). */
export function explainInvalidCidr(value: string): string | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(
    value,
  );
  if (!match) {
    return `must be an IPv4 CIDR block such as 10.20.0.0/16, got "${value}"`;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some(o => o > 255) || prefix > 32) {
    return `must be an IPv4 CIDR block with octets 0-255 and a prefix of 0-32, got "${value}"`;
  }
  // Unsigned 32-bit arithmetic: `>>> 0` keeps the address positive.
  const address =
    ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>>
    0;
  const hostMask = prefix === 32 ? 0 : (0xffffffff >>> prefix) >>> 0;
  if ((address & hostMask) >>> 0 !== 0) {
    const network = (address & ~hostMask) >>> 0;
    const text = [24, 16, 8, 0].map(s => (network >>> s) & 255).join('.');
    return `must not set host bits: did you mean ${text}/${prefix}?`;
  }
  return undefined;
}

/**
 * VPC CIDR: a private (RFC 1918) /16. AWS accepts /16 to /28 for a VPC, and the networking
 * module splits the block into /20 subnets (public, private, database per zone), so only a /16
 * satisfies both.
 */
export function explainInvalidVpcCidr(value: string): string | undefined {
  const invalid = explainInvalidCidr(value);
  if (invalid) return invalid;
  const [address, prefixText] = value.split('/');
  if (prefixText !== '16') {
    return `must be a /16 block (AWS allows at most /16 for a VPC and the networking module needs room for /20 subnets), got /${prefixText}`;
  }
  const [a, b] = address.split('.').map(Number);
  const isPrivate =
    a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  return isPrivate
    ? undefined
    : `must be a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), got "${value}"`;
}

export function explainInvalidIamRoleName(value: string): string | undefined {
  return /^[\w+=,.@-]{1,64}$/.test(value)
    ? undefined
    : `must be an IAM role name: 1-64 letters, digits and +=,.@_- characters, got "${value}"`;
}

/** ECS cluster and service names. */
export function explainInvalidEcsName(value: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,255}$/.test(value)
    ? undefined
    : `must be an ECS name: 1-255 letters, digits, hyphens and underscores, got "${value}"`;
}

export function explainInvalidEcrRepositoryName(
  value: string,
): string | undefined {
  return /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(
    value,
  )
    ? undefined
    : `must be an ECR repository name: 2-256 lowercase letters, digits and . _ - / separators, got "${value}"`;
}

/** A git ref that cannot move silently: a release tag (v1.2.3) or a full commit SHA. */
export function explainInvalidPinnedRef(value: string): string | undefined {
  return /^(?:v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?|[0-9a-f]{40})$/.test(value)
    ? undefined
    : `must pin a release tag such as v1.4.0 or a 40-character commit SHA, got "${value}" (branches move)`;
}

/** `owner/name` of a GitHub repository. */
export function explainInvalidGitHubRepository(
  value: string,
): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(
    value,
  )
    ? undefined
    : `must be "owner/name" of a GitHub repository, got "${value}"`;
}

/** A lowercase DNS name such as `example.com` (no trailing dot). */
export function explainInvalidDomainName(value: string): string | undefined {
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  return value.length <= 253 &&
    new RegExp(`^(?:${label}\\.)+[a-z]{2,63}$`).test(value)
    ? undefined
    : `must be a lowercase domain name such as example.com, got "${value}"`;
}

/** A path inside the repository: relative, no `..`, no backslashes. */
export function explainInvalidRepositoryPath(
  value: string,
): string | undefined {
  if (value.startsWith('/') || value.includes('\\')) {
    return `must be a relative path inside the repository, got "${value}"`;
  }
  if (value.split('/').some(segment => segment === '..')) {
    return `must not leave the repository with "..", got "${value}"`;
  }
  return undefined;
}

/** An HTTP path such as `/healthz`. */
export function explainInvalidHttpPath(value: string): string | undefined {
  return /^\/[A-Za-z0-9._~/-]*$/.test(value)
    ? undefined
    : `must be an absolute HTTP path such as /healthz, got "${value}"`;
}

/**
 * A branch name git accepts (`git check-ref-format --branch`, the rules of `git branch`): a valid
 * `refs/heads/<name>` that does not start with "-" (git would read it as an option) and is not
 * "HEAD". Each rule is spelled out so the message says which one a name breaks.
 */
export function explainInvalidGitBranchName(value: string): string | undefined {
  const problem = gitBranchNameProblem(value);
  return problem
    ? `must be a git branch name: ${problem}, got "${value}"`
    : undefined;
}

function gitBranchNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'it is empty';
  if (value.startsWith('-')) return 'it must not start with "-"';
  if (value === 'HEAD') return '"HEAD" names the current commit, not a branch';
  // Control characters are what git forbids (0x00-0x1f and DEL).
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) {
    return 'it must not contain control characters';
  }
  const forbidden = /[ ~^:?*[\\]/.exec(value);
  if (forbidden) return `it must not contain "${forbidden[0]}"`;
  if (value.includes('..')) return 'it must not contain ".."';
  if (value.includes('@{')) return 'it must not contain "@{"';
  if (value.endsWith('.')) return 'it must not end with "."';
  const components = value.split('/');
  if (components.some(component => component === '')) {
    return 'it must not start or end with "/" or contain "//"';
  }
  if (components.some(component => component.startsWith('.'))) {
    return 'no part between "/" may start with "."';
  }
  if (components.some(component => component.endsWith('.lock'))) {
    return 'no part between "/" may end with ".lock"';
  }
  return undefined;
}
