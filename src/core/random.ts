/**
 * mulberry32: a small seeded PRNG returning floats in [0, 1), so that whatever is drawn "at random"
 * (audit sheets, bench texts, the summary's bootstrap) is the same for the same seed on every machine.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
