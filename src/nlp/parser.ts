/**
 * A greedy transition-based dependency parser (arc-hybrid, Kuhlmann et al. 2011) scored by two
 * averaged perceptrons over hashed feature templates, in the manner of the taggers: one picks the
 * transition (shift, left-arc, right-arc), the other the Universal Dependencies relation of each
 * arc made. The root sits at the bottom of the stack and takes a dependent only once the buffer is
 * empty, so every sentence gets exactly one tree: a single root, every word attached, no cycles.
 * Each word is shifted once and popped once, so parsing is linear in the sentence's length.
 */
import { ModelError } from '../errors.js';
import { EXTENDED_POS_SIGNATURE } from './features.js';
import { hashString, mix, mix3 } from './hash.js';
import type { LinearModel } from './linear.js';

/** The feature templates the weights were trained with; a model with another signature is refused. */
export const PARSER_SIGNATURE = `arc-hybrid-2:w,p,suf3,lc12,rc12,valency,dist;label:h,d,dir,dist,children,child-words;${EXTENDED_POS_SIGNATURE}`;

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const TRANSITIONS = ['shift', 'left', 'right'] as const;

const NONE = -1;
const ROOT_HASH = hashString('<root>');
const NONE_HASH = hashString('<none>');

/** One sentence as the parser reads it: its words and their Penn tags. */
export interface ParserInput {
  words: readonly string[];
  pos: readonly string[];
}

/** A sentence's tree: `heads[i]` is the 1-based index of word i's head (0: the root), `deprels[i]` its relation. */
export interface ParseResult {
  heads: number[];
  deprels: string[];
  /** Transitions taken: 2n for n words (each is shifted once and popped once). */
  steps: number;
}

/** The per-word hashes the features are mixed from, computed once per sentence (index 0 is the root). */
export class SentenceHashes {
  readonly word: Int32Array;
  readonly pos: Int32Array;
  readonly suffix: Int32Array;

  constructor(input: ParserInput) {
    const n = input.words.length;
    this.word = new Int32Array(n + 1);
    this.pos = new Int32Array(n + 1);
    this.suffix = new Int32Array(n + 1);
    this.word[0] = this.pos[0] = this.suffix[0] = ROOT_HASH;
    for (let i = 0; i < n; i++) {
      const lower = input.words[i].toLowerCase();
      this.word[i + 1] = hashString(lower);
      this.pos[i + 1] = hashString(input.pos[i] ?? '');
      this.suffix[i + 1] = hashString(lower.length > 3 ? lower.slice(-3) : lower);
    }
  }
}

/** The parser's configuration: stack, buffer front, the arcs so far and each word's outermost children. */
export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** The front of the buffer (1-based word index); the buffer is empty past n. */
  b = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost children; counts of left and right children. */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** Transitions applied so far: exactly 2n for n words once done. */
  steps = 0;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.stack[this.sp++] = 0;
    this.heads = new Int32Array(n + 1).fill(NONE);
    this.labels = new Int32Array(n + 1).fill(NONE);
    this.lc1 = new Int32Array(n + 1).fill(NONE);
    this.lc2 = new Int32Array(n + 1).fill(NONE);
    this.rc1 = new Int32Array(n + 1).fill(NONE);
    this.rc2 = new Int32Array(n + 1).fill(NONE);
    this.nLeft = new Int32Array(n + 1);
    this.nRight = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.b > this.n && this.sp === 1;
  }

  /** The stack item k from the top (0: the top), or NONE. */
  s(k: number): number {
    return this.sp - 1 - k >= 0 ? this.stack[this.sp - 1 - k] : NONE;
  }

  /** The buffer item k from the front, or NONE. */
  buf(k: number): number {
    return this.b + k <= this.n ? this.b + k : NONE;
  }

  canShift(): boolean {
    return this.b <= this.n;
  }

  /** Left-arc: the stack's top becomes a dependent of the buffer's front (never the root). */
  canLeft(): boolean {
    return this.b <= this.n && this.sp > 1;
  }

  /** Right-arc: the stack's top becomes a dependent of the item below it; the root takes its one dependent last. */
  canRight(): boolean {
    return this.sp > 2 || (this.sp === 2 && this.b > this.n);
  }

  can(t: number): boolean {
    return t === SHIFT ? this.canShift() : t === LEFT ? this.canLeft() : this.canRight();
  }

  /** The head and dependent the transition would join (for a shift, none). */
  arcOf(t: number): [number, number] {
    if (t === LEFT) return [this.b, this.stack[this.sp - 1]];
    if (t === RIGHT) return [this.stack[this.sp - 2], this.stack[this.sp - 1]];
    return [NONE, NONE];
  }

  apply(t: number, label: number): void {
    this.steps++;
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const [h, d] = this.arcOf(t);
    this.sp--;
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      this.nLeft[h]++;
      if (this.lc1[h] === NONE || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] === NONE || d < this.lc2[h]) this.lc2[h] = d;
    } else {
      this.nRight[h]++;
      if (this.rc1[h] === NONE || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] === NONE || d > this.rc2[h]) this.rc2[h] = d;
    }
  }
}

const bucket = (d: number) => (d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7);

/** A word's hash (or its tag's, its relation's) at index k, or the hash of no word. Module-level, so no closure is made per call. */
const at = (hashes: Int32Array, k: number) => (k === NONE ? NONE_HASH : hashes[k]);
const relAt = (labels: Int32Array, k: number) => (k === NONE ? -7 : labels[k]);

/** Hashes the transition features of a state into `out`; returns how many. */
export function transitionFeatures(st: ParseState, h: SentenceHashes, out: Int32Array): number {
  const words = h.word;
  const tags = h.pos;
  const rels = st.labels;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.buf(0);
  const b1 = st.buf(1);
  const b2 = st.buf(2);
  const s0w = at(words, s0), s0p = at(tags, s0), s1w = at(words, s1), s1p = at(tags, s1), s2p = at(tags, s2);
  const b0w = at(words, b0), b0p = at(tags, b0), b1w = at(words, b1), b1p = at(tags, b1), b2p = at(tags, b2);
  const s0lc1 = s0 === NONE ? NONE : st.lc1[s0];
  const s0rc1 = s0 === NONE ? NONE : st.rc1[s0];
  const s0lc2 = s0 === NONE ? NONE : st.lc2[s0];
  const s0rc2 = s0 === NONE ? NONE : st.rc2[s0];
  const s1lc1 = s1 === NONE ? NONE : st.lc1[s1];
  const s1rc1 = s1 === NONE ? NONE : st.rc1[s1];
  const b0lc1 = b0 === NONE ? NONE : st.lc1[b0];
  const b0lc2 = b0 === NONE ? NONE : st.lc2[b0];
  const dist = s0 !== NONE && b0 !== NONE ? bucket(b0 - s0) : 0;
  const s0vl = s0 === NONE ? 0 : Math.min(st.nLeft[s0], 3);
  const s0vr = s0 === NONE ? 0 : Math.min(st.nRight[s0], 3);
  const b0vl = b0 === NONE ? 0 : Math.min(st.nLeft[b0], 3);
  const s0s = s0 === NONE ? NONE_HASH : h.suffix[s0];
  const b0s = b0 === NONE ? NONE_HASH : h.suffix[b0];
  let n = 0;
  out[n++] = mix(1, 1);
  // Single positions.
  out[n++] = mix(2, s0w);
  out[n++] = mix(3, s0p);
  out[n++] = mix3(4, s0w, s0p);
  out[n++] = mix(5, s1w);
  out[n++] = mix(6, s1p);
  out[n++] = mix3(7, s1w, s1p);
  out[n++] = mix(8, s2p);
  out[n++] = mix(9, b0w);
  out[n++] = mix(10, b0p);
  out[n++] = mix3(11, b0w, b0p);
  out[n++] = mix(12, b1w);
  out[n++] = mix(13, b1p);
  out[n++] = mix3(14, b1w, b1p);
  out[n++] = mix(15, b2p);
  out[n++] = mix3(16, s0s, s0p);
  out[n++] = mix3(17, b0s, b0p);
  // Pairs of the stack's top and the buffer's front, and of the two stack items.
  out[n++] = mix3(18, mix(s0w, s0p), mix(b0w, b0p));
  out[n++] = mix3(19, mix(s0w, s0p), b0w);
  out[n++] = mix3(20, s0w, mix(b0w, b0p));
  out[n++] = mix3(21, mix(s0w, s0p), b0p);
  out[n++] = mix3(22, s0p, mix(b0w, b0p));
  out[n++] = mix3(23, s0w, b0w);
  out[n++] = mix3(24, s0p, b0p);
  out[n++] = mix3(25, b0p, b1p);
  out[n++] = mix3(26, s0p, s1p);
  out[n++] = mix3(27, s0w, s1w);
  out[n++] = mix3(28, mix(s0w, s0p), s1p);
  out[n++] = mix3(29, s0p, mix(s1w, s1p));
  // Triples of tags.
  out[n++] = mix3(30, mix(b0p, b1p), b2p);
  out[n++] = mix3(31, mix(s0p, b0p), b1p);
  out[n++] = mix3(32, mix(s1p, s0p), b0p);
  out[n++] = mix3(33, mix(s2p, s1p), s0p);
  out[n++] = mix3(34, mix(s0p, at(tags, s0lc1)), b0p);
  out[n++] = mix3(35, mix(s0p, at(tags, s0rc1)), b0p);
  out[n++] = mix3(36, mix(s0p, b0p), at(tags, b0lc1));
  out[n++] = mix3(37, mix(s1p, s0p), at(tags, s0lc1));
  out[n++] = mix3(38, mix(s1p, at(tags, s1rc1)), s0p);
  out[n++] = mix3(39, mix(s1p, at(tags, s1lc1)), s0p);
  out[n++] = mix3(40, mix(s1p, s0p), at(tags, s0rc1));
  // Distance and valency.
  out[n++] = mix3(41, s0w, dist);
  out[n++] = mix3(42, s0p, dist);
  out[n++] = mix3(43, b0w, dist);
  out[n++] = mix3(44, b0p, dist);
  out[n++] = mix3(45, mix(s0p, b0p), dist);
  out[n++] = mix3(46, mix(s0w, s0vl), s0vr);
  out[n++] = mix3(47, mix(s0p, s0vl), s0vr);
  out[n++] = mix3(48, b0w, b0vl);
  out[n++] = mix3(49, b0p, b0vl);
  // The outermost children: their words, tags and relations.
  out[n++] = mix(50, at(words, s0lc1));
  out[n++] = mix(51, at(tags, s0lc1));
  out[n++] = mix(52, relAt(rels, s0lc1));
  out[n++] = mix(53, at(words, s0rc1));
  out[n++] = mix(54, at(tags, s0rc1));
  out[n++] = mix(55, relAt(rels, s0rc1));
  out[n++] = mix(56, at(words, b0lc1));
  out[n++] = mix(57, at(tags, b0lc1));
  out[n++] = mix(58, relAt(rels, b0lc1));
  out[n++] = mix(59, relAt(rels, s1rc1));
  out[n++] = mix3(60, s0p, mix(relAt(rels, s0lc1), relAt(rels, s0lc2)));
  out[n++] = mix3(61, s0p, mix(relAt(rels, s0rc1), relAt(rels, s0rc2)));
  out[n++] = mix3(62, b0p, mix(relAt(rels, b0lc1), relAt(rels, b0lc2)));
  out[n++] = mix3(63, mix(s0w, s0p), mix(relAt(rels, s0lc1), relAt(rels, s0rc1)));
  out[n++] = mix3(64, mix(b0w, b0p), relAt(rels, b0lc1));
  out[n++] = mix3(65, s0p, at(tags, s0lc2));
  out[n++] = mix3(66, s0p, at(tags, s0rc2));
  out[n++] = mix3(67, b0p, at(tags, b0lc2));
  // Whether the buffer is empty (the root may take its dependent) and how deep the stack is.
  out[n++] = mix3(68, b0 === NONE ? 1 : 0, Math.min(st.sp, 4));
  return n;
}

/** Hashes the features of the relation on an arc from `head` to `dep` into `out`; returns how many. */
export function labelFeatures(st: ParseState, h: SentenceHashes, head: number, dep: number, out: Int32Array): number {
  const words = h.word;
  const tags = h.pos;
  const rels = st.labels;
  const hw = at(words, head), hp = at(tags, head), dw = at(words, dep), dp = at(tags, dep);
  const dir = head === 0 ? 2 : dep < head ? 0 : 1;
  const dist = head === 0 ? 0 : bucket(Math.abs(head - dep));
  const dsuf = h.suffix[dep];
  const next = dep + 1 <= st.n ? at(tags, dep + 1) : NONE_HASH;
  const prev = dep - 1 >= 1 ? at(tags, dep - 1) : NONE_HASH;
  let n = 0;
  out[n++] = mix(101, 1);
  out[n++] = mix3(102, dw, dir);
  out[n++] = mix3(103, dp, dir);
  out[n++] = mix3(104, mix(dw, dp), dir);
  out[n++] = mix3(105, hw, dir);
  out[n++] = mix3(106, hp, dir);
  out[n++] = mix3(107, mix(hw, hp), dir);
  out[n++] = mix3(108, mix(hp, dp), dir);
  out[n++] = mix3(109, mix(hw, dp), dir);
  out[n++] = mix3(110, mix(hp, dw), dir);
  out[n++] = mix3(111, mix(hw, dw), dir);
  out[n++] = mix3(112, mix(hp, dp), mix(dir, dist));
  out[n++] = mix3(113, mix(dsuf, dp), dir);
  out[n++] = mix3(114, mix(dp, relAt(rels, st.lc1[dep])), relAt(rels, st.rc1[dep]));
  out[n++] = mix3(115, mix(dp, at(tags, st.lc1[dep])), at(tags, st.rc1[dep]));
  out[n++] = mix3(116, mix(dp, hp), mix(relAt(rels, st.lc1[dep]), relAt(rels, st.rc1[dep])));
  out[n++] = mix3(117, mix(hp, dp), mix(prev, next));
  out[n++] = mix3(118, mix(dw, hp), relAt(rels, st.lc1[dep]));
  out[n++] = mix3(119, mix(hp, dp), mix(Math.min(st.nLeft[dep], 3), Math.min(st.nRight[dep], 3)));
  out[n++] = mix3(120, mix(hp, dp), relAt(rels, head === 0 ? NONE : st.lc1[head]));
  // The dependent's subtree is complete when its arc is made: its outer children's words (a case
  // marker, a determiner, "to") tell obl from nmod, xcomp from advcl. +0.3 EWT dev LAS.
  const lc = st.lc1[dep];
  const rc = st.rc1[dep];
  out[n++] = mix3(121, mix(dp, at(words, lc)), relAt(rels, lc));
  out[n++] = mix3(122, mix(dp, at(words, rc)), relAt(rels, rc));
  out[n++] = mix3(123, mix(hp, at(words, lc)), mix(dp, dir));
  out[n++] = mix3(124, mix(hw, at(words, lc)), dir);
  out[n++] = mix3(125, mix(dp, hp), mix(at(words, st.lc2[dep]), relAt(rels, st.lc2[dep])));
  out[n++] = mix3(126, mix(hw, dw), mix(hp, dp));
  return n;
}

/** The two models of the parser and the relation each label index names. */
export interface ParserModels {
  transitions: LinearModel;
  relations: LinearModel;
}

/**
 * The transition weights laid out beside their keys, 16 bytes a slot (the key, then one weight per
 * transition), in the slots of the model's own hash table. A feature then costs one memory access
 * instead of two (the slot, then its row of weights); the parser spends most of its time there.
 */
export class PackedTransitionWeights {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly scale: number;

  constructor(model: LinearModel) {
    if (model.nLabels !== 3) throw new ModelError(`the parser's transition model has ${model.nLabels} labels, not 3`);
    const table = model.table.slots;
    const size = table.length / 2;
    this.mask = model.table.mask;
    this.scale = model.scale;
    this.slots = new Int32Array(size * 4);
    for (let i = 0; i < size; i++) {
      const key = table[2 * i];
      if (key === 0) continue;
      const row = table[2 * i + 1] * 3;
      this.slots[4 * i] = key;
      this.slots[4 * i + 1] = model.weights[row];
      this.slots[4 * i + 2] = model.weights[row + 1];
      this.slots[4 * i + 3] = model.weights[row + 2];
    }
  }

  /** The three transitions' scores of a feature set, the same as LinearModel.score gives. */
  score(ids: Int32Array, n: number, out: Float64Array): void {
    const slots = this.slots;
    const mask = this.mask;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      const key = ids[j];
      let i = (key ^ (key >>> 16)) & mask;
      for (;;) {
        const k = slots[4 * i];
        if (k === key) {
          a += slots[4 * i + 1];
          b += slots[4 * i + 2];
          c += slots[4 * i + 3];
          break;
        }
        if (k === 0) break;
        i = (i + 1) & mask;
      }
    }
    out[0] = a * this.scale;
    out[1] = b * this.scale;
    out[2] = c * this.scale;
  }
}

/** Parses sentences with frozen models. */
export class DependencyParser {
  private readonly ids = new Int32Array(128);
  private readonly scores: Float64Array;
  private readonly labelSums: Int32Array;
  private readonly transitionWeights: PackedTransitionWeights;

  constructor(readonly models: ParserModels) {
    this.scores = new Float64Array(3);
    this.labelSums = new Int32Array(models.relations.nLabels);
    this.transitionWeights = new PackedTransitionWeights(models.transitions);
  }

  /**
   * The best relation but "root" for an arc's features. The int16 weights are summed as integers
   * and compared unscaled (the scale is positive, so the order, ties included, is the scaled
   * scores'). The root's arc never gets here.
   */
  private bestLabel(ids: Int32Array, n: number): number {
    const { table, weights, nLabels: L } = this.models.relations;
    const sums = this.labelSums;
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      const row = table.get(ids[j]);
      if (row < 0) continue;
      const base = row * L;
      for (let k = 1; k < L; k++) sums[k] += weights[base + k];
    }
    let best = 1;
    for (let k = 2; k < L; k++) if (sums[k] > sums[best]) best = k;
    return best;
  }

  /** The three transitions' scores of a state's features (a test may substitute its own). */
  protected scoreTransitions(ids: Int32Array, n: number, out: Float64Array): void {
    this.transitionWeights.score(ids, n, out);
  }

  parse(input: ParserInput): ParseResult {
    const n = input.words.length;
    const hashes = new SentenceHashes(input);
    const st = new ParseState(n);
    while (!st.done) {
      let best = onlyLegal(st);
      // A tenth of the transitions are forced (the first shift, the reductions once the buffer is empty): no scoring.
      if (best < 0) {
        const k = transitionFeatures(st, hashes, this.ids);
        this.scoreTransitions(this.ids, k, this.scores);
        for (let t = 0; t < 3; t++) if (st.can(t) && (best < 0 || this.scores[t] > this.scores[best])) best = t;
      }
      let label = 0;
      if (best !== SHIFT) {
        const [head, dep] = st.arcOf(best);
        // The root's dependent is always "root" (label 0 by construction of the label set, see trainParser).
        if (head !== 0) label = this.bestLabel(this.ids, labelFeatures(st, hashes, head, dep, this.ids));
      }
      st.apply(best, label);
    }
    const labels = this.models.relations.labels;
    const heads: number[] = new Array(n);
    const deprels: string[] = new Array(n);
    for (let i = 1; i <= n; i++) {
      heads[i - 1] = st.heads[i];
      deprels[i - 1] = labels[st.labels[i]];
    }
    return { heads, deprels, steps: st.steps };
  }
}

/** The one transition the state allows, or -1 when it allows more than one. */
function onlyLegal(st: ParseState): number {
  const shift = st.canShift();
  const left = st.canLeft();
  const right = st.canRight();
  if (shift && !left && !right) return SHIFT;
  if (right && !shift && !left) return RIGHT;
  if (left && !shift && !right) return LEFT;
  return -1;
}
