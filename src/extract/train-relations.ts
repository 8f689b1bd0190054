/**
 * Training and scoring the relation classifier on CoNLL04. Training sees the gold names of each
 * sentence (so it learns relations, not the tagger's slips); scoring is end to end, from raw text
 * with newskg's own tagger and typing, where a relation counts only when both names' spans and
 * types and the relation's type are right (the strict setting of the CoNLL04 literature).
 */
import { analyze, mulberry32, PerceptronTrainer, type LinearModel } from '../nlp/index.js';
import type { Doc } from '../types.js';
import { readConll04, type GoldSentence } from './conll04.js';
import { candidatePairs, relationArgs, type RelationModel, classifyPairs, pairFeatures, RELATION_LABELS, type RelationArg, type RelationLabel } from './relation-model.js';
import { score, type Score } from './evaluate.js';
import { typeMentions, type PlaceLookup } from './typing.js';

/** The token range of a character span in the Doc (the tokens it covers). */
function tokenRange(doc: Doc, start: number, end: number): [number, number] | undefined {
  let a = -1;
  let b = -1;
  for (let t = 0; t < doc.tokens.length; t++) {
    const tok = doc.tokens[t];
    if (tok.end > start && tok.start < end) {
      if (a < 0) a = t;
      b = t + 1;
    }
  }
  return a < 0 ? undefined : [a, b];
}

interface TrainingSentence {
  doc: Doc;
  args: RelationArg[];
  /** The gold relation of each "head tail" pair of args. */
  gold: Map<string, RelationLabel>;
}

function trainingSentence(s: GoldSentence, analysed?: Doc): TrainingSentence {
  const doc = analysed ?? analyze(s.text);
  const index = new Map<number, number>();
  const args: RelationArg[] = [];
  s.entities.forEach((e, i) => {
    if (e.type === 'Other') return;
    const range = tokenRange(doc, e.start, e.end);
    if (!range) return;
    index.set(i, args.length);
    args.push({ tokenStart: range[0], tokenEnd: range[1], type: e.type });
  });
  const gold = new Map<string, RelationLabel>();
  for (const r of s.relations) if (index.has(r.head) && index.has(r.tail)) gold.set(`${index.get(r.head)} ${index.get(r.tail)}`, r.type);
  return { doc, args, gold };
}

/**
 * The same sentence with the names newskg's own tagger and typing find, each pair labelled with the
 * gold relation between the gold names it matches: the classifier also learns from the spans and
 * classes it will meet.
 */
function ownNamesSentence(s: GoldSentence, doc: Doc, places: PlaceLookup): TrainingSentence {
  const { named, args } = relationArgs(typeMentions(doc, places), places.isDemonym);
  const goldOf = new Map<string, number[]>();
  s.entities.forEach((e, i) => {
    const k = `${comparableName(s.text.slice(e.start, e.end), e.type)}/${e.type}`;
    goldOf.set(k, [...(goldOf.get(k) ?? []), i]);
  });
  const byPair = new Map(s.relations.map((r) => [`${r.head} ${r.tail}`, r.type]));
  const gold = new Map<string, RelationLabel>();
  named.forEach((h, i) =>
    named.forEach((t, j) => {
      if (i === j) return;
      for (const gh of goldOf.get(`${comparableName(h.text, args[i].type)}/${args[i].type}`) ?? [])
        for (const gt of goldOf.get(`${comparableName(t.text, args[j].type)}/${args[j].type}`) ?? []) {
          const label = byPair.get(`${gh} ${gt}`);
          if (label) gold.set(`${i} ${j}`, label);
        }
    }),
  );
  return { doc, args, gold };
}

export interface TrainRelationsOptions {
  /** Also learn from the names newskg finds itself (needs the gazetteers typing reads). */
  ownNames?: PlaceLookup;
  epochs?: number;
  seed?: number;
  log?: (msg: string) => void;
}

interface Example {
  sentence: TrainingSentence;
  /** Whether it is the sentence with newskg's own names (what scoring and the build meet). */
  own: boolean;
}

function perceptron(examples: Example[], epochs: number, seed: number, log?: (msg: string) => void): LinearModel {
  const trainer = new PerceptronTrainer(RELATION_LABELS);
  const random = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(RELATION_LABELS.length);
  let rows = new Int32Array(256);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let pairs = 0;
    for (const k of order) {
      const { doc, args, gold } = examples[k].sentence;
      for (const pair of candidatePairs(args)) {
        const ids = pairFeatures(doc, args[pair.head], args[pair.tail], pair.namesBetween);
        if (rows.length < ids.length) rows = new Int32Array(ids.length * 2);
        const n = trainer.rowsFor(ids, ids.length, rows);
        const yes = RELATION_LABELS.indexOf(pair.label);
        const truth = gold.get(`${pair.head} ${pair.tail}`) === pair.label ? yes : 0;
        trainer.score(rows, n, scores);
        const guess = scores[yes] > scores[0] ? yes : 0;
        trainer.count(rows, n);
        if (guess !== truth) {
          trainer.update(rows, n, truth, 1);
          trainer.update(rows, n, guess, -1);
          errors++;
        }
        trainer.c++;
        pairs++;
      }
    }
    log?.(`relations epoch ${epoch}: ${errors} errors in ${pairs} pairs`);
  }
  return trainer.freeze({ minCount: 1 });
}

/** The margin over "none" at which a relation is kept that gives the best F1 on held-out sentences with newskg's own names. */
function bestMargin(model: LinearModel, heldOut: Example[]): { margin: number; f1: number } {
  const found: { margin: number; right: boolean }[] = [];
  let gold = 0;
  for (const { sentence } of heldOut) {
    gold += sentence.gold.size;
    for (const r of classifyPairs(model, sentence.doc, sentence.args, -Infinity)) found.push({ margin: r.margin, right: sentence.gold.get(`${r.head} ${r.tail}`) === r.label });
  }
  let best = { margin: 0, f1: 0 };
  for (let m = -12; m <= 12; m += 0.5) {
    const kept = found.filter((f) => f.margin > m);
    const right = kept.filter((f) => f.right).length;
    const f1 = right ? (2 * right) / (kept.length + gold) : 0;
    if (f1 > best.f1) best = { margin: m, f1 };
  }
  return best;
}


/**
 * An averaged perceptron over the candidate pairs of CoNLL04's training sentences, each seen with
 * its gold names and (with `ownNames`) with newskg's own. The threshold is chosen on a fifth of
 * the training sentences held out, then the model is trained again on all of them.
 */
export function trainRelationModel(trainPath: string, opts: TrainRelationsOptions = {}): RelationModel {
  const examples: Example[] = readConll04(trainPath).flatMap((s) => {
    const doc = analyze(s.text);
    const own: Example[] = opts.ownNames ? [{ sentence: ownNamesSentence(s, doc, opts.ownNames), own: true }] : [];
    return [{ sentence: trainingSentence(s, doc), own: false }, ...own];
  });
  const epochs = opts.epochs ?? 12;
  const seed = opts.seed ?? 1201;
  // Hold out a fifth of the sentences (both readings of each together).
  const fold = (i: number) => (opts.ownNames ? Math.floor(i / 2) : i) % 5 === 4;
  const tuning = perceptron(examples.filter((_, i) => !fold(i)), epochs, seed);
  const heldOut = examples.filter((e, i) => fold(i) && (e.own || !opts.ownNames));
  const { margin, f1 } = bestMargin(tuning, heldOut);
  opts.log?.(`relations: margin ${margin} (held-out F1 ${(100 * f1).toFixed(1)}); training on all ${examples.length} readings`);
  return { model: perceptron(examples, epochs, seed, opts.log), minMargin: margin };
}

/** The same counts and percentages as the GUM scores. */
export type RelationScore = Score;

export interface RelationsReport {
  sentences: number;
  /** End to end: newskg's own names and classes, names compared after the conventions below. */
  byType: Record<string, RelationScore>;
  micro: RelationScore;
  /** The same with names compared character for character. */
  microExact: RelationScore;
  /** With the gold names given: the classifier alone. */
  goldNames: RelationScore;
}

/**
 * CoNLL04 writes titles into people's names ("President Lincoln", "Mrs. Higgins"), a sentence's
 * full stop into an abbreviation ("Conn."), and "City , State" as one place; newskg drops titles,
 * keeps the full stop apart and names the city and the state apart. A name is compared without
 * those, so the score measures the relations, not the conventions.
 */
const TITLE = /^(?:(?:the|president|vice president|prime minister|mr\.?|mrs\.?|ms\.?|dr\.?|prince|princess|king|queen|rev\.?|gen\.?|sen\.?|gov\.?|rep\.?|lt\.?|col\.?|capt\.?|sgt\.?|adm\.?|sir|lord|lady|archduke|pope|judge|justice|secretary|chairman)\s+)+/i;
export function comparableName(text: string, type: string): string {
  let name = text.replace(TITLE, '').replace(/\s*\.$/, '');
  if (type === 'Loc') name = name.replace(/\s*,.*$/, '');
  return name.replace(/\s+/g, ' ').trim();
}


/** Scores the relation model on a CoNLL04 file, end to end and with the gold names. */
export function evaluateRelations(path: string, places: PlaceLookup, { model, minMargin }: RelationModel): RelationsReport {
  const sentences = readConll04(path);
  const counts = new Map<string, [number, number, number]>();
  const bump = (type: string, g: number, p: number, c: number) => {
    const v = counts.get(type) ?? [0, 0, 0];
    counts.set(type, [v[0] + g, v[1] + p, v[2] + c]);
  };
  let goldNames: [number, number, number] = [0, 0, 0];
  let exact: [number, number, number] = [0, 0, 0];
  for (const s of sentences) {
    type Name = { start: number; end: number; type: string };
    const name = (a: Name) => `${comparableName(s.text.slice(a.start, a.end), a.type)}/${a.type}`;
    const key = (a: Name, b: Name, label: string) => `${label}\t${name(a)}\t${name(b)}`;
    const exactKey = (a: Name, b: Name, label: string) => `${label}\t${a.start}:${a.end}:${a.type}\t${b.start}:${b.end}:${b.type}`;
    const gold = new Set(s.relations.map((r) => key(s.entities[r.head], s.entities[r.tail], r.type)));
    const goldExact = new Set(s.relations.map((r) => exactKey(s.entities[r.head], s.entities[r.tail], r.type)));
    for (const g of gold) bump(g.split('\t')[0], 1, 0, 0);
    // End to end: the names newskg finds, typed as newskg types them.
    const doc = analyze(s.text);
    const { named, args } = relationArgs(typeMentions(doc, places), places.isDemonym);
    const pairs = classifyPairs(model, doc, args, minMargin).map((r) => {
      const [h, t] = [named[r.head], named[r.tail]];
      return [{ start: h.start, end: h.end, type: args[r.head].type }, { start: t.start, end: t.end, type: args[r.tail].type }, r.label] as const;
    });
    const found = new Set(pairs.map(([h, t, label]) => key(h, t, label)));
    for (const f of found) bump(f.split('\t')[0], 0, 1, gold.has(f) ? 1 : 0);
    const foundExact = new Set(pairs.map(([h, t, label]) => exactKey(h, t, label)));
    exact = [exact[0] + goldExact.size, exact[1] + foundExact.size, exact[2] + [...foundExact].filter((f) => goldExact.has(f)).length];
    // With the gold names: the classifier alone.
    const given = trainingSentence(s, doc);
    const predicted = classifyPairs(model, given.doc, given.args, minMargin);
    const right = predicted.filter((r) => given.gold.get(`${r.head} ${r.tail}`) === r.label).length;
    goldNames = [goldNames[0] + given.gold.size, goldNames[1] + predicted.length, goldNames[2] + right];
  }
  const byType = Object.fromEntries([...counts].sort().map(([t, [g, p, c]]) => [t, score(c, g, p)]));
  const total = [...counts.values()].reduce((a, v) => [a[0] + v[0], a[1] + v[1], a[2] + v[2]], [0, 0, 0]);
  return { sentences: sentences.length, byType, micro: score(total[2], total[0], total[1]), microExact: score(exact[2], exact[0], exact[1]), goldNames: score(goldNames[2], goldNames[0], goldNames[1]) };
}
