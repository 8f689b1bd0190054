import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import { articles, collect } from '../helpers/ingest.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;


const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('HTML', () => {
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

  test('title, pubdate, canonical link and site name; paragraphs on lines of their own; scripts dropped', () => {
    const r = readHtml(
      page(
        '<title>Quake hits the coast of Chile</title><meta name="pubdate" content="2020-02-02"><meta property="og:site_name" content="Wire"><link rel="canonical" href="https://x.org/a">',
        '<p>One paragraph about the quake in Chile.</p><p>Second   paragraph,\n  wrapped.</p><script>var tracking = 1</script>',
      ),
    );
    expect(r).toEqual({
      text: 'One paragraph about the quake in Chile.\nSecond paragraph, wrapped.',
      title: 'Quake hits the coast of Chile',
      published: '2020-02-02',
      url: 'https://x.org/a',
      source: 'Wire',
    });
  });

  test.each([
    ['article:published_time before the others, trimmed', '<meta property="article:published_time" content=" 2021-01-01 "><meta name="date" content="2000-01-01">', '2021-01-01'],
    ['meta name=date', '<meta name="date" content="2001-02-03">', '2001-02-03'],
    ['itemprop=datePublished', '<meta itemprop="datePublished" content="2002-03-04">', '2002-03-04'],
    ['a time element with datetime', '<time datetime="2019-05-05T10:00:00Z">May 5</time>', '2019-05-05T10:00:00Z'],
    ['an empty content attribute is skipped', '<meta property="article:published_time" content="  "><meta name="date" content="2003-04-05">', '2003-04-05'],
  ])('published date from %s', (_, head, published) => {
    expect(readHtml(page(head, '<p>Text.</p>')).published).toBe(published);
  });

  test('og:title, og:url and application-name when the usual tags are missing', () => {
    const r = readHtml(page('<meta property="og:title" content="OG title"><meta property="og:url" content="https://og.example/u"><meta name="application-name" content="App">', '<p>Text.</p>'));
    expect(r).toMatchObject({ title: 'OG title', url: 'https://og.example/u', source: 'App' });
  });

  test('block elements and <br> break lines; inline text is joined with single spaces', () => {
    expect(readHtml(page('', '<div>a<br>b</div><ul><li>x <b>bold</b> y</li><li>z</li></ul>')).text).toBe('a\nb\nx bold y\nz');
  });

  // BUG (src/ingest/html.ts): linkedom does not wrap a fragment in <html><body>, so HTML without
  // those tags (a fragment, or stdin sniffed as HTML) yields an article with empty text.
  test.fails.each([['<p>Rain in Oslo.</p>'], ['<html><p>Rain in Oslo.</p></html>'], ['<body><p>Rain in Oslo.</p></body>']])('an HTML fragment keeps its text: %s', (html) => {
    expect(readHtml(html).text).toBe('Rain in Oslo.');
  });
});
