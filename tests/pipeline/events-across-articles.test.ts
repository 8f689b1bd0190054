/** The same event reported by two articles is one node; each article's count stays with its source. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { PREFIXES } from '../../src/rdf/index.js';

const BASE = 'https://example.org/kg/';

describe('events across articles', () => {
  test('two reports of an attack in the same place on the same day make one event with both counts and their sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-events-'));
    const articles = [
      { title: 'Market attack in Porto', published: '2021-03-15', url: 'https://news.example/a', text: 'Gunmen attacked a market in Porto on Friday, killing five people, police said.' },
      { title: 'Porto market attack toll rises', published: '2021-03-16', url: 'https://news.example/b', text: 'An attack on a market in Porto on Friday killed seven people, officials said on Tuesday.' },
    ];
    writeFileSync(join(dir, 'news.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
    const out = join(dir, 'out');
    const result = await build({ paths: [join(dir, 'news.jsonl')], out, base: BASE, formats: ['ttl'] });
    const attacks = result.events.filter((e) => e.eventTypes.includes('attack'));
    expect(attacks).toHaveLength(1);
    expect(attacks[0].iri).toBe(`${BASE}event/attack-porto-2021-03-12`);
    expect(attacks[0].articles).toHaveLength(2);

    const store = new Store(new Parser().parse(readFileSync(join(out, 'graph.ttl'), 'utf8')));
    const NKG = PREFIXES.nkg;
    const counts = store.getObjects(attacks[0].iri, `${NKG}deathCount`, null).map((o) => Number(o.value)).sort();
    expect(counts).toEqual([5, 7]);
    // Each count's statement points to the sentence, and so the article, it was read in.
    const bySource = store
      .getSubjects(`${PREFIXES.rdf}predicate`, `${NKG}deathCount`, null)
      .map((st) => [Number(store.getObjects(st, `${PREFIXES.rdf}object`, null)[0].value), store.getObjects(store.getObjects(st, `${NKG}sentence`, null)[0], `${NKG}inArticle`, null)[0].value]);
    expect(new Set(bySource.map(([, a]) => a)).size).toBe(2);
    expect(bySource.map(([n]) => n).sort()).toEqual([5, 7]);
  });
});
