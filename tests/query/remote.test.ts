/** SparqlEndpoint against a small local endpoint: what it sends (prefixes, form POST, Accept) and how it reads SELECT, ASK and graph answers. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SparqlEndpoint } from '../../src/query/remote.js';

let url = '';
const requests: { accept: string; type: string; query: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const query = new URLSearchParams(body).get('query') ?? '';
    requests.push({ accept: req.headers.accept ?? '', type: req.headers['content-type'] ?? '', query });
    if (/ASK/.test(query)) return res.end(JSON.stringify({ head: {}, boolean: true }));
    if (/CONSTRUCT/.test(query)) return res.end('<https://e/a> <https://e/p> <https://e/b>, <https://e/c> .');
    if (/broken/.test(query)) return res.end('<html>not results</html>');
    // Virtuoso's way: typed-literal for numbers, plain literals, xml:lang.
    res.end(JSON.stringify({
      head: { vars: ['who', 'n', 'label'] },
      results: { bindings: [{ who: { type: 'uri', value: 'https://e/iraq' }, n: { type: 'typed-literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value: '3' }, label: { type: 'literal', 'xml:lang': 'en', value: 'Iraq' } }] },
    }));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('SparqlEndpoint', () => {
  test('a SELECT goes as a form POST with the prefixes, and its bindings read as the local engine gives them', async () => {
    const r = await new SparqlEndpoint(url).sparql('SELECT ?who ?n ?label WHERE { ?who nkg:warned ?x }');
    expect(r).toEqual({
      type: 'select',
      variables: ['who', 'n', 'label'],
      bindings: [{ who: { type: 'uri', value: 'https://e/iraq' }, n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer', native: 3 }, label: { type: 'literal', value: 'Iraq', language: 'en' } }],
    });
    const sent = requests.at(-1)!;
    expect(sent.type).toBe('application/x-www-form-urlencoded');
    expect(sent.accept).toBe('application/sparql-results+json');
    expect(sent.query).toMatch(/^PREFIX nkg: <https:\/\/newskg\.org\/ontology#>/);
  });

  test('ASK and CONSTRUCT', async () => {
    const e = new SparqlEndpoint(url);
    expect(await e.sparql('ASK { ?s ?p ?o }')).toEqual({ type: 'ask', boolean: true });
    const g = await e.sparql('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }');
    expect(g).toMatchObject({ type: 'graph', triples: 2 });
    expect(requests.at(-1)!.accept).toBe('text/turtle');
  });

  test('updates are refused before anything is sent; an answer that is not results is one clear error', async () => {
    const before = requests.length;
    await expect(new SparqlEndpoint(url).sparql('DELETE WHERE { ?s ?p ?o }')).rejects.toThrow(/updates are refused/);
    expect(requests.length).toBe(before);
    await expect(new SparqlEndpoint(url).sparql('SELECT * WHERE { ?broken ?p ?o }')).rejects.toThrow(new RegExp(`${url} did not answer with SPARQL results JSON: <html>`));
  });
});
