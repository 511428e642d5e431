import { createHash } from 'node:crypto';
import { hexFrom } from '@zeroops/simulator-kit';

/**
 * Everything the simulator invents (task ids, commit SHAs, cost noise, fault dice) comes from
 * these helpers and the shared ones of @zeroops/simulator-kit (hexFrom, hashString, unitHash,
 * mulberry32), so that the same seed always tells the same story.
 */

/** Deterministic id from an alphabet (CloudFront ids, access key suffixes). */
export function alphabetId(
  key: string,
  length: number,
  alphabet: string,
): string {
  const bytes = createHash('sha256').update(key).digest();
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[bytes[i % bytes.length] % alphabet.length];
  }
  return out;
}

/** Deterministic RFC 4122 style v4 UUID derived from the key. */
export function uuidFrom(key: string): string {
  const hex = hexFrom(key, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(
    16,
    20,
  )}-${s.slice(20)}`;
}
