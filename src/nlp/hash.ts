/**
 * 32-bit hashing for feature ids. Features are never built as strings at tagging time:
 * each token's string properties are hashed once, and feature ids are integer mixes of a
 * template id with those hashes. This is what keeps tagging above 150k tokens/s.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes two 32-bit values (murmur3 finaliser over a combination); never returns 0, the empty-slot key. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= h >>> 15;
  return h === 0 ? 1 : h;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

export { mulberry32 } from '../random.js';

/**
 * Integer-keyed open-addressing table from feature id to row index. Keys and rows are
 * interleaved in one array, so a probe touches one cache line; the table is kept at most half
 * full, a balance between probe length and the memory (and cache) it takes.
 * Keys are non-zero int32; 0 marks an empty slot.
 */
export class FeatureTable {
  /** slot i: key at 2i, row at 2i+1. */
  slots: Int32Array;
  mask: number;
  count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** Row of a key, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = (key ^ (key >>> 16)) & mask;
    for (;;) {
      const k = slots[2 * i];
      if (k === key) return slots[2 * i + 1];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Row of a key, inserting it with the next free row when absent. */
  getOrAdd(key: number): number {
    const row = this.get(key);
    if (row >= 0) return row;
    this.insert(key, this.count);
    return this.count - 1;
  }

  set(key: number, row: number): void {
    const slots = this.slots;
    let i = (key ^ (key >>> 16)) & this.mask;
    while (slots[2 * i] !== 0 && slots[2 * i] !== key) i = (i + 1) & this.mask;
    if (slots[2 * i] === key) {
      slots[2 * i + 1] = row;
      return;
    }
    this.insert(key, row);
  }

  private insert(key: number, row: number): void {
    let i = (key ^ (key >>> 16)) & this.mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = row;
    this.count++;
    if (this.count * 2 > this.mask + 1) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j];
      if (key === 0) continue;
      let i = (key ^ (key >>> 16)) & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = key;
      this.slots[2 * i + 1] = old[j + 1];
    }
  }

  /** All (key, row) pairs, in slot order. */
  *entries(): IterableIterator<[number, number]> {
    for (let j = 0; j < this.slots.length; j += 2) if (this.slots[j] !== 0) yield [this.slots[j], this.slots[j + 1]];
  }
}
