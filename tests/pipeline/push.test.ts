/**
 * `newskg push` into a real store (Debian's Virtuoso, which .ci/run installs), and
 * `query --endpoint` against it: the store holds exactly the build's quads, pushing twice (or
 * after an interrupted push) changes nothing, and the endpoint answers as the folder does.
 * The test starts Virtuoso if it is not running, and stops it again if it started it. Without
 * Virtuoso it is skipped, except under CI, where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, push } from '../../src/pipeline/index.js';
import { KnowledgeGraph, SparqlEndpoint, type SparqlResult } from '../../src/query/index.js';
import { StoreClient } from '../../src/rdf/index.js';
import { newskg } from '../helpers/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const SPARQL = 'http://127.0.0.1:8890/sparql';
const GSP = 'http://127.0.0.1:8890/sparql-graph-crud-auth';
const LOGIN = { user: 'dba', password: 'dba' };
const installed = existsSync('/usr/bin/virtuoso-t');
if (!installed && process.env.CI) throw new Error('tests/pipeline/push.test.ts needs Virtuoso (apt-get install virtuoso-opensource); .ci/run installs it');

// A base of this run's own, so that what other pushes left in the store is told apart.
const BASE = `https://newskg.test/${process.pid}-${Date.now()}/`;
const endpoint = new SparqlEndpoint(SPARQL);
const up = async () => {
  try {
    return (await fetch(`${SPARQL}?query=${encodeURIComponent('ASK {}')}`)).ok;
  } catch {
    return false;
  }
};
/** Quads in the store under this run's graphs. */
const storeQuads = async () => {
  const r = (await endpoint.sparql(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${BASE}")) }`)) as Extract<SparqlResult, { type: 'select' }>;
  return Number(r.bindings[0].n.value);
};
const rows = (r: SparqlResult) => (r.type === 'select' ? r.bindings.map((b) => r.variables.map((v) => b[v]?.value ?? '').join(' | ')) : [String(r)]);

let started = false;
let tmp: string;
let out: string;
let quads = 0;
let graphs: string[] = [];

describe.skipIf(!installed)('push into Virtuoso', () => {
  beforeAll(async () => {
    if (!(await up())) {
      execFileSync('service', ['virtuoso-opensource-7', 'start'], { stdio: 'ignore' });
      started = true;
      for (let i = 0; i < 120 && !(await up()); i++) await new Promise((r) => setTimeout(r, 500));
    }
    expect(await up()).toBe(true);
    tmp = mkdtempSync(join(tmpdir(), 'newskg-push-'));
    out = join(tmp, 'out');
    const result = await build({ paths: [join(root, 'seeds')], out, base: BASE, collect: true });
    quads = result.quads;
    graphs = [...new Set(result.dataset!.map((q) => q.graph.value))].map((g) => g || `${BASE}graph`);
  }, 120_000);

  afterAll(async () => {
    // Leave the store as it was: this run's graphs go.
    const client = new StoreClient(GSP, LOGIN);
    for (const g of graphs) await client.request(`${GSP}?graph=${encodeURIComponent(g)}`, { method: 'DELETE' }).catch(() => undefined);
    if (started) execFileSync('service', ['virtuoso-opensource-7', 'stop'], { stdio: 'ignore' });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  test('a push stores every quad of the build, one named graph per article and the build-wide ones in <base>graph; pushing again duplicates nothing', async () => {
    const first = await push({ dir: out, store: GSP, ...LOGIN, batchTriples: 500 });
    expect(first.defaultGraph).toBe(`${BASE}graph`);
    expect(first.graphs).toBe(graphs.length);
    expect(first.triples).toBe(quads);
    expect(first.requests).toBeGreaterThan(first.graphs); // the large graphs went in several requests
    expect(await storeQuads()).toBe(quads);
    await push({ dir: out, store: GSP, ...LOGIN });
    expect(await storeQuads()).toBe(quads);
  }, 120_000);

  test('a push cut short, run again, ends with the same store content', async () => {
    const stop = new Error('cut short');
    await expect(push({ dir: out, store: GSP, ...LOGIN, concurrency: 1, onGraph: (done) => { if (done === 5) throw stop; } })).rejects.toBe(stop);
    const again = await newskg(['push', out, '--store', GSP, '--user', LOGIN.user, '--password', LOGIN.password]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^pushed ${graphs.length} graphs \\(${quads} triples; build-wide ones into <${BASE}graph>\\)`));
    expect(await storeQuads()).toBe(quads);
  }, 120_000);

  test('query --endpoint gives the rows query --data gives', async () => {
    const local = await KnowledgeGraph.load(out);
    const queries = [
      `SELECT ?who ?whom ?sentence WHERE { ?a nkg:warned ?b . ?a skos:prefLabel ?who . ?b skos:prefLabel ?whom . ?st rdf:subject ?a ; rdf:predicate nkg:warned ; rdf:object ?b ; nkg:sentence [ nkg:anchorOf ?sentence ] . FILTER(STRSTARTS(STR(?a), "${BASE}")) } ORDER BY ?who ?whom ?sentence`,
      `SELECT ?event ?killed WHERE { ?st rdf:predicate nkg:deathCount ; rdf:subject ?e ; rdf:object ?killed . ?e skos:prefLabel ?event . FILTER(STRSTARTS(STR(?e), "${BASE}")) } ORDER BY DESC(?killed) ?event`,
      `SELECT ?name (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?m nkg:refersTo ?e . BIND(STRBEFORE(STR(?m), "#") AS ?article) ?e skos:prefLabel ?name . FILTER(STRSTARTS(STR(?e), "${BASE}")) } GROUP BY ?name ORDER BY DESC(?articles) ?name LIMIT 10`,
      // A mention's words: its span of the article's text, as README question 13 reads them.
      `SELECT ?m ?words WHERE { ?m nkg:refersTo ?e . ?e skos:prefLabel "Iraqi intelligence"@en . ?article schema:articleBody ?body . FILTER(STRSTARTS(STR(?m), CONCAT(STR(?article), "#char="))) BIND(xsd:integer(STRBEFORE(STRAFTER(STR(?m), "#char="), ",")) AS ?begin) BIND(xsd:integer(STRAFTER(STR(?m), ",")) AS ?end) BIND(SUBSTR(?body, ?begin + 1, ?end - ?begin) AS ?words) } ORDER BY ?m`,
    ];
    for (const q of queries) {
      const here = rows(local.sparql(q));
      expect(here.length, q).toBeGreaterThan(0);
      expect(rows(await endpoint.sparql(q)), q).toEqual(here);
    }
    const ask = `ASK { <${BASE}place/iraq> nkg:warned <${BASE}place/france> }`;
    expect(await endpoint.sparql(ask)).toEqual({ type: 'ask', boolean: true });
    // The CLI prints the same table from either.
    const table = (source: string[]) => newskg(['query', queries[0], ...source, '--format', 'table']);
    const [fromData, fromEndpoint] = await Promise.all([table(['--data', out]), table(['--endpoint', SPARQL])]);
    expect(fromEndpoint.code, fromEndpoint.stderr).toBe(0);
    expect(fromEndpoint.stdout).toBe(fromData.stdout);
  }, 120_000);

  test('a store that refuses the credentials, or is not there, is one line and a failure', async () => {
    await expect(push({ dir: out, store: GSP, user: 'dba', password: 'wrong' })).rejects.toThrow(/^newskg\/store: http:\/\/127\.0\.0\.1:8890\/sparql-graph-crud-auth: the store refused the credentials \(HTTP 401\)$/);
    const down = await newskg(['push', out, '--store', 'http://127.0.0.1:8899/gsp', '--user', 'dba', '--password', 'dba']);
    expect(down.code).not.toBe(0);
    expect(down.stderr.trim().split('\n').at(-1)).toMatch(/^newskg\/store: http:\/\/127\.0\.0\.1:8899\/gsp: cannot reach the store \(ECONNREFUSED\) after 4 attempts$/);
  }, 60_000);
});
