import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleId, inferPublished, normaliseDate, representable, toArticle } from '../../src/ingest/article.js';
import { articles, collect } from '../helpers/ingest.js';
import type { Article } from '../../src/types.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;


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
});

describe('normaliseDate', () => {
  test.each([
    ['2015-11-16T10:30:00Z', '2015-11-16T10:30:00.000Z'],
    ['  2015-11-16  ', '2015-11-16'],
    ['16 November 2015 14:05 UTC', '2015-11-16T14:05:00.000Z'],
    ['2015/11/16', '2015-11-16'],
    // Not parsed by Date.parse: chrono reads it.
    ['Tuesday, 3rd of March 2020', '2020-03-03'],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('inferPublished', () => {
  test.each([
    ['a date without a year does not count', 'On March 3 they met.', undefined],
    ['the latest full date wins, ISO or written', 'On 2019-03-04 and on 5 May 2018.', '2019-03-04'],
    ['empty text', '', undefined],
  ])('%s', (_, text, expected) => {
    expect(inferPublished(text)).toBe(expected);
  });
});

describe('articleId', () => {
  test('hashes the URL (else the title) and the text, kept apart', () => {
    const id = articleId({ url: 'a', text: 'bc' });
    expect(id).toBe('40bb547d936bbd31');
    // The URL is preferred to the title; a title alone counts like a URL.
    expect(articleId({ url: 'a', title: 'other', text: 'bc' })).toBe(id);
    expect(articleId({ title: 'a', text: 'bc' })).toBe(id);
    // The separator keeps "a"+"bc" apart from "ab"+"c".
    expect(articleId({ url: 'ab', text: 'c' })).not.toBe(id);
    expect(articleId({ text: 'bc' })).not.toBe(id);
    expect(articleId({ url: 'a', text: 'bd' })).not.toBe(id);
  });
});

describe('representable', () => {
  test.each([
    ['NUL and other C0 controls', 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf'],
    ['tab and line breaks stay', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'a\uFFFDb\uFFFDc'],
    ['unpaired surrogates', 'a\uD800b\uDC00c\uD83D', 'a\uFFFDb\uFFFDc\uFFFD'],
    ['surrogate pairs and DEL stay', 'fire \uD83D\uDD25 \u007F', 'fire \uD83D\uDD25 \u007F'],
  ])('%s', (_, input, expected) => {
    const out = representable(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });
});

describe('toArticle', () => {
  test('cleans every field, drops empty ones, and infers the date when the metadata has none', () => {
    const a = toArticle({ text: 'x\u0001y on 3 March 2019', title: '', url: 'u\u0000', published: 'not a date', source: 'S' }, 'origin.txt');
    expect(a).toEqual({
      id: articleId({ text: 'x\uFFFDy on 3 March 2019', url: 'u\uFFFD', source: 'S', published: 'not a date' }),
      text: 'x\uFFFDy on 3 March 2019',
      origin: 'origin.txt',
      url: 'u\uFFFD',
      source: 'S',
      published: '2019-03-03',
      publishedInferred: true,
    });
  });
  test('a metadata date is normalised and not marked inferred, even when the text has a later one', () => {
    const a = toArticle({ text: 'Seen on 9 May 2030.', title: 'T', published: 'June 1, 2020' }, 'o');
    expect(a).toMatchObject({ title: 'T', published: '2020-06-01' });
    expect(a.publishedInferred).toBeUndefined();
  });
  test('no date anywhere: no published field', () => {
    expect(toArticle({ text: 'Nothing dated here.' }, 'o')).toEqual({ id: articleId({ text: 'Nothing dated here.' }), text: 'Nothing dated here.', origin: 'o' });
  });
});
