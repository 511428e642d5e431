import { mulberry32, unitHash } from '@zeroops/simulator-kit';

/**
 * Everything the simulator invents (SHAs, ids, dice) derives from keys, here and through the
 * shared helpers of @zeroops/simulator-kit (hexFrom, unitHash, mulberry32), so the same seed and
 * clock always tell the same story.
 */

/** Seeded sequence for one repository's history walk: the key's hash is the seed. */
export function sequenceFrom(key: string): () => number {
  return mulberry32(Math.floor(unitHash(key) * 0x100000000) >>> 0);
}

/** GitHub's global node ids are opaque base64 strings; ours encode type and id. */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0:${type}${id}`).toString('base64').replace(/=+$/, '');
}
