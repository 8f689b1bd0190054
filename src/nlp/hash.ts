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

/**
 * Integer-keyed open-addressing table from feature id to row index.
 * Keys are non-zero int32; 0 marks an empty slot.
 */
export class FeatureTable {
  keys: Int32Array;
  rows: Int32Array;
  mask: number;
  count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Row of a key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = (key ^ (key >>> 16)) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Row of a key, inserting it with the next free row when absent. */
  getOrAdd(key: number): number {
    const mask = this.mask;
    let i = (key ^ (key >>> 16)) & mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) break;
      i = (i + 1) & this.mask;
    }
    const row = this.count++;
    this.keys[i] = key;
    this.rows[i] = row;
    if (this.count * 2 > this.keys.length) this.grow();
    return row;
  }

  set(key: number, row: number): void {
    const mask = this.mask;
    let i = (key ^ (key >>> 16)) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === 0) this.count++;
    this.keys[i] = key;
    this.rows[i] = row;
    if (this.count * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    const size = oldKeys.length * 2;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.mask = size - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key === 0) continue;
      let i = (key ^ (key >>> 16)) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.rows[i] = oldRows[j];
    }
  }

  /** All (key, row) pairs, in slot order. */
  *entries(): IterableIterator<[number, number]> {
    for (let j = 0; j < this.keys.length; j++) if (this.keys[j] !== 0) yield [this.keys[j], this.rows[j]];
  }
}
