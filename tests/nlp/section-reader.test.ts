import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { SectionReader } from '../../src/nlp/section-reader.js';

const MAGIC = 0x54535431; // "TST1"

/**
 * A sample section in the shape the real ones have: magic, a JSON header, padding to 4, then
 * `n` int32 keys and `n` float32 values.
 */
function encode(keys: number[], values: number[], header: unknown = { note: 'ok' }): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const pad = (4 - (json.length % 4)) % 4;
  const n = keys.length;
  const out = new Uint8Array(12 + json.length + pad + n * 8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, json.length, true);
  dv.setUint32(8, n, true);
  out.set(json, 12);
  const at = 12 + json.length + pad;
  out.set(new Uint8Array(Int32Array.from(keys).buffer), at);
  out.set(new Uint8Array(Float32Array.from(values).buffer), at + n * 4);
  return out;
}

function decode(bytes: Uint8Array, source?: string) {
  const r = new SectionReader('sample', bytes, source).atLeast(12).magic(MAGIC);
  const headerLength = r.u32();
  const n = r.u32();
  const header = r.json<{ note: string }>(headerLength);
  r.align(4).expectRemaining(n * 8);
  const keys = r.i32Array(n);
  const values = r.f32Array(n);
  r.expectEnd();
  return { header, keys, values };
}

/** The same bytes at an odd offset inside a bigger buffer, as a Buffer from the pool can be. */
function unaligned(bytes: Uint8Array): Uint8Array {
  const big = new Uint8Array(bytes.length + 3);
  big.set(bytes, 1);
  return big.subarray(1, 1 + bytes.length);
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error, none was thrown');
}

const good = encode([7, -3, 2 ** 31 - 1], [0.5, -1.25, 3]);
const withByte = (bytes: Uint8Array, at: number, value: number) => {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
};
const withU32 = (bytes: Uint8Array, at: number, value: number) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
};
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe('SectionReader', () => {
  test('a good section round-trips, also from an unaligned view, into copies of its own', () => {
    for (const bytes of [good, unaligned(good)]) {
      const { header, keys, values } = decode(bytes);
      expect(header).toEqual({ note: 'ok' });
      expect(Array.from(keys)).toEqual([7, -3, 2 ** 31 - 1]);
      expect(Array.from(values)).toEqual([0.5, -1.25, 3]);
      expect(keys.byteOffset).toBe(0);
      expect(keys.buffer).not.toBe(bytes.buffer);
      expect(keys.buffer.byteLength).toBe(keys.byteLength);
    }
    // The arrays do not share memory with the input.
    const input = good.slice();
    const { keys } = decode(input);
    input.fill(0);
    expect(keys[0]).toBe(7);
  });

  test('an empty section (no entries) round-trips', () => {
    const { keys, values } = decode(encode([], []));
    expect(keys.length).toBe(0);
    expect(values.length).toBe(0);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['empty input', () => decode(new Uint8Array(0)), /\(too short/],
    ['truncated fixed header', () => decode(good.subarray(0, 11)), /\(too short: 11 bytes, needs at least 12/],
    ['truncated data', () => decode(good.subarray(0, good.length - 1)), /\(size mismatch/],
    ['bytes cut inside the header', () => decode(good.subarray(0, 14)), /\(truncated: needs 13 bytes at offset 12, has 2/],
    ['trailing bytes', () => decode(concat(good, new Uint8Array(8))), /\(size mismatch/],
    ['bad magic', () => decode(withByte(good, 0, good[0] ^ 0xff)), /\(bad magic 0x[0-9a-f]{8} at offset 0, expected 0x54535431/],
    ['count larger than the data', () => decode(withU32(good, 8, 4)), /\(size mismatch: 24 bytes left .* expected 32/],
    ['header length past the end', () => decode(withU32(good, 4, 1000)), /\(truncated: needs 1000 bytes/],
    ['header that is not JSON', () => decode(withByte(good, 12, '}'.charCodeAt(0))), /\(bad header/],
    ['reading a u32 past the end', () => new SectionReader('sample', Uint8Array.of(1, 2, 3)).u32(), /\(truncated: needs 4 bytes at offset 0, has 3/],
    [
      'reading an array past the end',
      () => new SectionReader('sample', new Uint8Array(8)).skip(4).i32Array(2),
      /\(truncated: needs 8 bytes at offset 4, has 4/,
    ],
    ['skipping past the end', () => new SectionReader('sample', new Uint8Array(3)).skip(4), /\(truncated/],
    ['aligning past the end', () => new SectionReader('sample', new Uint8Array(5)).skip(5).align(4), /\(truncated/],
    ['not a whole number of values', () => new SectionReader('sample', new Uint8Array(6)).count(4), /\(size mismatch: 6 bytes is not a whole number of 4-byte values/],
    ['bytes left over at the end', () => new SectionReader('sample', new Uint8Array(6)).skip(4).expectEnd(), /\(size mismatch: 2 bytes left over at offset 4/],
    ['a negative count', () => new SectionReader('sample', new Uint8Array(8)).f32Array(-1), /\(bad count -1/],
  ])('%s is a ModelError naming the section', (_, read, why) => {
    const err = errorOf(read);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.name).toBe('ModelError');
    expect(err.message).toMatch(/^newskg\/nlp: corrupt sample section \(/);
    expect(err.message).toMatch(why);
  });

  test.each<[string, (file: SectionReader) => unknown, RegExp]>([
    ['a region past the end', (f) => f.region('ner weights', 8, 16), /^newskg\/nlp: x\.model: corrupt ner weights section \(truncated: needs bytes 8–24 of the model file, which has 16\)$/],
    ['a region with a missing offset', (f) => f.region('ner keys', Number.NaN, 4), /^newskg\/nlp: x\.model: corrupt ner keys section \(bad reference: offset NaN, length 4\)$/],
    ['a region with a negative length', (f) => f.region('ner keys', 0, -4), /corrupt ner keys section \(bad reference/],
    ['reading past the end of a region', (f) => f.region('pos start', 4, 8).f32Array(3), /^newskg\/nlp: x\.model: corrupt pos start section \(truncated: needs 12 bytes at offset 0, has 8\)$/],
  ])('%s is a ModelError naming the region and the source', (_, read, message) => {
    const file = new SectionReader('model file', new Uint8Array(16), 'x.model');
    const err = errorOf(() => read(file));
    expect(err).toBeInstanceOf(ModelError);
    expect(err.name).toBe('ModelError');
    expect(err.message).toMatch(message);
  });

  test('a region in bounds reads its own bytes, and the outer cursor does not move', () => {
    const bytes = Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    const file = new SectionReader('model file', bytes);
    const region = file.region('inner', 3, 4);
    expect(region.length).toBe(4);
    expect(Array.from(region.bytesCopy(region.remaining))).toEqual([3, 4, 5, 6]);
    region.expectEnd();
    expect(file.offset).toBe(0);
    expect(file.region('empty', 10, 0).remaining).toBe(0);
  });

  test('the bad-header error keeps the parse error as its cause', () => {
    const err = errorOf(() => decode(withByte(good, 12, '}'.charCodeAt(0))));
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });
});
