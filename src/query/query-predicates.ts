/**
 * Which predicates a SPARQL query can match: a triple pattern with a fixed predicate (or a path of
 * fixed predicates) matches only quads with that predicate, so a store holding just those quads
 * gives the query the same answer as the whole graph. Anything that can match any predicate — a
 * variable in predicate position, a negated property set, a zero-length path (p* and p? match every
 * node of the graph), DESCRIBE — needs the whole graph, and so does a query SPARQL.js cannot read
 * (the engine then reports the error).
 */
import sparqljs from 'sparqljs';

/** The predicates' IRIs, or 'all' when the query may need every quad. */
export type PredicateNeed = ReadonlySet<string> | 'all';

const ALL = Symbol('all');

export function predicatesOf(query: string): PredicateNeed {
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ skipUngroupedVariableCheck: true }).parse(query);
  } catch {
    return 'all';
  }
  if (parsed.type !== 'query' || parsed.queryType === 'DESCRIBE') return 'all';
  const found = new Set<string>();
  try {
    // The WHERE clause and everything nested in it (groups, OPTIONAL, UNION, MINUS, GRAPH,
    // sub-queries, EXISTS in filters); a CONSTRUCT template matches nothing, so it is not read.
    visit(parsed.where ?? [], found);
  } catch (err) {
    if (err === ALL) return 'all';
    throw err;
  }
  return found;
}

function visit(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, found);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (n.type === 'bgp') {
    for (const triple of n.triples as sparqljs.Triple[]) predicate(triple.predicate, found);
    return;
  }
  if (n.termType !== undefined) return;
  for (const [key, value] of Object.entries(n)) if (key !== 'template') visit(value, found);
}

function predicate(p: sparqljs.Triple['predicate'], found: Set<string>): void {
  if ('termType' in p) {
    if (p.termType !== 'NamedNode') throw ALL;
    found.add(p.value);
    return;
  }
  // A property path: sequences, alternatives, inverses and one-or-more keep to their IRIs.
  if (p.pathType === '*' || p.pathType === '?' || p.pathType === '!') throw ALL;
  for (const item of p.items) predicate(item as sparqljs.Triple['predicate'], found);
}
