/**
 * Relations the learned classifier (relation-model.ts) reads between the names of each sentence,
 * where no construction rule has already said how the two relate: who works for which body, who
 * lives where, where a body is based, which place is in which, who killed whom.
 */
import { PLACE_CLASSES, type Doc, type EntityClass, type ExtractedRelation, type RelationFamily, type TypedMention } from '../types.js';
import { NOUN_EVENT_TYPES } from './event-types.js';
import { wordSet } from './lexicon.js';
import { caseMarkers, classifyPairs, loadRelationModel, pathBetween, relationArgs, type RelationArg, type RelationLabel, type RelationModel } from './relation-model.js';

const FAMILY: Readonly<Record<Exclude<RelationLabel, 'None'>, RelationFamily>> = {
  Work_For: 'work',
  Live_In: 'live',
  OrgBased_In: 'located',
  Located_In: 'located',
  Kill: 'kill',
};

/**
 * The margin over "none" the graph asks (the trained threshold balances CoNLL04's F1; a stated fact
 * should be right far more often). Chosen on the seven seeds' facts files: relation precision 76% at 14, 72% at 12.
 */
export const GRAPH_MARGIN = 14;

const SETTLED: ReadonlySet<EntityClass> = new Set(['City', 'Region', 'Country']);
const FIRST_OR_SECOND_PERSON = /^(i|me|my|mine|we|us|our|you|your)$/i;
const PLACE_LIST_WORDS = new Set([',', 'and', 'or', '&']);

/**
 * Whether two places are items of one list ("attorneys general from Maine, New York, New Jersey
 * …", "from France, Mexico and Canada"), where "X, Y" says nothing of containment: an "and" or
 * "or" between them, or a further item of the list before or after the pair.
 */
function inPlaceList(doc: Doc, a: TypedMention, b: TypedMention, places: readonly TypedMention[]): boolean {
  const [l, r] = a.tokenStart < b.tokenStart ? [a, b] : [b, a];
  for (let t = l.tokenEnd; t < r.tokenStart; t++) if (/^(and|or|&)$/.test(doc.tokens[t].text)) return true;
  const itemAt = (t: number) => places.some((p) => p.tokenStart === t || p.tokenEnd === t + 1);
  const after = doc.tokens[r.tokenEnd]?.text;
  if (after !== undefined && PLACE_LIST_WORDS.has(after) && (itemAt(r.tokenEnd + 1) || (after === ',' && /^(and|or)$/.test(doc.tokens[r.tokenEnd + 1]?.text ?? '') && itemAt(r.tokenEnd + 2)))) return true;
  return doc.tokens[l.tokenStart - 1]?.text === ',' && itemAt(l.tokenStart - 2);
}

/** Verbs that say where someone lives or comes from; any other verb between a person and a place ("arrested in", "airlifted from", "made stops in") says where something happened. */
const RESIDENCE_VERBS = wordSet('live reside settle move relocate stay grow raise bear born hail return emigrate immigrate flee base');
/** A place introduced by these is no home: "Representative for Iran", "said to Wikinews", "per ABC News". */
const NOT_HOME_CASES = wordSet('for to toward towards against with over on about per via');
const NOT_EMPLOYER_CASES = wordSet('to toward towards against with per via from about over');

/** The case marker ("in", "of", "to") of an arg's head, else the preposition just before it (the parse may hang it elsewhere), lowercased. */
function caseOf(doc: Doc, arg: RelationArg, head: number): string | undefined {
  const marker = caseMarkers(doc, arg, head)[0];
  if (marker !== undefined) return doc.tokens[marker].text.toLowerCase();
  const before = arg.tokenStart - 1;
  return before >= 0 && /^(IN|TO)$/.test(doc.pos[before]) ? doc.tokens[before].text.toLowerCase() : undefined;
}

/**
 * Whether the construction joining a person and an organisation or place can say employment or
 * residence, whatever the classifier's margin: the place is not introduced by a preposition of
 * direction or address; for a home, the verb on the path (if any) is one of residence and no event
 * noun stands between ("the 2020 United States presidential election", "education in India").
 */
function constructionAllows(doc: Doc, label: RelationLabel, a: RelationArg, b: RelationArg): boolean {
  if (label !== 'Live_In' && label !== 'Work_For') return true;
  const path = pathBetween(doc, a, b);
  if (!path) return label === 'Work_For';
  const marker = caseOf(doc, b, path.hb);
  if (label === 'Work_For') return marker === undefined || !NOT_EMPLOYER_CASES.has(marker);
  if (marker !== undefined && NOT_HOME_CASES.has(marker)) return false;
  for (const t of path.via) {
    const lemma = doc.lemmas[t].toLowerCase();
    if (doc.pos[t].startsWith('VB') && !RESIDENCE_VERBS.has(lemma)) return false;
    if (doc.pos[t].startsWith('NN') && NOUN_EVENT_TYPES.has(lemma)) return false;
  }
  return true;
}

/** Relations between the typed mentions of each sentence (indices into `mentions`), skipping pairs that `existing` already relates. */
export function learnedRelations(doc: Doc, mentions: readonly TypedMention[], existing: readonly ExtractedRelation[], relationModel: RelationModel = loadRelationModel()): ExtractedRelation[] {
  const related = new Set(existing.flatMap((r) => (r.subjectMention !== undefined && r.objectMention !== undefined ? [`${r.sentenceIndex} ${Math.min(r.subjectMention, r.objectMention)} ${Math.max(r.subjectMention, r.objectMention)}`] : [])));
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentenceIndex);
    if (list) list.push(i);
    else bySentence.set(m.sentenceIndex, [i]);
  });
  const out: ExtractedRelation[] = [];
  for (const [si, indices] of bySentence) {
    // Demonyms stand for no entity in the graph, so they are no arguments here.
    const { named, args } = relationArgs(indices.map((i) => ({ ...mentions[i], index: i })), () => false);
    const sentencePlaces = indices.map((i) => mentions[i]).filter((m) => PLACE_CLASSES.has(m.class));
    for (const r of classifyPairs(relationModel.model, doc, args, Math.max(relationModel.minMargin, GRAPH_MARGIN))) {
      const subject = named[r.head].index;
      const object = named[r.tail].index;
      if (related.has(`${si} ${Math.min(subject, object)} ${Math.max(subject, object)}`)) continue;
      const [a, b] = [mentions[subject], mentions[object]];
      // An interviewer's "I" and "you" are not the article's people; a list of places is no containment.
      if (FIRST_OR_SECOND_PERSON.test(a.text) || FIRST_OR_SECOND_PERSON.test(b.text)) continue;
      if (r.label === 'Located_In' && inPlaceList(doc, a, b, sentencePlaces)) continue;
      // Where someone lives is a settlement, a region or a country the gazetteers know: a name the tagger alone calls a place ("Anderson Cooper, of CNN") is too often a body.
      if (r.label === 'Live_In' && !SETTLED.has(b.class)) continue;
      if (!constructionAllows(doc, r.label, args[r.head], args[r.tail])) continue;
      out.push({
        family: FAMILY[r.label],
        subjectMention: subject,
        objectMention: object,
        sentenceIndex: si,
        start: Math.min(a.start, b.start),
        end: Math.max(a.end, b.end),
        confidence: Math.round(100 / (1 + Math.exp(-r.margin / 4))) / 100,
        rule: `learned: ${r.label} (margin ${r.margin.toFixed(1)})`,
      });
    }
  }
  return out;
}
