/**
 * A learned relation classifier over the entity pairs of a sentence: an averaged perceptron over
 * the dependency path between the two names, the words between them, their classes and heads,
 * trained on CoNLL04's news sentences (Work_For, Live_In, OrgBased_In, Located_In, Kill). Each
 * pair of classes allows one relation, so the model decides between it and none.
 */
import { defaultRelationModelPath, hashString, readLinearModelFile, writeLinearModelFile, type LinearModel } from '../nlp/index.js';
import { CATEGORY_OF, type Doc, type EntityClass } from '../types.js';
import { spanHead } from './sentence-view.js';

/** CoNLL04's entity types, as newskg's classes fall into them. */
export type RelationArgType = 'Peop' | 'Org' | 'Loc';
export const RELATION_LABELS = ['None', 'Work_For', 'Live_In', 'OrgBased_In', 'Located_In', 'Kill'] as const;
export type RelationLabel = (typeof RELATION_LABELS)[number];

/** The one relation each ordered pair of argument types may hold. */
const ALLOWED: Readonly<Record<string, RelationLabel>> = {
  'Peop>Org': 'Work_For',
  'Peop>Loc': 'Live_In',
  'Org>Loc': 'OrgBased_In',
  'Loc>Loc': 'Located_In',
  'Peop>Peop': 'Kill',
};

/** A typed mention's argument type; a demonym ("the Soviet news agency") stands for its country. */
export function argTypeOf(m: { class: EntityClass; text: string }, isDemonym: (w: string) => boolean): RelationArgType | undefined {
  const category = CATEGORY_OF[m.class];
  if (category === 'person') return 'Peop';
  if (category === 'organization') return 'Org';
  if (category === 'place' || (m.class === 'Other' && isDemonym(m.text))) return 'Loc';
  return undefined;
}

/** The args of a sentence's typed mentions (those that can hold a relation), with the mentions they come from. */
export function relationArgs<M extends { class: EntityClass; text: string; tokenStart: number; tokenEnd: number }>(mentions: readonly M[], isDemonym: (w: string) => boolean): { named: M[]; args: RelationArg[] } {
  const named: M[] = [];
  const args: RelationArg[] = [];
  for (const m of mentions) {
    const type = argTypeOf(m, isDemonym);
    if (!type) continue;
    named.push(m);
    args.push({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, type });
  }
  return { named, args };
}

export function allowedRelation(a: RelationArgType, b: RelationArgType): RelationLabel | undefined {
  return ALLOWED[`${a}>${b}`];
}

/** A name in a sentence as the classifier sees it: its token range and argument type. */
export interface RelationArg {
  tokenStart: number;
  tokenEnd: number;
  type: RelationArgType;
}


const MAX_PATH = 10;
const MAX_BETWEEN = 8;

/** The dependency path from token x to token y: relations up to their lowest common ancestor and down, and the ancestor. */
function depPath(doc: Doc, x: number, y: number): { up: number[]; down: number[]; lca: number } | undefined {
  const upX: number[] = [x];
  for (let t = x; doc.heads[t] >= 0 && upX.length <= MAX_PATH; ) upX.push((t = doc.heads[t]));
  const index = new Map(upX.map((t, i) => [t, i]));
  const upY: number[] = [y];
  for (let t = y; !index.has(t); ) {
    t = doc.heads[t];
    if (t < 0 || upY.length > MAX_PATH) return undefined;
    upY.push(t);
  }
  const lca = upY[upY.length - 1];
  return { up: upX.slice(0, index.get(lca)), down: upY.slice(0, -1).reverse(), lca };
}

/** The case markers of an arg whose head is `head` ("in", "of", "for"): they stand just before the name or inside it, so only those few tokens are read. */
export function caseMarkers(doc: Doc, arg: RelationArg, head: number): number[] {
  const out: number[] = [];
  for (let t = Math.max(0, arg.tokenStart - 3); t < arg.tokenEnd; t++) if (doc.heads[t] === head && doc.deprels[t] === 'case') out.push(t);
  return out;
}

/** The tokens the dependency path between two args passes through (their heads left out), its lowest common ancestor, and each arg's head. */
export function pathBetween(doc: Doc, a: RelationArg, b: RelationArg): { via: number[]; lca: number; ha: number; hb: number } | undefined {
  const ha = spanHead(doc, a.tokenStart, a.tokenEnd);
  const hb = spanHead(doc, b.tokenStart, b.tokenEnd);
  const path = depPath(doc, ha, hb);
  if (!path) return undefined;
  return { via: [...path.up.slice(1), path.lca, ...path.down.slice(0, -1)].filter((t) => t !== ha && t !== hb), lca: path.lca, ha, hb };
}

const lower = (doc: Doc, t: number) => (t >= 0 && t < doc.tokens.length ? doc.lemmas[t].toLowerCase() : '<s>');

/** The features of the ordered pair (a, b) in its sentence, as 32-bit ids; `others` counts names between them. */
export function pairFeatures(doc: Doc, a: RelationArg, b: RelationArg, namesBetween: number): Int32Array {
  const f: string[] = [];
  const tp = `${a.type}>${b.type}`;
  const aFirst = a.tokenStart < b.tokenStart;
  f.push('bias', `tp=${tp}`, `dir=${tp}:${aFirst}`);
  const ha = spanHead(doc, a.tokenStart, a.tokenEnd);
  const hb = spanHead(doc, b.tokenStart, b.tokenEnd);
  f.push(`ha=${lower(doc, ha)}`, `hb=${lower(doc, hb)}`);
  const [l, r] = aFirst ? [a, b] : [b, a];
  const gap = r.tokenStart - l.tokenEnd;
  f.push(`gap=${gap > 6 ? 'far' : gap}`, `names=${Math.min(namesBetween, 3)}`, `before=${lower(doc, l.tokenStart - 1)}`, `after=${lower(doc, r.tokenEnd)}`);
  if (gap <= MAX_BETWEEN) {
    for (let t = l.tokenEnd; t < r.tokenStart; t++) f.push(`bw=${lower(doc, t)}`);
    if (gap > 0) f.push(`b1=${lower(doc, l.tokenEnd)}`, `bl=${lower(doc, r.tokenStart - 1)}`, `bw+tp=${tp}:${doc.tokens.slice(l.tokenEnd, r.tokenStart).map((t) => t.text.toLowerCase()).join(' ')}`);
  }
  const path = depPath(doc, ha, hb);
  if (path) {
    const rels = [...path.up.map((t) => `${doc.deprels[t]}^`), ...path.down.map((t) => `${doc.deprels[t]}v`)];
    const via = [...path.up.slice(1), path.lca, ...path.down.slice(0, -1)].filter((t) => t !== ha && t !== hb);
    const lca = lower(doc, path.lca);
    f.push(`path=${rels.join(' ')}`, `path+tp=${tp}:${rels.join(' ')}`, `plen=${Math.min(rels.length, 6)}`, `lca=${lca}`, `lca+tp=${tp}:${lca}`);
    f.push(`lpath=${rels.join(' ')}:${via.map((t) => lower(doc, t)).join(' ')}`, `ppath=${tp}:${rels.join(' ')}:${doc.pos[path.lca]}`, `lcapos=${tp}:${doc.pos[path.lca]}:${doc.deprels[path.lca]}`);
    for (const t of via) f.push(`via=${lower(doc, t)}`, `via+tp=${tp}:${lower(doc, t)}`);
    // The case markers of the names ("in", "of", "for") say much of what a path means.
    for (const [side, arg, h] of [['a', a, ha], ['b', b, hb]] as const) {
      for (const t of caseMarkers(doc, arg, h)) f.push(`case=${side}:${lower(doc, t)}`);
    }
  } else f.push('nopath');
  const ids = new Int32Array(f.length);
  for (let i = 0; i < f.length; i++) ids[i] = hashString(f[i]) || 1;
  return ids;
}

/** A relation the classifier reads between two args of a sentence, with the margin it won by. */
export interface ClassifiedRelation {
  head: number;
  tail: number;
  label: Exclude<RelationLabel, 'None'>;
  margin: number;
}

/** How many partners of each side a name is paired with: a sentence of 200 names costs linear time. */
const PARTNERS = 4;

/** A candidate pair: head and tail (indices into the args), the one relation their types allow, and the names between them. */
export interface CandidatePair {
  head: number;
  tail: number;
  label: Exclude<RelationLabel, 'None'>;
  namesBetween: number;
}

/** The ordered pairs of a sentence's args that may hold a relation: each name with its nearest few partners, both ways. */
export function candidatePairs(args: readonly RelationArg[]): CandidatePair[] {
  const order = args.map((_, i) => i).sort((x, y) => args[x].tokenStart - args[y].tokenStart);
  const out: CandidatePair[] = [];
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j <= i + PARTNERS && j < order.length; j++) {
      for (const [head, tail] of [[order[i], order[j]], [order[j], order[i]]]) {
        const label = allowedRelation(args[head].type, args[tail].type);
        if (label && label !== 'None') out.push({ head, tail, label, namesBetween: j - i - 1 });
      }
    }
  }
  return out;
}

/** A relation the classifier reads between two args of a sentence, with the margin it won by. */
export interface ClassifiedRelation extends CandidatePair {
  margin: number;
}

/** The relations between the args of one sentence, kept when the relation beats none by `minMargin`. */
export function classifyPairs(model: LinearModel, doc: Doc, args: readonly RelationArg[], minMargin = 0): ClassifiedRelation[] {
  const out: ClassifiedRelation[] = [];
  const scores = new Float64Array(model.nLabels);
  for (const pair of candidatePairs(args)) {
    const ids = pairFeatures(doc, args[pair.head], args[pair.tail], pair.namesBetween);
    model.score(ids, ids.length, scores);
    const margin = scores[RELATION_LABELS.indexOf(pair.label)] - scores[0];
    if (margin > minMargin) out.push({ ...pair, margin });
  }
  return out;
}

/** What the features are; a model trained on other features is refused at load. */
export const RELATION_SIGNATURE = 'relations/v1:tp,dir,heads,gap,names,context,between,path,lca,via,case';

/** A relation model and the margin over "none" its training chose as the threshold. */
export interface RelationModel {
  model: LinearModel;
  minMargin: number;
}

function readRelationModel(path: string): RelationModel {
  const { model, info } = readLinearModelFile(path, RELATION_SIGNATURE);
  return { model, minMargin: typeof info.minMargin === 'number' ? info.minMargin : 0 };
}

let shipped: RelationModel | undefined;
/** The shipped relation model (src/nlp/models/newskg-en-relations.model), loaded once, or the one at `path`. */
export function loadRelationModel(path?: string): RelationModel {
  if (path) return readRelationModel(path);
  shipped ??= readRelationModel(defaultRelationModelPath());
  return shipped;
}

export function writeRelationModel(path: string, m: RelationModel, info: Record<string, unknown>): number {
  return writeLinearModelFile(path, m.model, RELATION_SIGNATURE, { ...info, minMargin: m.minMargin });
}
