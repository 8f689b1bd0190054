/**
 * rdflib, the Python client most people use, against `newskg serve`'s SPARQL endpoint: SELECT, ASK,
 * CONSTRUCT and DESCRIBE through its SPARQLStore, over GET, POST and form POST, with JSON and XML
 * results (graphs as RDF/XML, which is what rdflib asks for), each answer compared with what the
 * same query gives locally. Needs Debian's python3-rdflib under /usr/bin/python3: without it the
 * tests are skipped, except in CI (CI set), where they fail.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { KnowledgeGraph, queryForm, type TermValue } from '../../src/query/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';

const PYTHON = '/usr/bin/python3';
const CLIENT = new URL('../fixtures/clients/rdflib_client.py', import.meta.url).pathname;
const ID = 'https://newskg.org/id/';
const rdflibFound = spawnSync(PYTHON, ['-c', 'import rdflib'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);
if (!rdflibFound && !inCi) console.warn('skipping tests/server/rdflib.test.ts: /usr/bin/python3 cannot import rdflib (apt-get install python3-rdflib); with CI set they fail instead');

const PREFIXES = 'PREFIX nkg: <https://newskg.org/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n';
const QUERIES: Record<string, string> = {
  select: `${PREFIXES}SELECT ?who ?whom WHERE { ?a nkg:warned ?b . ?a skos:prefLabel ?who . ?b skos:prefLabel ?whom }`,
  selectMany: `${PREFIXES}SELECT ?e ?label WHERE { ?e a nkg:Place ; skos:prefLabel ?label } ORDER BY ?label`,
  askTrue: `${PREFIXES}ASK { ?a nkg:warned ?b }`,
  askFalse: `${PREFIXES}ASK { ?a nkg:warned ?a }`,
  construct: `${PREFIXES}CONSTRUCT { ?a nkg:warned ?b . ?a skos:prefLabel ?l } WHERE { ?a nkg:warned ?b ; skos:prefLabel ?l }`,
  describe: `DESCRIBE <${ID}place/norway>`,
};

interface Answer {
  method: string;
  format: string;
  name: string;
  rows?: Record<string, string>[];
  boolean?: boolean;
  triples?: string[];
  error?: string;
}

const plain = (t: TermValue) => t.value;

describe.skipIf(!rdflibFound && !inCi)('rdflib (Debian python3-rdflib) as a client of the SPARQL endpoint', () => {
  let dir: string;
  let server: RunningServer;
  let answers: Answer[];
  let kg: KnowledgeGraph;

  beforeAll(async () => {
    expect(rdflibFound, `${PYTHON} cannot import rdflib: install python3-rdflib (.ci/run does in CI)`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'newskg-rdflib-'));
    await build({
      paths: [],
      articles: [
        { title: 'Storm', text: 'Norway warned Sweden of storms on Monday. Gunmen attacked a school in Bergen on Friday, killing three people.', published: '2021-03-16' },
        { title: 'Vrell', text: 'Tomas Vrell, the leader of the Halvard Front, spoke in Oslo on Tuesday.', published: '2021-04-02' },
      ],
      out: dir,
      base: ID,
      formats: ['trig', 'json'],
      workers: 0,
    });
    kg = await KnowledgeGraph.load(dir);
    server = await serve({ dir, port: 0 });
    const queries = Object.fromEntries(Object.entries(QUERIES).map(([name, query]) => [name, { form: queryForm(query), query }]));
    // Asynchronously: the server answering rdflib runs in this process.
    const { stdout } = await promisify(execFile)(PYTHON, [CLIENT, `${server.url}sparql`, JSON.stringify(queries)], { encoding: 'utf8', timeout: 60_000 });
    answers = JSON.parse(stdout) as Answer[];
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every method and format was asked, and none failed', () => {
    // SELECT and ASK: 3 methods × 2 formats × 4 queries; CONSTRUCT and DESCRIBE: 3 methods × XML × 2.
    expect(answers).toHaveLength(3 * 2 * 4 + 3 * 2);
    expect(answers.filter((a) => a.error)).toEqual([]);
    expect(new Set(answers.map((a) => a.method))).toEqual(new Set(['GET', 'POST', 'POST_FORM']));
  });

  test.each(['select', 'selectMany'])('%s: rdflib reads the rows the query gives locally', (name) => {
    const local = kg.sparql(QUERIES[name]);
    if (local.type !== 'select') throw new Error('not a select');
    const expected = local.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, plain(v)])));
    expect(expected.length).toBeGreaterThan(0);
    const got = answers.filter((a) => a.name === name);
    expect(got).toHaveLength(6);
    for (const a of got) expect(a.rows, `${a.method} ${a.format}`).toEqual(expected);
  });

  test.each([
    ['askTrue', true],
    ['askFalse', false],
  ] as const)('%s: rdflib reads %s', (name, value) => {
    const got = answers.filter((a) => a.name === name);
    expect(got).toHaveLength(6);
    for (const a of got) expect(a.boolean, `${a.method} ${a.format}`).toBe(value);
  });

  test.each(['construct', 'describe'])('%s: rdflib reads, as RDF/XML, the triples the query gives locally', (name) => {
    const expected = kg
      .serialise(QUERIES[name], 'application/n-triples')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/ \.$/, ''))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const got = answers.filter((a) => a.name === name);
    expect(got.map((a) => a.method)).toEqual(['GET', 'POST', 'POST_FORM']);
    for (const a of got) expect(a.triples, a.method).toEqual(expected);
  });
});
