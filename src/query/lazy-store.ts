/**
 * The Oxigraph store of a built folder, filled only as queries need it. From the build's query
 * index, a query's store gets the quads of the predicates it can match (see query-predicates.ts);
 * what is loaded stays loaded, and more quads never change the answer of a query whose predicates
 * are all in. Without an index (a folder built before there was one, or a single RDF file) the
 * whole RDF file is loaded at the first query.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import oxigraph from 'oxigraph';
import { NewskgError } from '../errors.js';
import { QUERY_INDEX_FILE, QueryIndex } from '../rdf/index.js';
import type { PredicateNeed } from './query-predicates.js';

const MEDIA_TYPE: Record<string, string> = { '.trig': 'application/trig', '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.nq': 'application/n-quads' };

/** Where a folder's RDF is: its query index when that is at least as new as the RDF file, else the file. */
export function rdfSourceOf(dir: string): { index?: string; file?: string } {
  const file = ['graph.trig', 'graph.nt', 'graph.ttl'].map((f) => join(dir, f)).find(existsSync);
  const index = join(dir, QUERY_INDEX_FILE);
  // An index older than the RDF beside it belongs to an earlier build.
  if (existsSync(index) && (!file || statSync(index).mtimeMs >= statSync(file).mtimeMs)) return { index, file };
  return { file };
}

export class LazyStore {
  readonly store: oxigraph.Store;
  private complete: boolean;
  private readonly loaded = new Set<string>();

  constructor(
    private readonly source: { index?: string; file?: string } = {},
    quads?: string,
  ) {
    this.store = new oxigraph.Store();
    if (quads !== undefined) this.store.load(quads, { format: 'application/n-quads' });
    this.complete = !source.index && !source.file;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  /** The store with (at least) the quads a query with this need can match. */
  for(need: PredicateNeed): oxigraph.Store {
    if (this.complete) return this.store;
    if (need === 'all' || !this.source.index) return this.all();
    const missing = [...need].filter((p) => !this.loaded.has(p));
    if (missing.length) this.fromIndex(missing);
    return this.store;
  }

  /** The store with every quad. */
  all(): oxigraph.Store {
    if (this.complete) return this.store;
    if (this.source.index) this.fromIndex(undefined);
    else this.fromFile(this.source.file!);
    this.complete = true;
    return this.store;
  }

  private fromIndex(predicates: string[] | undefined): void {
    const path = this.source.index!;
    let index: QueryIndex;
    try {
      index = QueryIndex.open(path);
    } catch (err) {
      throw new NewskgError('query', `${path}: ${(err as Error).message.split('\n')[0]} (build the folder again)`);
    }
    try {
      for (const p of predicates ?? index.predicates) {
        if (this.loaded.has(p)) continue;
        // Our own output, written by the build: lenient skips re-validating every IRI.
        for (const block of index.blocks(p)) this.store.load(block, { format: 'application/n-quads', lenient: true, no_transaction: true });
        this.loaded.add(p);
      }
    } catch (err) {
      throw new NewskgError('query', `${path}: ${(err as Error).message.split('\n')[0]} (build the folder again)`);
    } finally {
      index.close();
    }
  }

  private fromFile(file: string): void {
    try {
      this.store.load(readFileSync(file, 'utf8'), { format: MEDIA_TYPE[extname(file)]! });
    } catch (err) {
      throw new NewskgError('query', `${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
}
