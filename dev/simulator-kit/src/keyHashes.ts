/**
 * Cheap, non-cryptographic hashes of keys: the simulators derive dice and noise from a key (a
 * service, a day, a repository) instead of a global generator, so a value never depends on the
 * order in which things were asked for. Fast enough to run per cost cell on every request.
 */

/** 32-bit FNV-1a hash of the string's UTF-16 code units. */
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
