/**
 * Seeded pseudo-random sequence (mulberry32): numbers in [0, 1), the same ones for the same seed.
 *
 * The simulators' scenarios, histories and tests depend on these exact values, so the algorithm
 * must not change: a different generator would tell a different story for every seed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}
