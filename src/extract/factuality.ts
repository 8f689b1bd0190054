/**
 * Whether the text asserts a relation: a question ("Did X ever support you?"), a negation ("X did
 * not warn Y", "X denied that it warned Y", "unlike Greco, works for Red Hat") or a possibility or
 * plan ("X may attack Y", "X plans to buy Y", "if X wins") is kept with its evidence but is no
 * stated fact. Read on the dependency tree: the clause whose verb joins the two names, and the
 * clauses it is the complement of.
 */
import type { Doc, Factuality } from '../types.js';
import { dependentsOf } from './sentence-view.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Modals of possibility and of the future: what "will" happen has not. */
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'will', 'shall']);
/** Verbs whose complement is not (yet) so: "plans to", "threatened to", "denied that". */
const PLANNING = new Set(['plan', 'threaten', 'want', 'hope', 'intend', 'try', 'seek', 'aim', 'propose', 'consider', 'expect', 'offer']);
const DENYING = new Set(['deny', 'reject', 'dispute']);
const CONDITIONS = new Set(['if', 'unless', 'whether']);
/** Relations that join a clause to the one above it, so what governs the upper one governs it too. */
const CLAUSAL = /^(xcomp|ccomp|csubj)/;
const MAX_CLIMB = 12;

/** The lowest common ancestor of two tokens, or -1. */
function commonAncestor(doc: Doc, x: number, y: number): number {
  const seen = new Set<number>();
  for (let t = x, k = 0; t >= 0 && k < MAX_CLIMB; t = doc.heads[t], k++) seen.add(t);
  for (let t = y, k = 0; t >= 0 && k < MAX_CLIMB; t = doc.heads[t], k++) if (seen.has(t)) return t;
  return -1;
}

/** How the text holds the fact between tokens x and y (the heads of its two arguments); undefined when it asserts it. */
export function factualityBetween(doc: Doc, sentenceIndex: number, x: number, y: number): Factuality | undefined {
  const s = doc.sentences[sentenceIndex];
  for (const arg of [x, y]) if (/^(unlike|except)$/i.test(doc.tokens[arg - 1]?.text ?? '') || /^(unlike|except)$/i.test(doc.lemmas[childOf(doc, arg, 'case')] ?? '')) return 'negated';
  const lca = commonAncestor(doc, x, y);
  // A fact a noun phrase holds ("Mosul, Iraq", "New Mexico governor Gary Johnson", "the mayor of X")
  // is taken for granted by whatever the clause around it says: only a clause's own fact can be denied or planned.
  if (lca < 0 || !/^VB/.test(doc.pos[lca])) return undefined;
  if (doc.text.slice(s.start, s.end).trimEnd().endsWith('?')) return 'question';
  // The words that join the two names (each name's way up to their common ancestor), then the clauses above.
  const path: number[] = [];
  for (const arg of [x, y]) for (let t = doc.heads[arg], k = 0; t >= 0 && t !== lca && k < MAX_CLIMB; t = doc.heads[t], k++) path.push(t);
  for (let t = lca, k = 0; t >= 0 && k < MAX_CLIMB; k++) {
    path.push(t);
    if (!CLAUSAL.test(doc.deprels[t])) break;
    t = doc.heads[t];
  }
  const children = dependentsOf(doc);
  for (const c of path.flatMap((t) => children[t])) {
    const lemma = doc.lemmas[c].toLowerCase();
    const rel = doc.deprels[c];
    if ((rel === 'advmod' || rel === 'det') && NEGATORS.has(lemma)) return 'negated';
    if (rel === 'aux' && MODALS.has(lemma)) return 'hypothetical';
    if (rel === 'mark' && CONDITIONS.has(lemma)) return 'hypothetical';
  }
  for (const t of path) {
    const head = doc.heads[t];
    if (head < 0) continue;
    const governor = doc.lemmas[head].toLowerCase();
    if (doc.deprels[t].startsWith('xcomp') && PLANNING.has(governor)) return 'hypothetical';
    if (doc.deprels[t].startsWith('ccomp') && DENYING.has(governor)) return 'negated';
  }
  return undefined;
}

function childOf(doc: Doc, t: number, rel: string): number {
  return dependentsOf(doc)[t]?.find((c) => doc.deprels[c] === rel) ?? -1;
}

/** Modifiers of an event noun that say it has not happened: "the planned trip", "a possible deal". */
const UNREALISED = new Set(['planned', 'proposed', 'possible', 'potential', 'future', 'expected', 'upcoming', 'prospective', 'rumoured', 'rumored', 'mooted', 'hypothetical', 'cancelled', 'canceled', 'failed', 'would-be']);

/** Verbs that report what their complement says happened. */
const REPORTING = new Set(['say', 'tell', 'announce', 'report', 'claim', 'state', 'confirm', 'add', 'reveal', 'allege', 'testify', 'write', 'insist', 'explain', 'note']);

/**
 * How the text holds the event predicate t reports: a verb's own clause, or for an event noun
 * the verb it is the object of ("denied the takeover", "plans a merger", "may face a trial").
 */
export function eventFactuality(doc: Doc, sentenceIndex: number, t: number): Factuality | undefined {
  if (/^VB/.test(doc.pos[t])) return factualityBetween(doc, sentenceIndex, t, t);
  // "the planned trip", "a possible merger", "the cancelled visit".
  for (const c of dependentsOf(doc)[t]) {
    const word = doc.tokens[c].text.toLowerCase();
    if (doc.deprels[c] === 'amod' && UNREALISED.has(word)) return word === 'cancelled' || word === 'canceled' || word === 'failed' ? 'negated' : 'hypothetical';
  }
  const verb = doc.heads[t];
  if (verb < 0 || !/^VB/.test(doc.pos[verb])) return undefined;
  const lemma = doc.lemmas[verb].toLowerCase();
  if (DENYING.has(lemma)) return 'negated';
  if (PLANNING.has(lemma)) return 'hypothetical';
  return factualityBetween(doc, sentenceIndex, verb, verb);
}

/** The subject token of the verb of saying whose complement holds predicate t ("X said that Y bought Z" → X), or -1. */
export function reporterOf(doc: Doc, t: number): number {
  for (let c = t, k = 0; k < 3 && doc.heads[c] >= 0; k++) {
    if (!/^(ccomp|parataxis|xcomp)/.test(doc.deprels[c])) return -1;
    c = doc.heads[c];
    if (REPORTING.has(doc.lemmas[c].toLowerCase())) return dependentsOf(doc)[c].find((d) => doc.deprels[d] === 'nsubj') ?? -1;
  }
  return -1;
}
