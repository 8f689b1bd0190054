/** The article view's data: an article of a build, its sentences and its names linked to the graph, read from the article store and served at /api/article. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { ArticleReader, articleSpans } from '../../src/query/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';
import type { ResolvedArticle } from '../../src/types.js';

const root = new URL('../../', import.meta.url).pathname;
const WIKINEWS = '2019-01-05_escape_room_fire_kills_five_teen_girls_in_koszalin_poland.txt';
let out: string;
let graph: { nodes: { key: string; attributes: { class: string; label: string } }[]; attributes: { articles: Record<string, { title?: string }> } };
let running: RunningServer;

beforeAll(async () => {
  const input = mkdtempSync(join(tmpdir(), 'newskg-articles-in-'));
  for (const f of ['quotes-and-markup.txt', 'metadata.json']) copyFileSync(join(root, 'tests/fixtures/hostile', f), join(input, f));
  copyFileSync(join(root, 'tests/fixtures/wikinews', WIKINEWS), join(input, WIKINEWS));
  out = mkdtempSync(join(tmpdir(), 'newskg-articles-'));
  await build({ paths: [input], out, base: 'https://newskg.org/id/', formats: ['json'] });
  graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
  running = await serve({ dir: out, port: 0 });
}, 120_000);
afterAll(() => running?.close());

const idOf = (title: RegExp) => Object.entries(graph.attributes.articles).find(([, a]) => title.test(a.title ?? ''))![0];

describe('the article view', () => {
  test('an article comes back whole: its text, sentences in order within it, names in text order that do not overlap, each linked to a graph node of its class', async () => {
    const reader = new ArticleReader(out);
    const keys = new Map(graph.nodes.map((n) => [n.key, n.attributes.class]));
    const view = (await reader.read(idOf(/escape room/i), (k) => keys.has(k)))!;
    expect(view.title).toMatch(/escape room/i);
    expect(view.text.length).toBeGreaterThan(500);
    expect(view.sentences.length).toBeGreaterThan(3);
    for (const [i, s] of view.sentences.entries()) {
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(view.text.length);
      if (i) expect(s.start).toBeGreaterThanOrEqual(view.sentences[i - 1].end);
    }
    expect(view.spans.length).toBeGreaterThan(5);
    for (const [i, s] of view.spans.entries()) {
      if (i) expect(s.start).toBeGreaterThanOrEqual(view.spans[i - 1].end);
      expect(view.text.slice(s.start, s.end).trim()).not.toBe('');
      expect(s.class).not.toBe('Other');
      if (s.node && s.class !== 'Event') expect(keys.get(s.node)).toBe(s.class);
    }
    const poland = view.spans.find((s) => view.text.slice(s.start, s.end) === 'Poland');
    expect(poland).toMatchObject({ class: 'Country', node: expect.stringContaining('poland') });
    expect(view.spans.some((s) => s.class === 'Event' && s.node && keys.has(s.node))).toBe(true);
  });

  test('an id the build does not hold is undefined; views are cached until the store changes', async () => {
    const reader = new ArticleReader(out);
    expect(await reader.read('0000000000000000')).toBeUndefined();
    const id = idOf(/escape room/i);
    const first = reader.read(id);
    expect(reader.read(id)).toBe(first);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(out, 'articles.jsonl.gz'), later, later);
    expect(reader.read(id)).not.toBe(first);
    expect((await reader.read(id))!.text).toBe((await first)!.text);
  });

  test('where names overlap, the earlier and then the longer one is kept', () => {
    const mention = (start: number, end: number) => ({ articleId: 'a', start, end, sentenceIndex: 0, text: '', confidence: 1 });
    const r = {
      entities: [
        { iri: 'x:paris', class: 'City', mentions: [mention(10, 15)] },
        { iri: 'x:paris-attacks', class: 'Event', mentions: [mention(10, 23)] },
        { iri: 'x:demonym', class: 'Other', mentions: [mention(0, 5)] },
        { iri: 'x:france', class: 'Country', mentions: [mention(20, 26), mention(30, 36)] },
      ],
      events: [],
    } as unknown as ResolvedArticle;
    expect(articleSpans(r, (iri) => iri !== 'x:france')).toEqual([
      { start: 10, end: 23, class: 'Event', node: 'x:paris-attacks' },
      { start: 30, end: 36, class: 'Country' },
    ]);
  });

  test('GET /api/article serves it as JSON, markup in the text as plain characters of the JSON string; an unknown id or a build without texts is a 404 that says why', async () => {
    const id = idOf(/Acme/);
    const res = await fetch(`${running.url}api/article?id=${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const view = await res.json();
    expect(view.text).toContain('<script>alert(1)</script>');
    const missing = await fetch(`${running.url}api/article?id=nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/no article "nope"/);

    const bare = mkdtempSync(join(tmpdir(), 'newskg-articles-bare-'));
    mkdirSync(bare, { recursive: true });
    copyFileSync(join(out, 'graph.json'), join(bare, 'graph.json'));
    const other = await serve({ dir: bare, port: 0 });
    try {
      const none = await fetch(`${other.url}api/article?id=${encodeURIComponent(id)}`);
      expect(none.status).toBe(404);
      expect((await none.json()).error).toMatch(/kept no article texts/);
    } finally {
      await other.close();
    }
  });
});
