import { hashString, hexFrom } from '@zeroops/simulator-kit';
import { alphabetId } from '../random.ts';

/**
 * ARNs and identifiers in the formats AWS uses, derived deterministically from the seed so
 * that the same scenario always produces the same ids.
 */

export function ecsArn(
  region: string,
  account: string,
  resource: string,
): string {
  return `arn:aws:ecs:${region}:${account}:${resource}`;
}

/** 19-digit numeric id (service revisions). */
export function numericId(key: string, length = 19): string {
  let digits = '';
  let counter = 0;
  while (digits.length < length) {
    digits += String(hashString(`${key}#${counter++}`)).padStart(10, '0');
  }
  return `${(parseInt(digits[0], 10) % 9) + 1}${digits.slice(1, length)}`;
}

/** `ecs-svc/` and 19 digits, like ECS deployment ids. */
export function deploymentId(key: string): string {
  return `ecs-svc/${numericId(key)}`;
}

export function targetGroupArn(
  region: string,
  account: string,
  name: string,
  seed: number,
): string {
  return `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${name}/${hexFrom(
    `${seed}/tg/${account}/${name}`,
    16,
  )}`;
}

export function loadBalancerArn(
  region: string,
  account: string,
  name: string,
  seed: number,
): string {
  return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/${name}/${hexFrom(
    `${seed}/lb/${account}/${name}`,
    16,
  )}`;
}

export function subnetId(key: string): string {
  return `subnet-${hexFrom(`subnet/${key}`, 17)}`;
}

export function securityGroupId(key: string): string {
  return `sg-${hexFrom(`sg/${key}`, 17)}`;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** CloudFront distribution id: `E` followed by 13 upper-case letters and digits. */
export function distributionId(key: string): string {
  return `E${alphabetId(`distribution/${key}`, 13, UPPER_ALNUM)}`;
}

export function lowerAlnumId(key: string, length: number): string {
  return alphabetId(key, length, LOWER_ALNUM);
}

export function upperAlnumId(key: string, length: number): string {
  return alphabetId(key, length, UPPER_ALNUM);
}

/** A private IPv4 address in 10.0.0.0/8 derived from the key. */
export function privateIp(key: string): string {
  const h = hashString(key);
  return `10.${16 + (h % 200)}.${(h >>> 8) % 256}.${1 + ((h >>> 16) % 254)}`;
}
