/**
 * SPARQL over a remote endpoint (any SPARQL 1.1 Protocol service: Virtuoso, Fuseki, GraphDB,
 * Oxigraph…): what `KnowledgeGraph.sparql` and `serialise` answer for a build folder, asked of a
 * store the build was pushed into. The query gets the ontology's prefixes as locally, and updates
 * are refused as locally; the store's default dataset is what the query sees (Virtuoso's, as
 * oxigraph's here, is the union of its graphs).
 */
import { StoreClient, countTurtleTriples, type StoreCredentials } from '../rdf/index.js';
import { QueryError } from '../errors.js';
import { literalValue, withPrefixes, type SparqlResult, type TermValue } from './knowledge-graph.js';
import { queryForm } from './sparql-text.js';

interface JsonTerm {
  type: 'uri' | 'bnode' | 'literal' | 'typed-literal';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

/** A SPARQL results JSON term as the local engine gives it. */
function termValue(t: JsonTerm): TermValue {
  if (t.type === 'uri') return { type: 'uri', value: t.value };
  if (t.type === 'bnode') return { type: 'bnode', value: t.value };
  return literalValue(t.value, t.datatype, t['xml:lang']);
}

export class SparqlEndpoint {
  private readonly client: StoreClient;

  constructor(
    readonly url: string,
    credentials: StoreCredentials = {},
  ) {
    this.client = new StoreClient(url, credentials, { retries: 2 });
  }

  /** The query's answer in `mediaType` as the endpoint writes it. */
  async serialise(query: string, mediaType: string): Promise<string> {
    const res = await this.client.request(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: mediaType },
      body: new URLSearchParams({ query: withPrefixes(query) }).toString(),
    });
    return res.text();
  }

  async sparql(query: string): Promise<SparqlResult> {
    const form = queryForm(query);
    if (form === 'construct' || form === 'describe') {
      const turtle = await this.serialise(query, 'text/turtle');
      return { type: 'graph', turtle, triples: countTurtleTriples(turtle, this.url) };
    }
    const text = await this.serialise(query, 'application/sparql-results+json');
    let json: { head?: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, JsonTerm>[] } };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new QueryError(`${this.url} did not answer with SPARQL results JSON: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    }
    if (typeof json.boolean === 'boolean') return { type: 'ask', boolean: json.boolean };
    const bindings = (json.results?.bindings ?? []).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, termValue(v)])));
    return { type: 'select', variables: json.head?.vars ?? [], bindings };
  }
}
