import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fromJsonValue, readJson, readJsonLines } from '../../src/ingest/json.js';
import { articles, collect, problems } from '../helpers/ingest.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;


describe('JSON files', () => {
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
});

describe('fromJsonValue', () => {
  test.each([
    ['a string', 'text', 'expected an object with a "text" field'],
    ['null', null, 'expected an object with a "text" field'],
    ['an array', [{ text: 'x' }], 'expected an object with a "text" field'],
    ['an object without text', { title: 'T' }, 'no "text" field'],
    ['whitespace-only text', { text: '  \n' }, 'no "text" field'],
    ['a non-string text', { text: 42 }, 'no "text" field'],
  ])('%s is not an article', (_, value, reason) => {
    expect(fromJsonValue(value)).toBe(reason);
  });
  test.each([
    ['text, title, url, published, source', { text: 'T', title: 'H', url: 'U', published: 'P', source: 'S' }, { text: 'T', title: 'H', url: 'U', published: 'P', source: 'S' }],
    ['body, headline, date, publisher string', { body: 'T', headline: 'H', date: 'P', publisher: 'S' }, { text: 'T', title: 'H', url: undefined, published: 'P', source: 'S' }],
    ['content, datePublished, publisher object', { content: 'T', datePublished: 'P', publisher: { name: 'S' } }, { text: 'T', title: undefined, url: undefined, published: 'P', source: 'S' }],
    ['articleBody', { articleBody: 'T' }, { text: 'T', title: undefined, url: undefined, published: undefined, source: undefined }],
    ['text before body, an empty title falls back to headline', { text: 'T', body: 'B', title: '', headline: 'H' }, { text: 'T', title: 'H', url: undefined, published: undefined, source: undefined }],
    ['source before publisher', { text: 'T', source: 'S', publisher: { name: 'N' } }, { text: 'T', title: undefined, url: undefined, published: undefined, source: 'S' }],
  ])('%s', (_, value, expected) => {
    expect(fromJsonValue(value)).toEqual(expected);
  });
});

describe('readJson and readJsonLines', () => {
  test('one object: its origin is the file', () => {
    expect(readJson('{"text": "Hi"}', 'a.json')).toEqual([{ raw: expect.objectContaining({ text: 'Hi' }), where: 'a.json' }]);
  });
  test('an array: each item is numbered, a bad item is an error for it only', () => {
    expect(readJson('[{"text": "A"}, 3, {"text": "B"}]', 'a.json')).toEqual([
      { raw: expect.objectContaining({ text: 'A' }), where: 'a.json[0]' },
      { error: 'expected an object with a "text" field', where: 'a.json[1]' },
      { raw: expect.objectContaining({ text: 'B' }), where: 'a.json[2]' },
    ]);
  });
  test('invalid JSON is one error for the whole file', () => {
    const items = readJson('{"text": ', 'a.json');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ where: 'a.json', error: expect.stringMatching(/^invalid JSON \(.+\)$/) });
  });
  test('JSON lines: blank lines are skipped, CRLF is accepted, lines keep their numbers', () => {
    const items = readJsonLines('{"text": "A"}\r\n\r\n  \n{"text": "B"}\nnope\n', 'a.jsonl');
    expect(items.map((it) => it.where)).toEqual(['a.jsonl:1', 'a.jsonl:4', 'a.jsonl:5']);
    expect(items.map((it) => ('raw' in it ? it.raw.text : it.error.slice(0, 12)))).toEqual(['A', 'B', 'invalid JSON']);
  });
});
