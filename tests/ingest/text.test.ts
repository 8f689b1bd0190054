import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articles, collect } from '../helpers/ingest.js';
import { looksLikeHeadline, readMarkdown, readText } from '../../src/ingest/text.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const seed = new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url).pathname;


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
    // Too short (under 8 characters once trimmed) or too long (over 200).
    ['A b c', false],
    ['x '.repeat(101).trim() + ' y', false],
    // Fewer than three words.
    ['Storm warnings', false],
    // Sentence-final punctuation, except an initial ("George W.").
    ['Ends with a full stop here.', false],
    ['A headline ending with a colon:', false],
    ['Statement by George W.', true],
    // No letter at all.
    ['1 2 3 4 5', false],
    ['  Padded headline with spaces  ', true],
  ])('looksLikeHeadline(%j) is %s', (line, expected) => {
    expect(looksLikeHeadline(line)).toBe(expected);
  });
});

describe('readText', () => {
  test.each([
    ['leading blank lines, headline, date line with a time', '\n\nHeadline with enough words\n2020-01-02T10:00:00Z\n\nBody here.\nMore.', { title: 'Headline with enough words', published: '2020-01-02T10:00:00Z', text: 'Body here.\nMore.' }],
    ['headline, blank lines, body', 'Headline with enough words\n\n\nBody.', { title: 'Headline with enough words', published: undefined, text: 'Body.' }],
    ['CRLF line breaks', 'Headline with enough words\r\n2021-05-06\r\n\r\nBody.', { title: 'Headline with enough words', published: '2021-05-06', text: 'Body.' }],
    ['a headline-like line not set apart is body text', 'Headline with enough words\nBody directly after.', { text: 'Headline with enough words\nBody directly after.' }],
    ['a first line that is a sentence is body text', 'The mayor spoke on Tuesday.\n\nShe left.', { text: 'The mayor spoke on Tuesday.\n\nShe left.' }],
    ['a non-ISO date line is not a date line', 'Headline with enough words\nJanuary 2, 2020\n\nBody.', { text: 'Headline with enough words\nJanuary 2, 2020\n\nBody.' }],
  ])('%s', (_, content, expected) => {
    expect(readText(content)).toEqual(expected);
  });
});

describe('Markdown', () => {
  test('Markdown: front matter, heading and markup', async () => {
    const [a] = articles(await collect([join(fixtures, 'ingest', 'article.md')]));
    expect(a).toMatchObject({ title: 'Council approves new bridge', published: '2020-07-15', url: 'https://news.example.org/bridge', source: 'Example Daily' });
    expect(a.text).toBe('The city council of Porto voted on Tuesday to build a new bridge over the Douro.\n\nWork starts next year.\nThe bridge will carry trams and bicycles.');
  });
  test('front matter: quoted values, case-insensitive keys, publisher for source; its title wins over the heading', () => {
    const r = readMarkdown('---\ntitle: "Quoted title"\nDate: 2020-01-01\npublisher: \'Pub\'\n---\n# Heading\n\nBody.');
    expect(r).toEqual({ text: 'Body.', title: 'Quoted title', published: '2020-01-01', url: undefined, source: 'Pub' });
  });
  test('without front matter the leading heading is the title; later headings stay as text', () => {
    expect(readMarkdown('# The title here\nNo front matter.\n## Sub heading\nText')).toEqual({
      text: 'No front matter.\nSub heading\nText',
      title: 'The title here',
      published: undefined,
      url: undefined,
      source: undefined,
    });
  });
  test.each([
    ['links keep their text', 'See [the report](http://x.org/r).', 'See the report.'],
    ['images keep their alt text', 'A ![flooded street](i.png) here.', 'A flooded street here.'],
    ['bold and emphasis', '**bold**, __also__, _em_ and *em2*', 'bold, also, em and em2'],
    ['underscores inside words stay', 'snake_case_word', 'snake_case_word'],
    ['inline code', 'run `make` now', 'run make now'],
    ['block quotes', '> quoted line', 'quoted line'],
    ['list bullets', '- item one\n* item two\n+ item three', 'item one\nitem two\nitem three'],
    ['fenced code keeps its text', '```js\nconst a = 1;\n```', 'const a = 1;'],
    ['rules go and blank runs shrink to one blank line', 'Top.\n\n---\n\n\n\nEnd.', 'Top.\n\nEnd.'],
  ])('markup: %s', (_, md, text) => {
    expect(readMarkdown(md).text).toBe(text);
  });
});
