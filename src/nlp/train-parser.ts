/**
 * Training the dependency parser: greedy arc-hybrid with a dynamic oracle (Goldberg & Nivre
 * 2013). At each step the transition model is updated when its choice would lose a gold arc that
 * another transition keeps; after the first epoch the parser follows its own choice (mostly), so it
 * learns to recover from its mistakes, as it must at parse time. The relation model learns on the
 * gold arcs the parser makes.
 */
import type { ConlluSentence } from './conllu.js';
import { universalRelation } from './evaluate-ud.js';
import { mulberry32 } from './hash.js';
import { PerceptronTrainer } from './linear.js';
import { DependencyParser, LEFT, ParseState, RIGHT, SHIFT, SentenceHashes, labelFeatures, transitionFeatures, type ParserInput, type ParserModels } from './parser.js';

/** A training sentence: words, the Penn tags the parser will see at parse time, the gold tree. */
export interface ParserSentence extends ParserInput {
  heads: readonly number[];
  deprels: readonly string[];
}

export interface ParserTrainSettings {
  epochs: number;
  /** Epoch from which the parser follows its own (possibly wrong) transitions. */
  exploreFrom: number;
  /** How often it follows its own choice then, rather than the oracle's. */
  exploreProbability: number;
  /** Relations rarer than this in training are written as their universal part ("obl:npmod" → "obl"). */
  minRelationCount: number;
  /** Features seen fewer times than these in training are dropped from the shipped models (they set its size). */
  minFeatureCount: number;
  minRelationFeatureCount: number;
  seed: number;
}

export const DEFAULT_PARSER_SETTINGS: ParserTrainSettings = { epochs: 10, exploreFrom: 1, exploreProbability: 0.9, minRelationCount: 20, minFeatureCount: 2, minRelationFeatureCount: 5, seed: 11 };

/**
 * The cost of each transition: how many gold arcs it makes unreachable (Goldberg & Nivre 2013,
 * arc-hybrid). Exact for projective trees, a close bound for the few non-projective ones.
 */
export function transitionCosts(st: ParseState, gold: readonly number[], out: Int32Array): void {
  const g = (k: number) => gold[k - 1];
  const s0 = st.s(0);
  const s1 = st.s(1);
  const b = st.b;
  const n = st.n;
  // Shift: the front can no longer take a head deeper in the stack, nor give one to anything in it.
  if (st.canShift()) {
    let c = 0;
    for (let k = 0; k < st.sp; k++) {
      const s = st.stack[k];
      if (s !== 0 && g(s) === b) c++;
      if (g(b) === s && s !== s0) c++;
    }
    out[SHIFT] = c;
  } else out[SHIFT] = 1 << 20;
  // Both arcs pop the top: its dependents still in the buffer are lost.
  let popped = 0;
  if (s0 > 0) for (let d = b; d <= n; d++) if (g(d) === s0) popped++;
  if (st.canLeft()) {
    const head = g(s0);
    out[LEFT] = popped + (head !== b && (head === s1 || head > b) ? 1 : 0);
  } else out[LEFT] = 1 << 20;
  if (st.canRight()) {
    const head = g(s0);
    out[RIGHT] = popped + (head !== s1 && head >= b ? 1 : 0);
  } else out[RIGHT] = 1 << 20;
}

/** The relation set: "root" first (the root's dependent always has it), then the others by name. */
export function relationLabels(sentences: readonly ParserSentence[], minCount: number): { labels: string[]; map: (rel: string) => string } {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const r of s.deprels) counts.set(r, (counts.get(r) ?? 0) + 1);
  const map = (rel: string) => (rel === 'root' || (counts.get(rel) ?? 0) >= minCount || !rel.includes(':') ? rel : rel.split(':')[0]);
  const labels = ['root', ...[...new Set([...counts.keys()].map(map))].filter((r) => r !== 'root').sort()];
  return { labels, map };
}

export interface ParserTrainResult {
  models: ParserModels;
  /** UAS and LAS on the dev sentences after each epoch (fractions). */
  dev: { epoch: number; uas: number; las: number }[];
}

export function trainParser(train: readonly ParserSentence[], dev: readonly ParserSentence[], settings: ParserTrainSettings = DEFAULT_PARSER_SETTINGS, log: (msg: string) => void = () => {}): ParserTrainResult {
  const { labels, map } = relationLabels(train, settings.minRelationCount);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const transitions = new PerceptronTrainer(['shift', 'left', 'right']);
  const relations = new PerceptronTrainer(labels);
  const rand = mulberry32(settings.seed);
  const ids = new Int32Array(128);
  const rows = new Int32Array(128);
  const scores = new Float64Array(3);
  const labelScores = new Float64Array(labels.length);
  const costs = new Int32Array(3);
  const order = train.map((_, i) => i);
  const history: ParserTrainResult['dev'] = [];
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    // A fixed shuffle per epoch: training is deterministic.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const explore = epoch >= settings.exploreFrom;
    let steps = 0;
    let mistakes = 0;
    for (const si of order) {
      const sentence = train[si];
      const gold = sentence.heads;
      const goldLabels = sentence.deprels.map((r) => labelIndex.get(map(r)) ?? 1);
      const hashes = new SentenceHashes(sentence);
      const st = new ParseState(sentence.words.length);
      while (!st.done) {
        const k = transitionFeatures(st, hashes, ids);
        const m = transitions.rowsFor(ids, k, rows);
        transitions.score(rows, m, scores);
        transitionCosts(st, gold, costs);
        let predicted = -1;
        let best = -1;
        for (let t = 0; t < 3; t++) {
          if (!st.can(t)) continue;
          if (predicted < 0 || scores[t] > scores[predicted]) predicted = t;
          if (best < 0 || costs[t] < costs[best] || (costs[t] === costs[best] && scores[t] > scores[best])) best = t;
        }
        if (epoch === 0) transitions.count(rows, m);
        if (costs[predicted] > costs[best]) {
          transitions.update(rows, m, best, 1);
          transitions.update(rows, m, predicted, -1);
          mistakes++;
        }
        transitions.tick();
        steps++;
        const taken = explore && costs[predicted] > costs[best] && rand() < settings.exploreProbability ? predicted : best;
        let label = 0;
        if (taken !== SHIFT) {
          const [head, dep] = st.arcOf(taken);
          if (head !== 0) {
            const lk = labelFeatures(st, hashes, head, dep, ids);
            const lm = relations.rowsFor(ids, lk, rows);
            relations.score(rows, lm, labelScores);
            let guess = 1;
            for (let c = 2; c < labels.length; c++) if (labelScores[c] > labelScores[guess]) guess = c;
            if (gold[dep - 1] === head) {
              const want = goldLabels[dep - 1] === 0 ? guess : goldLabels[dep - 1];
              if (epoch === 0) relations.count(rows, lm);
              if (guess !== want) {
                relations.update(rows, lm, want, 1);
                relations.update(rows, lm, guess, -1);
              }
              relations.tick();
              label = want;
            } else label = guess;
          }
        }
        st.apply(taken, label);
      }
    }
    const snapshot = { transitions: transitions.snapshot(), relations: relations.snapshot() };
    const scored = dev.length ? attachmentScores(new DependencyParser(snapshot), dev) : { uas: 0, las: 0 };
    history.push({ epoch: epoch + 1, ...scored });
    log(`parser epoch ${epoch + 1}: ${(100 * (1 - mistakes / Math.max(1, steps))).toFixed(2)}% oracle-agreeing transitions; dev UAS ${(100 * scored.uas).toFixed(2)} LAS ${(100 * scored.las).toFixed(2)}`);
  }
  const models = { transitions: transitions.freeze({ minCount: settings.minFeatureCount }), relations: relations.freeze({ minCount: settings.minRelationFeatureCount }) };
  return { models, dev: history };
}

/** UAS and LAS (universal relations, as CoNLL 2018 scores them) of a parser on gold-tokenised sentences. */
export function attachmentScores(parser: DependencyParser, sentences: readonly ParserSentence[]): { uas: number; las: number } {
  let words = 0;
  let uas = 0;
  let las = 0;
  for (const s of sentences) {
    const { heads, deprels } = parser.parse(s);
    for (let i = 0; i < heads.length; i++) {
      words++;
      if (heads[i] !== s.heads[i]) continue;
      uas++;
      if (universalRelation(deprels[i]) === universalRelation(s.deprels[i])) las++;
    }
  }
  return { uas: uas / Math.max(1, words), las: las / Math.max(1, words) };
}

/** Gold trees with the tags a tagger gives their words (the parser trains on what it will see). */
export function withPredictedTags(sentences: readonly ConlluSentence[], tag: (words: string[][]) => string[][]): ParserSentence[] {
  const out: ParserSentence[] = [];
  // In slices, so the tagger's document pass sees neighbouring sentences as an article would.
  for (let i = 0; i < sentences.length; i += 64) {
    const slice = sentences.slice(i, i + 64);
    const tags = tag(slice.map((s) => s.words));
    slice.forEach((s, k) => out.push({ words: s.words, pos: tags[k], heads: s.heads, deprels: s.deprels }));
  }
  return out;
}
