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
