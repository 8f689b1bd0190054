/**
 * The SPARQL endpoint over a small built folder, behind a bare HTTP server: content negotiation,
 * the refusals (403 update, 406, 413, 415, 400, 405), and limits (a query past timeoutMs is
 * stopped and the next one is answered; the queue). Needs the compiled query worker (dist/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, SparqlService, type SparqlLimits } from '../../src/server/sparql.js';
import { build } from '../../src/pipeline/index.js';

const ID = 'https://newskg.org/id/';
const SELECT = 'SELECT ?who ?whom WHERE { ?a nkg:warned ?b . ?a skos:prefLabel ?who . ?b skos:prefLabel ?whom }';
const CONSTRUCT = 'CONSTRUCT { ?a nkg:warned ?b } WHERE { ?a nkg:warned ?b }';
const FOREVER = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

interface Reply {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let dir: string;
const running: { server: Server; endpoint: SparqlService; port: number }[] = [];

/** An HTTP server on a free port that hands every request to a SparqlService with these limits. */
async function endpointWith(limits: Partial<SparqlLimits>, { ready = false } = {}): Promise<(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer }) => Promise<Reply>> {
  const endpoint = new SparqlService(dir, { ...DEFAULT_LIMITS, ...limits });
  if (ready) await endpoint.ready();
  const server = createServer((req, res) => void endpoint.handle(req, res, { 'X-Frame-Options': 'DENY' }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  running.push({ server, endpoint, port });
  return (path, init = {}) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
}

let http: Awaited<ReturnType<typeof endpointWith>>;
const get = (query: string, accept?: string) => http(`/sparql?query=${encodeURIComponent(query)}`, { headers: accept ? { Accept: accept } : {} });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newskg-sparql-'));
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
  http = await endpointWith({ maxQueryBytes: 4096, timeoutMs: 10_000 });
}, 60_000);
afterAll(async () => {
  for (const { server, endpoint } of running) {
    endpoint.close();
    await new Promise((r) => server.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('content negotiation', () => {
  test.each([
    [undefined, 'application/sparql-results+json'],
    ['application/sparql-results+json', 'application/sparql-results+json'],
    ['application/json', 'application/sparql-results+json'],
    ['application/sparql-results+xml', 'application/sparql-results+xml'],
    ['text/xml', 'application/sparql-results+xml'],
    ['text/csv', 'text/csv'],
    ['text/tab-separated-values', 'text/tab-separated-values'],
    ['*/*', 'application/sparql-results+json'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0.4, application/sparql-results+xml;q=0.9', 'application/sparql-results+xml'],
    ['text/turtle, text/csv;q=0.1', 'text/csv'],
    ['application/sparql-results+xml;q=0, text/tab-separated-values', 'text/tab-separated-values'],
  ])('a SELECT with Accept %s is answered as %s', async (accept, type) => {
    const r = await get(SELECT, accept);
    expect(r.status).toBe(200);
    expect(r.type).toBe(`${type}; charset=utf-8`);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  test('each result format holds the answer', async () => {
    const json = JSON.parse((await get(SELECT, 'application/sparql-results+json')).body);
    expect(json.head.vars).toEqual(['who', 'whom']);
    expect(json.results.bindings).toEqual([{ who: { type: 'literal', value: 'Norway', 'xml:lang': 'en' }, whom: { type: 'literal', value: 'Sweden', 'xml:lang': 'en' } }]);
    expect((await get(SELECT, 'application/sparql-results+xml')).body).toContain('<literal xml:lang="en">Sweden</literal>');
    expect((await get(SELECT, 'text/csv')).body.trim().split(/\r?\n/)).toEqual(['who,whom', 'Norway,Sweden']);
    expect((await get(SELECT, 'text/tab-separated-values')).body.trim().split(/\r?\n/)).toEqual(['?who\t?whom', '"Norway"@en\t"Sweden"@en']);
    expect(JSON.parse((await get('ASK { ?a nkg:warned ?b }')).body).boolean).toBe(true);
  });

  test.each([
    [undefined, 'text/turtle'],
    ['text/turtle', 'text/turtle'],
    ['application/n-triples', 'application/n-triples'],
    ['text/plain', 'application/n-triples'],
    ['text/*', 'text/turtle'],
    ['application/*', 'application/n-triples'],
    ['application/rdf+xml', 'application/rdf+xml'],
    ['application/sparql-results+xml, application/rdf+xml', 'application/rdf+xml'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/ld+json'],
    ['application/trig', 'application/trig'],
    ['application/n-quads', 'application/n-quads'],
    ['text/n3', 'text/n3'],
    ['text/turtle;q=0.5, application/rdf+xml;q=0.8', 'application/rdf+xml'],
    ['text/*;q=0.9, text/turtle;q=0.1', 'text/n3'],
    ['image/png, application/ld+json;q=0.2', 'application/ld+json'],
    ['text/turtle; charset=utf-8', 'text/turtle'],
    ['*/*;q=0.1, application/n-quads', 'application/n-quads'],
  ])('a CONSTRUCT with Accept %s is answered as %s, with the triple', async (accept, type) => {
    const r = await get(CONSTRUCT, accept);
    expect(r.status).toBe(200);
    expect(r.type).toBe(`${type}; charset=utf-8`);
    expect(r.body).toMatch(/newskg\.org\/id\/place\/norway/);
    expect(r.body).toMatch(/warned/);
  });

  test('each graph format holds the triple', async () => {
    const line = `<${ID}place/norway> <https://newskg.org/ontology#warned> <${ID}place/sweden>`;
    for (const type of ['text/turtle', 'application/n-triples', 'application/trig', 'application/n-quads', 'text/n3']) expect((await get(CONSTRUCT, type)).body).toContain(line);
    const jsonld = JSON.parse((await get(CONSTRUCT, 'application/ld+json')).body);
    expect(jsonld).toEqual([{ '@id': `${ID}place/norway`, 'https://newskg.org/ontology#warned': [{ '@id': `${ID}place/sweden` }] }]);
    const xml = (await get(CONSTRUCT, 'application/rdf+xml')).body;
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain(`rdf:about="${ID}place/norway"`);
    expect(xml).toContain(`rdf:resource="${ID}place/sweden"`);
  });

  test('a DESCRIBE is negotiated as a graph', async () => {
    const r = await get(`DESCRIBE <${ID}place/norway>`, 'application/rdf+xml');
    expect([r.status, r.type]).toEqual([200, 'application/rdf+xml; charset=utf-8']);
    expect(r.body).toContain(`rdf:about="${ID}place/norway"`);
  });

  test.each([
    [SELECT, 'text/turtle', 'application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values'],
    [CONSTRUCT, 'application/sparql-results+json', 'text/turtle, application/n-triples, application/rdf+xml, application/ld+json, application/trig, application/n-quads, text/n3'],
    [SELECT, 'image/png, text/csv;q=0', 'application/sparql-results+json'],
    [SELECT, 'text/csv;q=bad', 'application/sparql-results+json'],
  ])('406 when nothing acceptable is offered (%#)', async (query, accept, offered) => {
    const r = await get(query, accept);
    expect(r.status).toBe(406);
    expect(JSON.parse(r.body).error).toContain(`no acceptable format: this query gives ${offered}`);
  });

  test('HEAD answers the headers without a body', async () => {
    const r = await http(`/sparql?query=${encodeURIComponent(SELECT)}`, { method: 'HEAD', headers: { Accept: 'text/csv' } });
    expect([r.status, r.type, r.body]).toEqual([200, 'text/csv; charset=utf-8', '']);
  });
});

describe('POST', () => {
  test('a sparql-query body and a form are both queries', async () => {
    const body = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query; charset=utf-8', Accept: 'text/csv' }, body: SELECT });
    expect([body.status, body.body.trim().split(/\r?\n/)[1]]).toEqual([200, 'Norway,Sweden']);
    const form = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/csv' }, body: `query=${encodeURIComponent(SELECT)}` });
    expect([form.status, form.body.trim().split(/\r?\n/)[1]]).toEqual([200, 'Norway,Sweden']);
  });

  test('a query with a multi-byte character in it is decoded whole', async () => {
    const r = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query', Accept: 'text/csv' }, body: Buffer.from('SELECT ?x WHERE { BIND("Tromsø ✓" AS ?x) }') });
    expect(r.body.trim().split(/\r?\n/)).toEqual(['x', 'Tromsø ✓']);
  });

  test('413 for a body over maxQueryBytes', async () => {
    const r = await http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: `${SELECT}${' '.repeat(5000)}` });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toBe('the request body is larger than 4096 bytes');
  });

  test.each(['text/plain', 'application/json', ''])('415 for a POST of type %j', async (type) => {
    const r = await http('/sparql', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body: SELECT });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).error).toMatch(/application\/sparql-query/);
  });
});

describe('refusals', () => {
  test.each([
    ['GET ?update=', () => http(`/sparql?update=${encodeURIComponent('CLEAR ALL')}`)],
    ['GET an update as ?query=', () => get('INSERT DATA { <urn:a> <urn:b> <urn:c> }')],
    ['GET DELETE WHERE', () => get('DELETE WHERE { ?a ?b ?c }')],
    ['POST sparql-update', () => http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/sparql-update' }, body: 'CLEAR ALL' })],
    ['POST a form with update=', () => http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'update=CLEAR%20ALL' })],
  ])('403 for %s', async (_what, send) => {
    const r = await send();
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ error: 'updates are refused: this endpoint is read-only' });
    expect(r.type).toBe('application/json; charset=utf-8');
  });

  test.each([
    ['no query parameter', () => http('/sparql'), /^no query/],
    ['an empty query', () => get(''), /^no query/],
    ['a form without query=', () => http('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=x' }), /^no query/],
    ['text that is no query', () => get('hello there'), /^not a SELECT, ASK, CONSTRUCT or DESCRIBE query$/],
    ['a syntax error', () => get('SELECT ?x WHERE { ?x '), /does not parse/],
    ['an unknown prefix', () => get('SELECT ?x WHERE { ?x foo:bar ?y }'), /unknown prefix "foo:"/],
  ])('400 for %s', async (_what, send, message) => {
    const r = await send();
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatch(message);
  });

  test('405 for other methods', async () => {
    const r = await http('/sparql', { method: 'PUT', body: SELECT });
    expect(r.status).toBe(405);
  });
});

describe('limits', () => {
  test('a query past timeoutMs is stopped with a 503; the next query gets a fresh worker and is answered', async () => {
    const slow = await endpointWith({ timeoutMs: 300 });
    const t0 = performance.now();
    const r = await slow(`/sparql?query=${encodeURIComponent(FOREVER)}`);
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body).error).toBe('the query ran longer than the 0.3 s limit and was stopped');
    expect(performance.now() - t0).toBeLessThan(10_000);
    const next = await slow(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    expect([next.status, JSON.parse(next.body).boolean]).toEqual([200, true]);
  }, 30_000);

  test('a query that grows the process past maxMemoryBytes is stopped with a 503, and the next query is answered', async () => {
    const lean = await endpointWith({ workers: 1, maxMemoryBytes: 50_000_000, timeoutMs: 20_000 }, { ready: true });
    // Sorting a three-way cross product has to hold it all in memory.
    const hungry = 'SELECT ?a ?c ?e WHERE { ?a ?b ?x . ?c ?d ?y . ?e ?f ?z } ORDER BY ?a ?c ?e ?x ?y ?z';
    const r = await lean(`/sparql?query=${encodeURIComponent(hungry)}`);
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body).error).toBe('the query needed more than 50 MB and was stopped: narrow it or add a LIMIT');
    const next = await lean(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    expect([next.status, JSON.parse(next.body).boolean]).toEqual([200, true]);
  }, 30_000);

  test('a result over maxResultBytes is a 400', async () => {
    const small = await endpointWith({ maxResultBytes: 50 });
    const r = await small(`/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatch(/the result is larger than/);
  });

  test('queries wait their turn: several at once are all answered, in full', async () => {
    const answers = await Promise.all(['Norway', 'Sweden', 'Bergen'].map((l) => get(`ASK { ?e skos:prefLabel "${l}"@en }`)));
    expect(answers.map((a) => [a.status, JSON.parse(a.body).boolean])).toEqual([[200, true], [200, true], [200, true]]);
  });

  test('with one worker and maxQueued 0, a query arriving while another runs is answered 503 at once, with Retry-After', async () => {
    const busy = await endpointWith({ workers: 1, timeoutMs: 400, maxQueued: 0 }, { ready: true });
    const first = busy(`/sparql?query=${encodeURIComponent(FOREVER)}`);
    await new Promise((r) => setTimeout(r, 100));
    const second = await busy(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    expect((await first).status).toBe(503);
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body).error).toMatch(/queries are waiting/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  }, 30_000);

  test('time spent loading the graph is not queueing: a query sent at once to a fresh server with a short maxWaitMs is answered', async () => {
    const fresh = await endpointWith({ workers: 1, maxWaitMs: 1 });
    const r = await fresh(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    expect([r.status, JSON.parse(r.body).boolean]).toEqual([200, true]);
  }, 30_000);

  test('a query waits in the queue up to maxWaitMs, then gets a 503 with Retry-After', async () => {
    const busy = await endpointWith({ workers: 1, timeoutMs: 1_000, maxWaitMs: 300 }, { ready: true });
    const first = busy(`/sparql?query=${encodeURIComponent(FOREVER)}`);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const second = await busy(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body).error).toBe('no query worker was free within 0.3 s: try again shortly');
    expect(second.headers['retry-after']).toBe('1');
    expect((await first).status).toBe(503);
  }, 30_000);

  test('with two workers, a short query is answered while a runaway one runs', async () => {
    const two = await endpointWith({ workers: 2, timeoutMs: 1_500 });
    // Both workers loaded, so the quick query does not wait for the second to load.
    await Promise.all([two(`/sparql?query=${encodeURIComponent('ASK { ?a ?b ?c }')}`), two(`/sparql?query=${encodeURIComponent('ASK { ?a ?b ?c }')}`)]);
    const slow = two(`/sparql?query=${encodeURIComponent(FOREVER)}`);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const quick = await two(`/sparql?query=${encodeURIComponent('ASK { ?a nkg:warned ?b }')}`);
    const waited = performance.now() - t0;
    expect([quick.status, JSON.parse(quick.body).boolean]).toEqual([200, true]);
    expect((await slow).status).toBe(503);
    expect(waited).toBeLessThan(1_400);
  }, 30_000);

  test('a burst of clients beyond the workers queues rather than being shed: all are answered', async () => {
    const pool = await endpointWith({ workers: 2 });
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => pool(`/sparql?query=${encodeURIComponent(`ASK { ?e skos:prefLabel "${i % 2 ? 'Norway' : 'Nowhere'}"@en }`)}`)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.map((a) => JSON.parse(a.body).boolean)).toEqual(answers.map((_, i) => i % 2 === 1));
  }, 30_000);
});
