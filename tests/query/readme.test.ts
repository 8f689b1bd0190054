/**
 * The README's querying examples, run against a build of seeds/: every SPARQL question (with the
 * answers written after "# expect:"), the TypeScript, command-line and HTTP examples; the same
 * question through the API, the CLI and HTTP gives the same answer; bad queries get clear errors
 * and the server goes on serving.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { KnowledgeGraph, NotFoundError, QueryError } from '../../src/query/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Querying the graph'), readme.indexOf('## Library'));
const questions = [...section.matchAll(/```sparql\n([\s\S]*?)```/g)].map((m) => m[1]);
const shell = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].trim().split('\n'));
const cli = (args: string[]) => execFileSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], { encoding: 'utf8' });

let dir: string;
let kg: KnowledgeGraph;
let server: RunningServer;

function http(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newskg-query-'));
  await build({ paths: [join(root, 'seeds')], out: dir, base: 'https://newskg.org/id/', formats: ['trig', 'json'] });
  kg = await KnowledgeGraph.load(dir);
  server = await serve({ dir, port: 0, sparql: { timeoutMs: 1500 } });
}, 60_000);
afterAll(() => server?.close());

describe('the README querying examples', () => {
  test('there are thirteen questions, each with expected answers', () => {
    expect(questions).toHaveLength(13);
    for (const q of questions) expect(q).toMatch(/# expect: /);
  });

  test.each(questions.map((q, i) => [i + 1, q]))('question %i gives the answers the README says', (_n, q) => {
    const result = kg.sparql(q as string);
    expect(result.type).toBe('select');
    const values = result.type === 'select' ? result.bindings.flatMap((b) => Object.values(b).map((v) => v.value)) : [];
    const expected = /# expect: (.*)/.exec(q as string)![1].split('|').map((s) => s.trim());
    for (const e of expected) expect(values.some((v) => v.includes(e)), `${e} in ${JSON.stringify(values.slice(0, 20))}`).toBe(true);
  });

  test('the TypeScript examples do what their comments say', async () => {
    expect(kg.entity('iraq')).toMatchObject({ label: 'Iraq', class: 'Country', aliases: ['Iraqi'] });
    const warned = kg.relations({ subject: 'Iraq', predicate: 'warned' });
    expect(warned.map((r) => r.object.label)).toEqual(['France']);
    expect(warned[0].evidence[0].sentenceText).toContain('Iraq warned France');
    expect(kg.neighbors('ISIS', { depth: 2 }).map((n) => [n.label, n.distance])).toEqual(expect.arrayContaining([['Raqqa', 1], ['Syria', 2]]));
    const [path] = kg.paths('Abdeslam Salah', 'France');
    expect(path.nodes.map((n) => n.label)).toEqual(['Abdeslam Salah', 'Paris attacks', 'Paris', 'France']);
    expect(path.predicates).toEqual(['suspectIn', 'hasPlace', 'locatedIn']);
    const [attacks] = kg.events({ place: 'Paris' });
    expect(attacks).toMatchObject({ label: 'Paris attacks', earliest: '2015-11-09', latest: '2015-11-15', killed: 129 });
    const who = kg.sparql('SELECT ?who WHERE { ?who nkg:warned ?whom }');
    // Iraq ("Iraq warned France") and its intelligence service ("The officials said they warned France": coreference).
    expect(who.type === 'select' && who.bindings.map((b) => b.who.value).sort()).toEqual(['https://newskg.org/id/organization/iraq-intelligence', 'https://newskg.org/id/place/iraq']);
    expect(kg.sparql('ASK { ?a nkg:warned ?b }')).toEqual({ type: 'ask', boolean: true });
    const described = kg.sparql('DESCRIBE <https://newskg.org/id/person/bernard-bajolet>');
    expect(described.type === 'graph' && described.turtle).toContain('Bernard Bajolet');
    // The same graph from its Turtle alone (no graph.json): the graph is read back from the RDF.
    const turtleDir = mkdtempSync(join(tmpdir(), 'newskg-query-'));
    writeFileSync(join(turtleDir, 'graph.ttl'), kg.toTurtle());
    const fromTurtle = await KnowledgeGraph.load(join(turtleDir, 'graph.ttl'));
    expect(fromTurtle.relations({ subject: 'Iraq', predicate: 'warned' }).map((r) => r.object.label)).toEqual(['France']);
    expect(fromTurtle.entity('Iraqi').label).toBe('Iraq');
    const graphs = new Set(new Parser({ format: 'application/trig' }).parse(kg.toTriG()).map((q) => q.graph.value));
    expect([...graphs].filter((g) => g.startsWith('https://newskg.org/id/article/')).length).toBe(22);
    expect(() => kg.entity('Irqa')).toThrow(NotFoundError);
    expect(() => kg.entity('Irqa')).toThrow(/did you mean "Iraq"/);
    // Built in memory from articles, the same questions answer the same.
    const small = await KnowledgeGraph.build([{ text: 'Portugal warned Spain of floods on Tuesday.', published: '2021-03-16' }]);
    expect(small.relations({ predicate: 'warned' }).map((r) => `${r.subject.label} ${r.object.label}`)).toEqual(['Portugal Spain']);
  });

  test('every command-line example runs, and the query gives what the API gives', () => {
    const commands = shell.filter((l) => l.startsWith('npx newskg'));
    expect(commands).toHaveLength(3);
    for (const line of commands) {
      const args = [...line.slice('npx newskg '.length).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
      const out = cli([...args, '--data', dir]);
      expect(out.length).toBeGreaterThan(10);
    }
    const query = 'SELECT ?who ?whom WHERE { ?a nkg:warned ?b . ?a skos:prefLabel ?who . ?b skos:prefLabel ?whom }';
    const fromCli = JSON.parse(cli(['query', query, '--data', dir, '--format', 'json']));
    const fromApi = kg.sparql(query);
    expect(fromCli.results.bindings.map((b: Record<string, { value: string }>) => [b.who.value, b.whom.value])).toEqual(fromApi.type === 'select' ? fromApi.bindings.map((b) => [b.who.value, b.whom.value]) : []);
    const construct = 'CONSTRUCT { ?a nkg:warned ?b } WHERE { ?a nkg:warned ?b }';
    const jsonld = JSON.parse(cli(['query', construct, '--data', dir, '--format', 'jsonld']));
    expect(jsonld).toContainEqual({ '@id': 'https://newskg.org/id/place/iraq', 'https://newskg.org/ontology#warned': [{ '@id': 'https://newskg.org/id/place/france' }] });
    expect(cli(['query', construct, '--data', dir, '--format', 'json'])).toBe(cli(['query', construct, '--data', dir, '--format', 'jsonld']));
    expect(cli(['query', construct, '--data', dir, '--format', 'xml'])).toContain('rdf:about="https://newskg.org/id/place/iraq"');
    expect(() => execFileSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'query', construct, '--data', dir, '--format', 'csv'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/a CONSTRUCT or DESCRIBE result is written as table, ttl, nt, xml/);
    expect(cli(['path', 'Abdeslam Salah', 'France', '--data', dir])).toBe('Abdeslam Salah —suspectIn— Paris attacks —hasPlace— Paris —locatedIn— France\n');
  });

  test('the HTTP example gives the same answer as the API and the CLI, in each format', async () => {
    const curl = shell.find((l) => l.startsWith('curl'))!;
    const query = /query=(.*)'$/.exec(curl)![1];
    const csv = await http(`/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.body.trim().split(/\r?\n/);
    expect([header, ...rows.sort()]).toEqual(['who,whom', 'Iraq,France', 'Iraqi intelligence,France']);
    const json = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' }, body: query });
    expect(JSON.parse(json.body).results.bindings).toEqual(JSON.parse(cli(['query', query, '--data', dir, '--format', 'json'])).results.bindings);
    const xml = await http(`/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: 'application/sparql-results+xml' } });
    expect(xml.body).toContain('<literal xml:lang="en">France</literal>');
    const form = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/tab-separated-values' }, body: `query=${encodeURIComponent(query)}` });
    expect(form.body).toContain('"Iraq"@en\t"France"@en');
    const turtle = await http(`/sparql?query=${encodeURIComponent('CONSTRUCT { ?a nkg:warned ?b } WHERE { ?a nkg:warned ?b }')}`, { headers: { Accept: 'text/turtle' } });
    expect(turtle.body).toContain('<https://newskg.org/id/place/iraq> <https://newskg.org/ontology#warned> <https://newskg.org/id/place/france>');
  });
});

describe('bad queries', () => {
  test.each([
    ['a syntax error', 'SELECT ?x WHERE { ?x ', /does not parse/],
    ['an unknown prefix', 'SELECT ?x WHERE { ?x foo:bar ?y }', /foo/],
    ['an update', 'INSERT DATA { <a:b> <a:c> <a:d> }', /updates are refused/],
  ])('%s is a QueryError through the API', (_what, query, message) => {
    expect(() => kg.sparql(query)).toThrow(QueryError);
    expect(() => kg.sparql(query)).toThrow(message);
  });

  test('over HTTP: syntax errors, unknown prefixes, updates, a query that runs forever and a 10 MB body get clear errors; the server goes on', async () => {
    const q = (query: string) => http(`/sparql?query=${encodeURIComponent(query)}`);
    const syntax = await q('SELECT ?x WHERE { ?x ');
    expect(syntax.status).toBe(400);
    expect(JSON.parse(syntax.body).error).toMatch(/does not parse/);
    expect((await q('SELECT ?x WHERE { ?x foo:bar ?y }')).status).toBe(400);
    expect((await q('DELETE WHERE { ?a ?b ?c }')).status).toBe(403);
    expect((await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-update' }, body: 'INSERT DATA { <a:b> <a:c> <a:d> }' })).status).toBe(403);
    const forever = await q('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }');
    expect(forever.status).toBe(503);
    expect(JSON.parse(forever.body).error).toMatch(/ran longer than the 1\.5 s limit/);
    const huge = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: Buffer.alloc(10 * 1024 * 1024, 32) }).catch(() => ({ status: 413, body: '' }));
    expect(huge.status).toBe(413);
    // Still serving.
    expect((await q('ASK { ?a nkg:warned ?b }')).body).toContain('true');
    expect((await http('/api/graph')).status).toBe(200);
  }, 30_000);
});
