/**
 * Family ties and ownership, read from the dependency parse:
 * - a kinship noun between two people: "Trump's wife Melania", "Hunter Biden, the son of Joe
 *   Biden", "Mary Smith is the daughter of John Smith", "Joe Biden and his wife Jill";
 * - who owns a body: "X owns Y", "Y, owned by X", "Y, a subsidiary of X", "X's subsidiary Y",
 *   "Y's parent company X".
 * Each relation keeps the kinship noun (or "subsidiary") as its role.
 */
import { ORGANIZATION_CLASSES, type ExtractedRelation, type RelationFamily } from '../types.js';
import { UNSURE_PRONOUNS, wordSet } from './lexicon.js';
import { dependentsOf, type ArticleView } from './sentence-view.js';

/** Kinship nouns, singular and plural (the lemma is read, but a plural's lemma can be a tagging slip). */
const KIN = wordSet(
  'wife husband spouse widow widower son daughter child father mother parent brother sister sibling grandson granddaughter grandfather grandmother grandchild uncle aunt nephew niece cousin stepson stepdaughter stepfather stepmother fiance fiancee fiancé fiancée half-brother half-sister',
);
/** Nouns that say the noun's owner (its "of" or possessive) owns the named body: "a subsidiary of X". */
const OWNED_NOUNS = wordSet('subsidiary unit division affiliate');
/** Nouns that say the named body owns the noun's possessor: "Y's parent company X", "Y's owner X". */
const OWNER_NOUNS = wordSet('owner parent');
const OWNER_VERBS = wordSet('own');

export function familyAndOwnership(view: ArticleView): ExtractedRelation[] {
  const { doc, mentions } = view;
  const children = dependentsOf(doc);
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  /** The entity token x stands for (a name, or a pronoun resolved to one), or -1. */
  const entityAt = (x: number): number => {
    const m = view.at[x];
    if (m < 0) return -1;
    if (mentions[m].referring === 'pronoun' && UNSURE_PRONOUNS.has(mentions[m].text.toLowerCase())) return -1;
    return m;
  };
  const preposition = (c: number) => children[c].find((d) => doc.deprels[d] === 'case' && view.pos(d) !== 'POS');
  /** The possessor or "of" phrase of a noun: who the noun is relative to. */
  const anchorOf = (k: number): number => {
    for (const c of children[k]) {
      const r = doc.deprels[c];
      if (r === 'nmod:poss') return entityAt(c);
      if (r === 'nmod') {
        const p = preposition(c);
        if (p !== undefined && view.word(p) === 'of') return entityAt(c);
      }
    }
    return -1;
  };
  /** The name the noun at k describes: its apposition, the name it premodifies or is in apposition to, or a copula's subject. */
  const describedBy = (k: number, anchor: number): number => {
    for (const c of children[k]) {
      const r = doc.deprels[c];
      if (r === 'appos' || r === 'flat' || (r === 'nsubj' && children[k].some((d) => doc.deprels[d] === 'cop'))) {
        const m = entityAt(c);
        if (m >= 0 && m !== anchor) return m;
      }
    }
    const head = doc.heads[k];
    if (head >= 0 && /^(appos|compound)$/.test(doc.deprels[k])) {
      const m = entityAt(head);
      if (m >= 0 && m !== anchor) return m;
    }
    // "his wife Helena X", "her brother, Borna": the name right after the noun, however the parse hangs it.
    const next = view.word(k + 1) === ',' ? k + 2 : k + 1;
    const m = view.startingAt(next);
    return m >= 0 && m !== anchor && mentions[m].referring === undefined ? m : -1;
  };
  const add = (family: RelationFamily, subject: number, object: number, si: number, k: number, role: string, rule: string) => {
    const key = `${family} ${subject} ${object}`;
    if (subject === object || seen.has(key)) return;
    seen.add(key);
    const [a, b] = [mentions[subject], mentions[object]];
    const token = doc.tokens[k];
    out.push({ family, subjectMention: subject, objectMention: object, sentenceIndex: si, start: Math.min(a.start, b.start, token.start), end: Math.max(a.end, b.end, token.end), confidence: 0.75, rule, role });
  };
  const isBody = (m: number) => ORGANIZATION_CLASSES.has(mentions[m].class);
  const canOwn = (m: number) => isBody(m) || mentions[m].class === 'Person';

  doc.sentences.forEach((s, si) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (view.at[k] >= 0) continue;
      const word = view.word(k);
      const lemma = doc.lemmas[k].toLowerCase();
      const pos = view.pos(k);
      if (pos.startsWith('NN') && (KIN.has(lemma) || KIN.has(word))) {
        const anchor = anchorOf(k);
        if (anchor < 0 || mentions[anchor].class !== 'Person') continue;
        const relative = describedBy(k, anchor);
        if (relative < 0 || mentions[relative].class !== 'Person') continue;
        add('family', relative, anchor, si, k, lemma, `kinship noun "${lemma}"`);
      } else if (pos.startsWith('NN') && (OWNED_NOUNS.has(lemma) || OWNER_NOUNS.has(lemma))) {
        const anchor = anchorOf(k);
        if (anchor < 0) continue;
        const named = describedBy(k, anchor);
        if (named < 0) continue;
        // "a subsidiary of X": X owns the named body; "Y's parent company X": the named body owns Y.
        const [owner, owned] = OWNED_NOUNS.has(lemma) ? [anchor, named] : [named, anchor];
        if (canOwn(owner) && isBody(owned)) add('own', owner, owned, si, k, lemma, `ownership noun "${lemma}"`);
      } else if (pos.startsWith('VB') && OWNER_VERBS.has(lemma)) {
        // "X owns Y"; "Y, owned by X" (a participle on Y, or a passive).
        let owner = -1;
        let owned = -1;
        for (const c of children[k]) {
          const r = doc.deprels[c];
          if (r === 'nsubj') owner = entityAt(c);
          else if (r === 'obj' || r === 'nsubj:pass') owned = entityAt(c);
          else if (r === 'obl:agent' || (r === 'obl' && preposition(c) !== undefined && view.word(preposition(c)!) === 'by')) owner = entityAt(c);
        }
        if (owned < 0 && doc.deprels[k].startsWith('acl') && doc.heads[k] >= 0) owned = entityAt(doc.heads[k]);
        if (owner >= 0 && owned >= 0 && canOwn(owner) && isBody(owned)) add('own', owner, owned, si, k, 'owner', `verb "${lemma}"`);
      }
    }
  });
  return out;
}
