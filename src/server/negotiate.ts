/**
 * HTTP content negotiation (RFC 9110 §12.5.1) for the SPARQL endpoint: which of the media types a
 * query can give best fits the client's Accept header.
 */

/** What a SELECT or ASK can be written as, the default first. */
export const RESULT_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'] as const;
/** What a CONSTRUCT or DESCRIBE can be written as, the default first. A constructed graph is a default graph, so TriG and N-Quads hold it too. */
export const GRAPH_TYPES = ['text/turtle', 'application/n-triples', 'application/rdf+xml', 'application/ld+json', 'application/trig', 'application/n-quads', 'text/n3'] as const;

/** Generic or older names clients send, read as the type they mean for this kind of result. */
const RESULT_ALIASES: Record<string, string> = { 'application/json': 'application/sparql-results+json', 'application/xml': 'application/sparql-results+xml', 'text/xml': 'application/sparql-results+xml' };
const GRAPH_ALIASES: Record<string, string> = {
  'application/json': 'application/ld+json',
  'application/xml': 'application/rdf+xml',
  'text/xml': 'application/rdf+xml',
  'text/plain': 'application/n-triples',
  'application/x-turtle': 'text/turtle',
  'application/turtle': 'text/turtle',
  'application/x-trig': 'application/trig',
  'text/x-nquads': 'application/n-quads',
  'text/rdf+n3': 'text/n3',
};

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) continue;
    const qParam = params.find((p) => /^q\s*=/.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/, ''));
    // A malformed q-value makes the range meaningless: it is skipped rather than guessed at.
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/**
 * The offered type the client prefers: each offered type takes the q-value of the most specific
 * range that matches it (exact type, then a generic alias, then type/*, then *\/*); the highest q
 * wins and ties go to the order of `offered`. No Accept header means the default (`offered[0]`);
 * undefined means nothing the client lists can be served (a 406).
 */
export function negotiate(accept: string | undefined, kind: 'results' | 'graph'): string | undefined {
  const offered: readonly string[] = kind === 'results' ? RESULT_TYPES : GRAPH_TYPES;
  const aliases = kind === 'results' ? RESULT_ALIASES : GRAPH_ALIASES;
  if (!accept?.trim()) return offered[0];
  const ranges = parseAccept(accept);
  let best: { type: string; q: number } | undefined;
  for (const type of offered) {
    const [major] = type.split('/');
    let found: { specificity: number; q: number } | undefined;
    for (const r of ranges) {
      const name = `${r.type}/${r.subtype}`;
      const specificity = name === type ? 3 : aliases[name] === type ? 2 : r.type === major && r.subtype === '*' ? 1 : name === '*/*' ? 0 : -1;
      if (specificity >= 0 && (!found || specificity > found.specificity)) found = { specificity, q: r.q };
    }
    if (found && found.q > 0 && (!best || found.q > best.q)) best = { type, q: found.q };
  }
  return best?.type;
}
