/**
 * One reader for every binary section of a model file (the weight sections, the gazetteer, the
 * word clusters): a cursor over a Uint8Array with bounds checks. Every failure is a ModelError
 * naming the section and what is wrong, e.g. "corrupt gazetteer section (size mismatch: …)".
 *
 * u32() reads little-endian; typed arrays are in the platform's byte order, as the writers
 * store them (little-endian wherever newskg runs). Typed arrays are always copies into a fresh
 * buffer of their own, so they are aligned whatever the section's offset, and never share memory
 * with the input (a Buffer from readFileSync may be a view into a shared pool).
 */
import { ModelError } from '../errors.js';

function corrupt(section: string, why: string, source?: string, cause?: unknown): ModelError {
  const what = `corrupt ${section} section (${why})`;
  return new ModelError(source ? `${source}: ${what}` : what, cause === undefined ? undefined : { cause });
}

type TypedArrayOf<T> = { new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

export class SectionReader {
  private readonly view: DataView;
  private pos = 0;

  /**
   * @param section what the bytes are, for messages ("gazetteer", "ner weights")
   * @param source where they come from (a model file's path), when known
   */
  constructor(
    readonly section: string,
    private readonly bytes: Uint8Array,
    readonly source?: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The section's size in bytes. */
  get length(): number {
    return this.bytes.byteLength;
  }

  /** The cursor, in bytes from the start of the section. */
  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.bytes.byteLength - this.pos;
  }

  /** The error for this section; `why` says what is wrong ("bad magic", "size mismatch: …"). */
  fail(why: string, cause?: unknown): ModelError {
    return corrupt(this.section, why, this.source, cause);
  }

  /** The section must hold at least n bytes in all (its fixed header, say). */
  atLeast(n: number): this {
    if (this.bytes.byteLength < n) throw this.fail(`too short: ${this.bytes.byteLength} bytes, needs at least ${n}`);
    return this;
  }

  /** n more bytes must be there from the cursor. */
  private need(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw this.fail(`bad length ${n}`);
    if (n > this.remaining) throw this.fail(`truncated: needs ${n} bytes at offset ${this.pos}, has ${this.remaining}`);
  }

  /** Exactly n bytes must be left from the cursor. */
  expectRemaining(n: number): this {
    if (this.remaining !== n) throw this.fail(`size mismatch: ${this.remaining} bytes left at offset ${this.pos}, expected ${n}`);
    return this;
  }

  /** Nothing may be left after what was read. */
  expectEnd(): void {
    if (this.remaining !== 0) throw this.fail(`size mismatch: ${this.remaining} bytes left over at offset ${this.pos}`);
  }

  /** How many values of `size` bytes the rest of the section holds; it must hold a whole number. */
  count(size: number): number {
    if (this.remaining % size !== 0) throw this.fail(`size mismatch: ${this.remaining} bytes is not a whole number of ${size}-byte values`);
    return this.remaining / size;
  }

  skip(n: number): this {
    this.need(n);
    this.pos += n;
    return this;
  }

  /** Skips padding up to the next multiple of `to` bytes from the start of the section (padding is not checked). */
  align(to: number): this {
    return this.skip((to - (this.pos % to)) % to);
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** Reads a u32 that must equal `expected`. */
  magic(expected: number): this {
    const at = this.pos;
    const got = this.u32();
    if (got !== expected) throw this.fail(`bad magic 0x${got.toString(16).padStart(8, '0')} at offset ${at}, expected 0x${expected.toString(16).padStart(8, '0')}`);
    return this;
  }

  /** A copy of the next n bytes. */
  bytesCopy(n: number): Uint8Array {
    this.need(n);
    // Uint8Array#slice copies; Buffer#slice would share the input's memory.
    const out = Uint8Array.prototype.slice.call(this.bytes, this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The next n bytes as UTF-8 JSON; anything that does not parse is a "bad header". */
  json<T>(n: number): T {
    this.need(n);
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + n));
    let value: T;
    try {
      value = JSON.parse(text) as T;
    } catch (err) {
      throw this.fail('bad header', err);
    }
    this.pos += n;
    return value;
  }

  /** A region of n bytes at `offset` (from the start of this section) as a section of its own; the cursor does not move. */
  region(section: string, offset: number, n: number): SectionReader {
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(n) || n < 0) {
      throw corrupt(section, `bad reference: offset ${offset}, length ${n}`, this.source);
    }
    if (offset + n > this.bytes.byteLength) {
      throw corrupt(section, `truncated: needs bytes ${offset}–${offset + n} of the ${this.section}, which has ${this.bytes.byteLength}`, this.source);
    }
    return new SectionReader(section, this.bytes.subarray(offset, offset + n), this.source);
  }

  i16Array(n: number): Int16Array {
    return this.typed(Int16Array, n);
  }

  u16Array(n: number): Uint16Array {
    return this.typed(Uint16Array, n);
  }

  i32Array(n: number): Int32Array {
    return this.typed(Int32Array, n);
  }

  u32Array(n: number): Uint32Array {
    return this.typed(Uint32Array, n);
  }

  f32Array(n: number): Float32Array {
    return this.typed(Float32Array, n);
  }

  private typed<T>(Ctor: TypedArrayOf<T>, n: number): T {
    if (!Number.isSafeInteger(n) || n < 0) throw this.fail(`bad count ${n}`);
    return new Ctor(this.bytesCopy(n * Ctor.BYTES_PER_ELEMENT).buffer as ArrayBuffer);
  }
}
