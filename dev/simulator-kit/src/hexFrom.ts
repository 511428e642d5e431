import { createHash } from 'node:crypto';

/**
 * Lowercase hex of the given length derived from the key: commit SHAs (40, the default), task
 * and resource ids. SHA-256 blocks of `<key>#0`, `<key>#1`, … are joined until long enough, so a
 * longer id starts with the shorter one and ids of any length are as unique as the keys.
 */
export function hexFrom(key: string, length = 40): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += createHash('sha256').update(`${key}#${i}`).digest('hex');
  }
  return out.slice(0, length);
}
