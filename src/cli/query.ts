/** Output of `newskg query`, `entity` and `path`: aligned tables for people, standard formats for programs. */
import type { EntityInfo, RelationInfo, SparqlResult, TermValue } from '../query/index.js';

const shown = (t: TermValue | undefined) => (t === undefined ? '' : t.value);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => (r[c] ?? '').length))));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const lines = rows.map((r) => r.map((cell, c) => cut(cell.replace(/\s+/g, ' '), widths[c])).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return `${lines.join('\n')}\n`;
}

/** A SELECT or ASK result as an aligned table, a CONSTRUCT/DESCRIBE result as Turtle. */
export function formatResultTable(r: SparqlResult): string {
  if (r.type === 'ask') return `${r.boolean}\n`;
  if (r.type === 'graph') return r.turtle;
  if (!r.bindings.length) return `(no results)\n`;
  return table([r.variables, ...r.bindings.map((b) => r.variables.map((v) => shown(b[v])))]) + `${r.bindings.length} row${r.bindings.length === 1 ? '' : 's'}\n`;
}

export function formatEntity(e: EntityInfo, relations: RelationInfo[]): string {
  let out = `${e.label} (${e.class})\n  ${e.iri}\n`;
  if (e.aliases.length) out += `  also: ${e.aliases.join(', ')}\n`;
  out += `  mentions: ${e.mentionCount}\n`;
  if (relations.length) out += `\n${table([['subject', 'predicate', 'object', 'evidence'], ...relations.map((r) => [r.subject.label, r.predicate, r.object.label, r.evidence[0]?.sentenceText ?? ''])])}`;
  return out;
}
