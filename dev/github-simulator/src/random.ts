import { createHash } from 'node:crypto';

/**
 * Everything the simulator invents (SHAs, ids, dice) derives from keys, so the same seed and
 * clock always tell the same story.
 */

/** Lowercase hex of the given length derived from the key (SHA-1 style when 40). */
export function hexFrom(key: string, length = 40): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += createHash('sha256').update(`${key}#${i}`).digest('hex');
  }
  return out.slice(0, length);
}

/** 32-bit FNV-1a with an extra mixing round: cheap dice for large generated histories. */
export function unitFrom(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

/** Seeded sequence (mulberry32) for one repository's history walk. */
export function sequenceFrom(key: string): () => number {
  let state = Math.floor(unitFrom(key) * 0x100000000) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}

/** GitHub's global node ids are opaque base64 strings; ours encode type and id. */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0:${type}${id}`).toString('base64').replace(/=+$/, '');
}
