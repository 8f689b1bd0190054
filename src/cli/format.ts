/** Plain-text rendering of a tagged document for `newskg tag`. */
import { prf, type CorefScores, type FactsReport, type RelationScore, type RelationsReport, type Tally } from '../pipeline/index.js';
import type { Article, Doc } from '../types.js';

/** One line per sentence with entities in [brackets]/TYPE, then an entity summary. */
export function formatDoc(article: Article, doc: Doc): string {
  const lines: string[] = [`# ${article.origin}: ${doc.sentences.length} sentences, ${doc.tokens.length} tokens, ${doc.mentions.length} entity mentions`];
  if (article.title) lines.push(`# title: ${article.title}`);
  if (article.published) lines.push(`# published: ${article.published}${article.publishedInferred ? ' (inferred from the text)' : ''}`);
  let m = 0;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    let out = '';
    let cursor = s.start;
    while (m < doc.mentions.length && doc.mentions[m].sentenceIndex === si) {
      const mention = doc.mentions[m++];
      out += doc.text.slice(cursor, mention.start) + `[${mention.text}]/${mention.tag}`;
      cursor = mention.end;
    }
    out += doc.text.slice(cursor, s.end);
    lines.push(out.replace(/\s+/g, ' '));
  }
  const counts = new Map<string, { tag: string; text: string; n: number }>();
  for (const mention of doc.mentions) {
    const key = `${mention.tag}\t${mention.text}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { tag: mention.tag, text: mention.text, n: 1 });
  }
  lines.push('', '## entities');
  for (const c of [...counts.values()].sort((a, b) => a.tag.localeCompare(b.tag) || b.n - a.n || a.text.localeCompare(b.text))) {
    lines.push(`${c.tag}\t${c.text}${c.n > 1 ? `\t×${c.n}` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, t: Tally) => {
  const { precision, recall, f1 } = prf(t);
  return `${name.padEnd(12)} precision ${pct(precision).padStart(6)}  recall ${pct(recall).padStart(6)}  F1 ${pct(f1).padStart(6)}  (gold ${t.gold}, found ${t.predicted}, correct ${t.correct})\n`;
};

/** The facts evaluation as text: one block per file, then the totals and per-family and slot scores. */
export function formatFactsReport(reports: FactsReport[], total: Pick<FactsReport, 'relations' | 'events' | 'slots' | 'sources' | 'posts' | 'byFamily'>, verbose: boolean): string {
  let out = '';
  for (const r of reports) {
    out += `${r.article}\n  ${line('relations', r.relations)}  ${line('events', r.events)}  ${line('sources', r.sources)}`;
    if (verbose) {
      for (const m of r.missed) out += `    missed:   ${m}\n`;
      for (const s of r.spurious) out += `    spurious: ${s}\n`;
    }
  }
  out += `\nall ${reports.length} files\n  ${line('relations', total.relations)}  ${line('events', total.events)}  ${line('sources', total.sources)}  ${line('posts', total.posts)}`;
  out += '  relations by family:\n';
  for (const [family, t] of Object.entries(total.byFamily).sort()) out += `    ${line(family, t)}`;
  out += '  event slots of matched events (correct / gold):\n';
  for (const [slot, t] of Object.entries(total.slots)) out += `    ${slot.padEnd(8)} ${t.correct}/${t.gold}${t.gold ? ` (${pct(t.correct / t.gold)})` : ''}\n`;
  return out;
}

/** Coreference scores, one metric a line. */
export function formatCorefScores(s: CorefScores): string {
  const line = (name: string, m: { precision: number; recall: number; f1: number }) => `${name.padStart(9)}: precision ${m.precision.toFixed(2).padStart(6)}%; recall ${m.recall.toFixed(2).padStart(6)}%; F1 ${m.f1.toFixed(2).padStart(6)}\n`;
  return `${line('MUC', s.muc)}${line('B³', s.b3)}${line('CEAF-e', s.ceafe)}${'CoNLL'.padStart(9)}: F1 ${s.conll.toFixed(2)} (mean of the three)\n${line('pairwise', s.pairwise)}`;
}

/** The relation scores: per type and micro-averaged end to end, then exact spans and the classifier alone on the gold names. */
export function formatRelationsReport(r: RelationsReport): string {
  const line = (name: string, s: RelationScore) => `${name.padStart(24)}: precision ${s.precision.toFixed(2).padStart(6)}%; recall ${s.recall.toFixed(2).padStart(6)}%; F1 ${s.f1.toFixed(2).padStart(6)}  (gold ${s.gold}, found ${s.predicted}, correct ${s.correct})\n`;
  return [
    'end to end (newskg\'s own names and classes; names compared without titles, a final full stop, or a place\'s ", State"):\n',
    ...Object.entries(r.byType).map(([t, s]) => line(t, s)),
    line('micro', r.micro),
    line('micro, exact spans', r.microExact),
    line('gold names given', r.goldNames),
  ].join('');
}
