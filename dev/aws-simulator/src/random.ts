import { createHash } from 'node:crypto';

/**
 * Everything the simulator invents (task ids, commit SHAs, cost noise, fault dice) comes from
 * these helpers so that the same seed always tells the same story.
 */

/** 32-bit FNV-1a hash: cheap enough to run per cost cell on every request. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) that depends only on the key. */
export function unitHash(key: string): number {
  // A second mixing round: FNV-1a alone clusters for keys that differ in one trailing digit.
  let h = hashString(key);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

/** Deterministic lowercase hex string of the given length derived from the key. */
export function hexId(key: string, length: number): string {
  let out = '';
  let counter = 0;
  while (out.length < length) {
    out += createHash('sha256').update(`${key}#${counter}`).digest('hex');
    counter++;
  }
  return out.slice(0, length);
}

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
  const hex = hexId(key, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(
    16,
    20,
  )}-${s.slice(20)}`;
}

/** Seeded pseudo random generator (mulberry32) for sequences such as fault dice. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}
