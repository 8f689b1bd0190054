/**
 * A lemmatiser learned from gold lemmas (UD English), in the manner of UDPipe's: a lemma is an
 * edit script applied to the word, i.e. a casing rule ("lower": start from the lowercased form;
 * "keep": start from the form as written, as proper nouns do), then strip N final characters and
 * append a string. "attacks" → lower, strip 1, "" → "attack"; "geese" → lower, strip 4, "oose";
 * "Bajolet"/NNP → keep, strip 0, "".
 *
 * Two look-ups, both keyed on the XPOS tag:
 * - an exception lexicon, (lowercased form, XPOS) → the script seen most often with it in training
 *   (the irregulars: was → be, went → go, n't → not), kept only where the suffix model below
 *   would not give the same script anyway; a short built-in list of irregular nouns and verbs
 *   (geese → goose) fills in (form, tag) pairs the training data never shows;
 * - for other words, the script seen most often with the longest suffix (up to MAX_SUFFIX
 *   characters of the lowercased form) that had enough support in training, backing off to
 *   shorter suffixes, down to the tag's own most frequent script (the empty suffix). Suffix
 *   statistics count distinct training word types, not tokens: unseen words behave like rare
 *   words, not like "is" and "was". A script counts for a suffix only if it edits within it,
 *   and a whole word's suffix does not learn case-restoring rewrites ("MAIN" → Main), which
 *   would turn "domain"/NNP into "doMain".
 * A token votes for every script that produces its lemma (for a lowercase form both the "lower"
 * and the "keep" variant), so casing is learned from the data: "The"/DT → the, but "I"/PRP → I.
 *
 * No strings are built at look-up time: the lowercased form and its suffixes are hashed in one
 * pass (two independent 32-bit hashes, so a false match needs a 64-bit collision) and probed in
 * an open-addressing table; the only allocation is the result string, when it differs from the
 * input. Tags never seen in training leave the word as it is.
 */
import type { ConlluSentence } from './conllu.js';
import { mix } from './hash.js';
import { SectionReader } from './section-reader.js';

const MAGIC = 0x4c454d31; // "LEM1"
const SECTION = 'lemmas';
const VERSION = 1;

/** Longest suffix the back-off model conditions on (at most 15). */
const MAX_SUFFIX = 6;
/** Distinct training words a suffix needs before its statistics are used for unseen words. */
const MIN_SUPPORT = 2;

export interface LemmatizerOptions {
  maxSuffix?: number;
  minSupport?: number;
  /** Suffix statistics over distinct (form, tag, lemma) types (the default) or over tokens. */
  types?: boolean;
  /** Add the built-in irregular nouns and verbs to the lexicon where training has no entry (default true). */
  irregulars?: boolean;
}

const LEX_TAG = 0x1e0;
const SUF_TAG = 0x5f0;
const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x2545f491 | 0;

const PROPER = new Set(['NNP', 'NNPS']);

/**
 * Irregular English inflections, to fill what the training data does not show: an entry is used
 * only for a (form, tag) that never occurs in training (the treebank's own lemma always wins).
 * Nouns: "plural singular"; verbs: "base past participle", alternatives joined by "/".
 */
const IRREGULAR_PLURALS =
  'geese goose|mice mouse|lice louse|teeth tooth|feet foot|oxen ox|men man|women woman|children child|' +
  'cacti cactus|fungi fungus|nuclei nucleus|radii radius|stimuli stimulus|syllabi syllabus|alumni alumnus|' +
  'analyses analysis|crises crisis|theses thesis|hypotheses hypothesis|diagnoses diagnosis|oases oasis|' +
  'criteria criterion|phenomena phenomenon|bacteria bacterium|curricula curriculum|memoranda memorandum|strata stratum|' +
  'indices index|matrices matrix|appendices appendix|vertices vertex|knives knife|wives wife|wolves wolf|halves half|' +
  'loaves loaf|shelves shelf|thieves thief|calves calf|elves elf|hooves hoof|scarves scarf|' +
  'firemen fireman|policemen policeman|businessmen businessman|businesswomen businesswoman|chairmen chairman|' +
  'congressmen congressman|spokesmen spokesman|spokeswomen spokeswoman|gunmen gunman|fishermen fisherman|' +
  'countrymen countryman|statesmen statesman|servicemen serviceman|grandchildren grandchild|stepchildren stepchild';
const IRREGULAR_VERBS =
  'arise arose arisen|awake awoke awoken|bear bore borne/born|beat beat beaten|become became become|begin began begun|' +
  'bend bent bent|bet bet bet|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken|' +
  'breed bred bred|bring brought brought|build built built|burst burst burst|buy bought bought|catch caught caught|' +
  'choose chose chosen|cling clung clung|come came come|creep crept crept|deal dealt dealt|dig dug dug|do did done|' +
  'draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|' +
  'fight fought fought|find found found|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|' +
  'forecast forecast forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|' +
  'get got got/gotten|give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung|hear heard heard|' +
  'hide hid hidden|hold held held|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|' +
  'leave left left|lend lent lent|lie lay lain|lose lost lost|make made made|mean meant meant|meet met met|' +
  'mislead misled misled|overcome overcame overcome|overtake overtook overtaken|overthrow overthrew overthrown|' +
  'pay paid paid|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|' +
  'sell sold sold|send sent sent|shake shook shaken|shine shone shone|shoot shot shot|shrink shrank/shrunk shrunk|' +
  'sing sang sung|sink sank/sunk sunk|slay slew slain|sleep slept slept|slide slid slid|sling slung slung|slink slunk slunk|' +
  'smite smote smitten|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|spring sprang/sprung sprung|' +
  'stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|stink stank/stunk stunk|stride strode stridden|' +
  'strike struck struck/stricken|string strung strung|strive strove striven|swear swore sworn|sweep swept swept|' +
  'swim swam swum|swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|' +
  'throw threw thrown|tread trod trodden|undergo underwent undergone|understand understood understood|' +
  'undertake undertook undertaken|uphold upheld upheld|upset upset upset|wake woke woken|wear wore worn|weave wove woven|' +
  'weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|' +
  'withstand withstood withstood|wring wrung wrung|write wrote written';

/** (form, XPOS, lemma) of the irregulars above. */
function irregulars(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const entry of IRREGULAR_PLURALS.split('|')) {
    const [plural, singular] = entry.split(' ');
    out.push([plural, 'NNS', singular]);
  }
  for (const entry of IRREGULAR_VERBS.split('|')) {
    const [base, past, participle] = entry.split(' ');
    for (const form of past.split('/')) out.push([form, 'VBD', base]);
    for (const form of participle.split('/')) out.push([form, 'VBN', base]);
  }
  return out;
}

/** An edit script: casing, number of final characters to strip, string to append. */
interface Script {
  keep: boolean;
  strip: number;
  append: string;
}

function scriptKey(s: Script): string {
  return `${s.keep ? 'k' : 'l'}${s.strip}|${s.append}`;
}

function parseScript(key: string): Script | undefined {
  const m = /^([kl])(\d{1,3})\|(.*)$/s.exec(key);
  if (!m) return undefined;
  return { keep: m[1] === 'k', strip: Number(m[2]), append: m[3] };
}

/** The script turning `base` into `lemma`: strip what follows their common prefix, append the rest. */
function diff(base: string, lemma: string, keep: boolean): Script {
  let p = 0;
  const n = Math.min(base.length, lemma.length);
  while (p < n && base.charCodeAt(p) === lemma.charCodeAt(p)) p++;
  return { keep, strip: base.length - p, append: lemma.slice(p) };
}

// --- hashing: the same functions at training time (over a lowercased string) and at look-up
// time (over the form, folding ASCII capitals inline). ---

function stepA(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

function stepB(h: number, c: number): number {
  return (Math.imul(h, 0x5bd1e995) + c + 0x3c6ef372) ^ (h >>> 13);
}

function lexKeys(lower: string, tag: number): [number, number] {
  let a = SEED_A;
  let b = SEED_B;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    a = stepA(a, c);
    b = stepB(b, c);
  }
  return [mix(a, LEX_TAG + tag), mix(b ^ 0x7f4a7c15, tag) | 1];
}

/** Keys of the suffix of length k (k = 0: the tag alone); a, b are the hashes of the suffix read backwards. */
function sufKey(a: number, tag: number, k: number): number {
  return mix(mix(a, SUF_TAG + tag), k);
}

function sufCheck(b: number, tag: number, k: number): number {
  return mix(b ^ 0x1b873593, (tag << 4) | k) | 1;
}

/**
 * Open addressing over (key, check) → script id; both hashes must match. Slot i holds key at 3i,
 * check at 3i+1, script at 3i+2; key 0 marks an empty slot (mix() never returns 0).
 */
class ScriptTable {
  readonly slots: Int32Array;
  private readonly mask: number;

  constructor(n: number) {
    let size = 1024;
    while (size < n * 2) size <<= 1;
    this.slots = new Int32Array(size * 3);
    this.mask = size - 1;
  }

  get(key: number, check: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = (key ^ (key >>> 16)) & mask;
    for (;;) {
      const k = slots[3 * i];
      if (k === key && slots[3 * i + 1] === check) return slots[3 * i + 2];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Returns false when (key, check) is already there. */
  add(key: number, check: number, script: number): boolean {
    const slots = this.slots;
    let i = (key ^ (key >>> 16)) & this.mask;
    while (slots[3 * i] !== 0) {
      if (slots[3 * i] === key && slots[3 * i + 1] === check) return false;
      i = (i + 1) & this.mask;
    }
    slots[3 * i] = key;
    slots[3 * i + 1] = check;
    slots[3 * i + 2] = script;
    return true;
  }
}

export class Lemmatizer {
  private readonly tagIds: Map<string, number>;
  private readonly keep: Uint8Array;
  private readonly strip: Uint16Array;
  private readonly append: string[];
  private readonly table: ScriptTable;
  private readonly sa: Int32Array;
  private readonly sb: Int32Array;

  private constructor(
    readonly maxSuffix: number,
    readonly tags: readonly string[],
    readonly scripts: readonly string[],
    /** Entries: key, check, script id. */
    private readonly keys: Int32Array,
    private readonly checks: Int32Array,
    private readonly ids: Uint16Array,
    readonly lexiconSize: number,
    private readonly source?: string,
  ) {
    this.sa = new Int32Array(maxSuffix + 1);
    this.sb = new Int32Array(maxSuffix + 1);
    this.tagIds = new Map(tags.map((t, i) => [t, i]));
    this.keep = new Uint8Array(scripts.length);
    this.strip = new Uint16Array(scripts.length);
    this.append = [];
    const fail = (why: string) => new SectionReader(SECTION, new Uint8Array(0), source).fail(why);
    scripts.forEach((key, i) => {
      const s = parseScript(key);
      if (!s) throw fail(`bad edit script ${JSON.stringify(key)}`);
      this.keep[i] = s.keep ? 1 : 0;
      this.strip[i] = s.strip;
      this.append.push(s.append);
    });
    this.table = new ScriptTable(keys.length);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) throw fail(`bad key at entry ${i}`);
      if (ids[i] >= scripts.length) throw fail(`edit script ${ids[i]} out of range at entry ${i}`);
      if (!this.table.add(keys[i], checks[i], ids[i])) throw fail(`duplicate entry ${i}`);
    }
  }

  /** @internal built by trainLemmatizer() */
  static build(maxSuffix: number, tags: string[], scripts: string[], entries: [number, number, number][], lexiconSize: number): Lemmatizer {
    const n = entries.length;
    const keys = new Int32Array(n);
    const checks = new Int32Array(n);
    const ids = new Uint16Array(n);
    entries.forEach(([k, c, s], i) => {
      keys[i] = k;
      checks[i] = c;
      ids[i] = s;
    });
    return new Lemmatizer(maxSuffix, tags, scripts, keys, checks, ids, lexiconSize);
  }

  /** Number of entries (exception lexicon and suffix statistics together). */
  get size(): number {
    return this.keys.length;
  }

  /** The lemma of one word given its Penn Treebank tag. */
  lemma(word: string, xpos: string): string {
    const tag = this.tagIds.get(xpos);
    const n = word.length;
    if (tag === undefined || n === 0) return word;
    // One pass over the word: its lowercase hashes, folding ASCII capitals; anything beyond ASCII
    // is lowercased by the runtime (as in training) and hashed from that string.
    let s = word;
    let fold = true;
    let upper = false;
    for (let i = 0; i < n; i++) {
      const c = word.charCodeAt(i);
      if (c >= 128) {
        fold = false;
        break;
      }
      if (c >= 65 && c <= 90) upper = true;
    }
    if (!fold) {
      s = word.toLowerCase();
      upper = s !== word;
    }
    const len = s.length;
    let a = SEED_A;
    let b = SEED_B;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (fold && c >= 65 && c <= 90) c += 32;
      a = stepA(a, c);
      b = stepB(b, c);
    }
    let script = this.table.get(mix(a, LEX_TAG + tag), mix(b ^ 0x7f4a7c15, tag) | 1);
    if (script < 0) {
      const sa = this.sa;
      const sb = this.sb;
      const kmax = len < this.maxSuffix ? len : this.maxSuffix;
      a = SEED_A;
      b = SEED_B;
      sa[0] = a;
      sb[0] = b;
      for (let k = 1; k <= kmax; k++) {
        let c = s.charCodeAt(len - k);
        if (fold && c >= 65 && c <= 90) c += 32;
        a = stepA(a, c);
        b = stepB(b, c);
        sa[k] = a;
        sb[k] = b;
      }
      for (let k = kmax; k >= 0 && script < 0; k--) script = this.table.get(sufKey(sa[k], tag, k), sufCheck(sb[k], tag, k));
      if (script < 0) return word;
    }
    const strip = this.strip[script];
    const append = this.append[script];
    const base = this.keep[script] === 1 || !upper ? word : fold ? word.toLowerCase() : s;
    if (strip === 0) return append === '' ? base : base + append;
    if (strip > base.length) return base;
    return base.slice(0, base.length - strip) + append;
  }

  lemmatize(words: readonly string[], xpos: readonly string[]): string[] {
    const out = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.lemma(words[i], xpos[i]);
    return out;
  }

  /**
   * The section: magic "LEM1", u32 header length, u32 entry count, UTF-8 JSON header
   * ({ version, maxSuffix, tags, scripts, lexicon }), padding to 4, then the entries as
   * int32 keys, int32 checks and uint16 script ids.
   */
  toBytes(): Uint8Array {
    const header = new TextEncoder().encode(
      JSON.stringify({ version: VERSION, maxSuffix: this.maxSuffix, tags: this.tags, scripts: this.scripts, lexicon: this.lexiconSize }),
    );
    const pad = (4 - (header.length % 4)) % 4;
    const n = this.keys.length;
    const at = 12 + header.length + pad;
    const out = new Uint8Array(at + n * 10);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, header.length, true);
    dv.setUint32(8, n, true);
    out.set(header, 12);
    for (let i = 0; i < n; i++) {
      dv.setInt32(at + 4 * i, this.keys[i], true);
      dv.setInt32(at + 4 * n + 4 * i, this.checks[i], true);
      dv.setUint16(at + 8 * n + 2 * i, this.ids[i], true);
    }
    return out;
  }

  static fromBytes(bytes: Uint8Array, source?: string): Lemmatizer {
    const r = new SectionReader(SECTION, bytes, source).atLeast(12).magic(MAGIC);
    const headerLength = r.u32();
    const n = r.u32();
    const h = r.json<{ version?: unknown; maxSuffix?: unknown; tags?: unknown; scripts?: unknown; lexicon?: unknown }>(headerLength);
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (h === null || typeof h !== 'object' || h.version !== VERSION) throw r.fail(`unsupported version ${JSON.stringify(h?.version)}`);
    const maxSuffix = h.maxSuffix;
    if (typeof maxSuffix !== 'number' || !Number.isInteger(maxSuffix) || maxSuffix < 0 || maxSuffix > 15) throw r.fail(`bad header: maxSuffix ${JSON.stringify(maxSuffix)}`);
    if (!strings(h.tags) || !strings(h.scripts) || h.scripts.length > 0xffff) throw r.fail('bad header: tags and scripts must be string lists');
    if (typeof h.lexicon !== 'number' || !Number.isInteger(h.lexicon) || h.lexicon < 0 || h.lexicon > n) throw r.fail('bad header: lexicon size');
    r.align(4).expectRemaining(n * 10);
    const keys = r.i32Array(n);
    const checks = r.i32Array(n);
    const ids = r.u16Array(n);
    r.expectEnd();
    return new Lemmatizer(maxSuffix, h.tags, h.scripts, keys, checks, ids, h.lexicon, source);
  }
}

/** Votes for scripts, ties broken deterministically: casing that suits the tag, then the cheaper script, then the script's text. */
function best(votes: Map<number, number>, proper: boolean, scripts: Script[], keys: string[]): number {
  let bestId = -1;
  let bestCount = -1;
  for (const [id, count] of votes) {
    if (count > bestCount) {
      bestId = id;
      bestCount = count;
      continue;
    }
    if (count < bestCount) continue;
    const s = scripts[id];
    const t = scripts[bestId];
    const sPref = s.keep === proper ? 1 : 0;
    const tPref = t.keep === proper ? 1 : 0;
    if (sPref !== tPref) {
      if (sPref > tPref) bestId = id;
      continue;
    }
    const sCost = s.strip + s.append.length;
    const tCost = t.strip + t.append.length;
    if (sCost !== tCost) {
      if (sCost < tCost) bestId = id;
      continue;
    }
    if (keys[id] < keys[bestId]) bestId = id;
  }
  return bestId;
}

interface SuffixNode {
  tag: number;
  k: number;
  /** The suffix, read forwards. */
  suffix: string;
  support: number;
  votes: Map<number, number>;
  script: number;
}

/** What training counts: the edit scripts, the tags, each (form, tag)'s script votes, and the distinct (form, tag, lemma) types. */
interface Counts {
  scripts: Script[];
  keysOf: string[];
  idOf: (s: Script) => number;
  tags: string[];
  tagIds: Map<string, number>;
  lexicon: Map<string, { lower: string; tag: number; votes: Map<number, number> }>;
  types: Map<string, { lower: string; tag: number; compatible: number[] }>;
}

function countScripts(sentences: ConlluSentence[], countTypes: boolean): Counts {
  const scriptIds = new Map<string, number>();
  const scripts: Script[] = [];
  const keysOf: string[] = [];
  const idOf = (s: Script): number => {
    const key = scriptKey(s);
    let id = scriptIds.get(key);
    if (id === undefined) {
      id = scripts.length;
      scriptIds.set(key, id);
      scripts.push(s);
      keysOf.push(key);
    }
    return id;
  };
  const tagIds = new Map<string, number>();
  const tags: string[] = [];
  // (lowercased form, tag) → script votes, over tokens; distinct (form, tag, lemma) types.
  const lexicon: Counts['lexicon'] = new Map();
  const types: Counts['types'] = new Map();
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.words.length; i++) {
      const form = sentence.words[i];
      const lemma = sentence.lemmas[i];
      const xpos = sentence.xpos[i];
      if (form === '' || lemma === '_' || lemma === '' || xpos === '_' || xpos === '') continue;
      let tag = tagIds.get(xpos);
      if (tag === undefined) {
        tag = tags.length;
        tagIds.set(xpos, tag);
        tags.push(xpos);
      }
      const lower = form.toLowerCase();
      const compatible = [idOf(diff(lower, lemma, false))];
      // "keep" works on the form as written; strip counts must mean the same on both strings.
      if (lower.length === form.length) compatible.push(idOf(diff(form, lemma, true)));
      const lexKey = `${lower}\t${xpos}`;
      let entry = lexicon.get(lexKey);
      if (!entry) lexicon.set(lexKey, (entry = { lower, tag, votes: new Map() }));
      for (const id of compatible) entry.votes.set(id, (entry.votes.get(id) ?? 0) + 1);
      const typeKey = countTypes ? `${form}\t${xpos}\t${lemma}` : String(types.size);
      if (!types.has(typeKey)) types.set(typeKey, { lower, tag, compatible });
    }
  }
  return { scripts, keysOf, idOf, tags, tagIds, lexicon, types };
}

/**
 * Learns the lemmatiser from sentences with gold lemmas and XPOS tags. Tokens whose lemma is "_"
 * (unannotated) are skipped. Deterministic: the same sentences give the same bytes.
 */
export function trainLemmatizer(sentences: ConlluSentence[], options: LemmatizerOptions = {}): Lemmatizer {
  const maxSuffix = Math.max(0, Math.min(15, options.maxSuffix ?? MAX_SUFFIX));
  const minSupport = options.minSupport ?? MIN_SUPPORT;
  const { scripts, keysOf, idOf, tags, tagIds, lexicon, types } = countScripts(sentences, options.types ?? true);

  // Suffix statistics over the types: a script counts for a suffix only when it edits within it
  // and leaves some of it (rewriting a whole word is for the lexicon: "is" → be).
  const nodes = new Map<string, SuffixNode>();
  for (const { lower, tag, compatible } of types.values()) {
    const kmax = Math.min(lower.length, maxSuffix);
    for (let k = 0; k <= kmax; k++) {
      const suffix = lower.slice(lower.length - k);
      const key = `${tag}\t${suffix}`;
      let node = nodes.get(key);
      if (!node) nodes.set(key, (node = { tag, k, suffix, support: 0, votes: new Map(), script: -1 }));
      node.support++;
      for (const id of compatible) {
        const { strip, append } = scripts[id];
        if (strip > k || (strip === k && k === lower.length && append !== append.toLowerCase())) continue;
        node.votes.set(id, (node.votes.get(id) ?? 0) + 1);
      }
    }
  }
  const entries: [number, number, number][] = [];
  // Decide nodes shortest-first, so each one's parent is decided before it.
  const ordered = [...nodes.values()].sort((x, y) => x.k - y.k || x.tag - y.tag || (x.suffix < y.suffix ? -1 : x.suffix > y.suffix ? 1 : 0));
  const predicted = new Map<string, number>(); // tag\tsuffix → the script predicted for it (kept or inherited)
  for (const node of ordered) {
    const proper = PROPER.has(tags[node.tag]);
    const key = `${node.tag}\t${node.suffix}`;
    const parent = node.k === 0 ? -1 : predicted.get(`${node.tag}\t${node.suffix.slice(1)}`)!;
    if (node.k > 0 && node.support < minSupport) {
      predicted.set(key, parent);
      continue;
    }
    let script = node.votes.size > 0 ? best(node.votes, proper, scripts, keysOf) : -1;
    if (script < 0) {
      // Only scripts that strip more than the suffix: the tag's identity (kept for the tag alone).
      if (node.k > 0) {
        predicted.set(key, parent);
        continue;
      }
      script = idOf({ keep: proper, strip: 0, append: '' });
    }
    node.script = script;
    predicted.set(key, script);
    if (node.k > 0 && script === parent) continue; // the back-off gives it anyway
    let a = SEED_A;
    let b = SEED_B;
    for (let j = node.suffix.length - 1; j >= 0; j--) {
      a = stepA(a, node.suffix.charCodeAt(j));
      b = stepB(b, node.suffix.charCodeAt(j));
    }
    entries.push([sufKey(a, node.tag, node.k), sufCheck(b, node.tag, node.k), script]);
  }
  const suffixEntries = entries.length;

  // The exception lexicon: only where the suffix model says otherwise.
  for (const { lower, tag, votes } of lexicon.values()) {
    const script = best(votes, PROPER.has(tags[tag]), scripts, keysOf);
    let backoff = -1;
    for (let k = Math.min(lower.length, maxSuffix); k >= 0 && backoff < 0; k--) {
      backoff = predicted.get(`${tag}\t${lower.slice(lower.length - k)}`) ?? -1;
    }
    if (script === backoff) continue;
    const [key, check] = lexKeys(lower, tag);
    entries.push([key, check, script]);
  }
  // Built-in irregulars where training has no entry for the (form, tag) and the tag is known.
  if (options.irregulars ?? true) {
    for (const [form, xpos, lemma] of irregulars()) {
      const tag = tagIds.get(xpos);
      if (tag === undefined || lexicon.has(`${form}\t${xpos}`)) continue;
      const [key, check] = lexKeys(form, tag);
      entries.push([key, check, idOf(diff(form, lemma, false))]);
    }
  }
  // Drop scripts nothing refers to, renumbering in first-use order.
  const renumber = new Map<number, number>();
  const used: string[] = [];
  for (const e of entries) {
    let id = renumber.get(e[2]);
    if (id === undefined) {
      id = used.length;
      renumber.set(e[2], id);
      used.push(keysOf[e[2]]);
    }
    e[2] = id;
  }
  return Lemmatizer.build(maxSuffix, tags, used, entries, entries.length - suffixEntries);
}

/** Share of words whose lemma is exactly the gold one, as the CoNLL 2018 task scores it (a gold "_" matches anything). */
export function evaluateLemmas(lemmatizer: Lemmatizer, sentences: ConlluSentence[]): { accuracy: number; tokens: number } {
  let tokens = 0;
  let correct = 0;
  for (const sentence of sentences) {
    const predicted = lemmatizer.lemmatize(sentence.words, sentence.xpos);
    for (let i = 0; i < predicted.length; i++) {
      tokens++;
      const gold = sentence.lemmas[i];
      if (gold === '_' || predicted[i] === gold) correct++;
    }
  }
  return { accuracy: tokens === 0 ? 0 : correct / tokens, tokens };
}
