/**
 * Sets of action ids as bit arrays. A statement with `*` or `*:Get*` covers thousands of actions; as bits
 * it is a few hundred 32-bit words, so unions, Deny subtraction and access-level counts cost word
 * operations instead of one step per action. Small sets are still walked id by id.
 */
export type Bits = Uint32Array;

/** Words needed for ids 0..size-1. */
export function wordsFor(size: number): number {
  return (size + 31) >>> 5;
}

export function fromIds(ids: readonly number[]): Bits {
  const bits = new Uint32Array(wordsFor(ids.length ? ids[ids.length - 1] + 1 : 0));
  for (const id of ids) bits[id >>> 5] |= 1 << (id & 31);
  return bits;
}

export function hasBit(bits: Bits, id: number): boolean {
  const w = id >>> 5;
  return w < bits.length && (bits[w] & (1 << (id & 31))) !== 0;
}

export function addBit(bits: Bits, id: number): void {
  bits[id >>> 5] |= 1 << (id & 31);
}

/** `into |= from`, over the words both have. */
export function orInto(into: Bits, from: Bits): void {
  const n = Math.min(into.length, from.length);
  for (let w = 0; w < n; w++) into[w] |= from[w];
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of ids in `a & b`. */
export function countAnd(a: Bits, b: Bits): number {
  const n = Math.min(a.length, b.length);
  let count = 0;
  for (let w = 0; w < n; w++) if (a[w] & b[w]) count += popcount(a[w] & b[w]);
  return count;
}

/** Calls `fn` with each id of the set bits of `word`, the `w`-th word. */
export function forEachBit(word: number, w: number, fn: (id: number) => void): void {
  let x = word;
  while (x !== 0) {
    const low = x & -x;
    fn((w << 5) + 31 - Math.clz32(low));
    x ^= low;
  }
}
