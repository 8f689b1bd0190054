import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inferPublished, looksLikeHeadline, normaliseDate, readArticles, sniffFormat, type IngestResult } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const seed = new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url).pathname;

async function collect(paths: string[], stdin?: string): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readArticles(paths, stdin === undefined ? {} : { stdin: async () => new TextEncoder().encode(stdin) })) out.push(r);
  return out;
}
const articles = (rs: IngestResult[]) => rs.flatMap((r) => ('article' in r ? [r.article] : []));
const problems = (rs: IngestResult[]) => rs.flatMap((r) => ('problem' in r ? [r.problem] : []));

describe('plain text', () => {
  test('the seed article has no headline and keeps its text whole; its date is inferred', async () => {
    const [a] = articles(await collect([seed]));
    expect(a.title).toBeUndefined();
    expect(a.text.startsWith('Iraq warned France')).toBe(true);
    expect(a.published).toBe('2015-11-16');
    expect(a.publishedInferred).toBe(true);
  });
  test('the Wikinews layout: headline, ISO date line, blank line, body', async () => {
    const file = join(fixtures, 'wikinews', '2019-01-14_arrest_made_as_mayor_of_gdansk_poland_stabbed_on_stage.txt');
    const [a] = articles(await collect([file]));
    expect(a.title).toBe('Arrest made as mayor of Gdańsk, Poland stabbed on stage');
    expect(a.published).toBe('2019-01-14');
    expect(a.publishedInferred).toBeUndefined();
    expect(a.text.startsWith('An individual has been arrested')).toBe(true);
  });
  test.each([
    ['Floods close roads in Lisbon', true],
    ['Iraq warned France of planned attacks by ISIS, the Times of Israel is reporting .', false],
    ['Hello', false],
    ['Why did the bridge fall?', true],
  ])('looksLikeHeadline(%j) is %s', (line, expected) => {
    expect(looksLikeHeadline(line)).toBe(expected);
  });
});

describe('HTML, Markdown and JSON', () => {
  test('HTML: Readability keeps the article body, drops navigation, scripts and footer; meta tags give the metadata', async () => {
    const [a] = articles(await collect([join(fixtures, 'ingest', 'article.html')]));
    expect(a.title).toBe('Floods close roads in Lisbon');
    expect(a.published).toBe('2021-03-04T09:30:00.000Z');
    expect(a.url).toBe('https://news.example.org/2021/03/04/floods-lisbon');
    expect(a.source).toBe('The Example Times');
    expect(a.text).toContain('Mayor Carlos Moedas said');
    expect(a.text.split('\n').length).toBeGreaterThanOrEqual(3);
    expect(a.text).not.toMatch(/tracking|Copyright|Sport/);
  });
  test('Markdown: front matter, heading and markup', async () => {
    const [a] = articles(await collect([join(fixtures, 'ingest', 'article.md')]));
    expect(a).toMatchObject({ title: 'Council approves new bridge', published: '2020-07-15', url: 'https://news.example.org/bridge', source: 'Example Daily' });
    expect(a.text).toBe('The city council of Porto voted on Tuesday to build a new bridge over the Douro.\n\nWork starts next year.\nThe bridge will carry trams and bicycles.');
  });
  test('JSON lines: a bad line is reported with its line number and the others are read', async () => {
    const rs = await collect([join(fixtures, 'ingest', 'articles.jsonl')]);
    const as = articles(rs);
    expect(as.map((a) => a.title)).toEqual(['Storm hits coast', 'Minister resigns']);
    expect(as[0]).toMatchObject({ published: '2022-01-10', source: 'Example Wire', url: 'https://news.example.org/storm' });
    expect(as[1]).toMatchObject({ published: '2022-01-14', publishedInferred: true });
    const ps = problems(rs);
    expect(ps.map((p) => p.origin.replace(fixtures, ''))).toEqual(['ingest/articles.jsonl:2', 'ingest/articles.jsonl:4']);
    expect(ps[0].message).toMatch(/^invalid JSON/);
    expect(ps[1].message).toBe('no "text" field');
  });
  test('JSON arrays, alternative field names and publisher objects', async () => {
    const as = articles(await collect([join(fixtures, 'ingest', 'articles.json')]));
    expect(as).toHaveLength(2);
    expect(as[0]).toMatchObject({ title: 'Election called', published: '2023-01-05T08:00:00.000Z', source: 'Example Post' });
    expect(as[1].text).toBe('The national museum reopened on Saturday after two years of repairs.');
    expect(as[1].publishedInferred).toBeUndefined();
  });
  test('stdin is sniffed: JSON, HTML or text', async () => {
    expect(sniffFormat('  {"text": "a"}')).toBe('json');
    expect(sniffFormat('{"text": "a"}\n{"text": "b"}\n')).toBe('jsonl');
    expect(sniffFormat('<html><body>x</body></html>')).toBe('html');
    expect(sniffFormat('Plain words.')).toBe('txt');
    const [a] = articles(await collect(['-'], '{"text": "Rain in Oslo on May 2, 2021.", "title": "Rain"}'));
    expect(a).toMatchObject({ title: 'Rain', origin: '<stdin>', published: '2021-05-02', publishedInferred: true });
  });
});

describe('folders', () => {
  test('seeds/ reads every article in name order and skips its attribution file', async () => {
    const as = articles(await collect([new URL('../../seeds/', import.meta.url).pathname]));
    expect(as.length).toBeGreaterThanOrEqual(16);
    expect(as[0].text.startsWith('Iraq warned France')).toBe(true);
    expect(as.slice(1).every((a) => a.title && a.published && !a.publishedInferred)).toBe(true);
  });
});

describe('ids, dates and bad input', () => {
  test('ids are deterministic and differ between articles', async () => {
    const a = articles(await collect([join(fixtures, 'ingest', 'articles.json')]));
    const b = articles(await collect([join(fixtures, 'ingest', 'articles.json')]));
    expect(a.map((x: Article) => x.id)).toEqual(b.map((x: Article) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(2);
    expect(a[0].id).toMatch(/^[0-9a-f]{16}$/);
  });
  test('date helpers', () => {
    expect(normaliseDate('2015-11-16')).toBe('2015-11-16');
    expect(normaliseDate('November 16, 2015')).toBe('2015-11-16');
    expect(normaliseDate('not a date')).toBeUndefined();
    expect(inferPublished('It happened on 3 March 2019, and again on March 9, 2019, not last week.')).toBe('2019-03-09');
    expect(inferPublished('No dates here, only "last week" and Friday.')).toBeUndefined();
  });
  test('missing, binary, non-UTF-8 and empty-folder inputs are one-line problems; the batch goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-ingest-'));
    writeFileSync(join(dir, 'a.txt'), 'Plain text about Madrid.');
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'c.txt'), Buffer.from([0x43, 0xe9, 0x20]));
    writeFileSync(join(dir, 'ignored.png'), Buffer.from([0x89, 0x50]));
    writeFileSync(join(dir, 'README.md'), '# About this folder');
    const empty = mkdtempSync(join(tmpdir(), 'newskg-empty-'));
    const rs = await collect([dir, join(dir, 'missing.txt'), empty]);
    expect(articles(rs).map((a) => a.text)).toEqual(['Plain text about Madrid.']);
    expect(problems(rs).map((p) => p.message)).toEqual([
      'looks like a binary file (contains NUL bytes), not text',
      'is not valid UTF-8 text',
      'no such file or folder',
      'folder has no article files (.txt .md .html .json .jsonl)',
    ]);
    for (const p of problems(rs)) expect(p.message).not.toContain('\n');
  });
});
