/**
 * Whether the text asserts a relation: a question ("Did X ever support you?"), a negation ("X did
 * not warn Y", "X denied that it warned Y", "unlike Greco, works for Red Hat") or a possibility or
 * plan ("X may attack Y", "X plans to buy Y", "if X wins") is kept with its evidence but is no
 * stated fact. Read on the dependency tree: the clause whose verb joins the two names, and the
 * clauses it is the complement of.
 */
import type { Doc, Factuality } from '../types.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can']);
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
  const children = childrenOf(doc);
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
  return childrenOf(doc)[t]?.find((c) => doc.deprels[c] === rel) ?? -1;
}

const childrenCache = new WeakMap<Doc, number[][]>();
/** Each token's dependents, built once per Doc: a sentence with many relations stays linear. */
function childrenOf(doc: Doc): number[][] {
  let children = childrenCache.get(doc);
  if (!children) {
    children = doc.tokens.map(() => []);
    doc.heads.forEach((h, t) => h >= 0 && children![h].push(t));
    childrenCache.set(doc, children);
  }
  return children;
}
