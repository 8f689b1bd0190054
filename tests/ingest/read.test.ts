import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_INPUT_BYTES, decodeText, formatOf, parseContent, readArticles, sniffFormat, type IngestResult } from '../../src/ingest/read.js';
import { articles, collect, problems } from '../helpers/ingest.js';


describe('formats', () => {
  test('stdin is sniffed: JSON, HTML or text', async () => {
    expect(sniffFormat('  {"text": "a"}')).toBe('json');
    expect(sniffFormat('{"text": "a"}\n{"text": "b"}\n')).toBe('jsonl');
    expect(sniffFormat('<html><body>x</body></html>')).toBe('html');
    expect(sniffFormat('Plain words.')).toBe('txt');
    const [a] = articles(await collect(['-'], '{"text": "Rain in Oslo on May 2, 2021.", "title": "Rain"}'));
    expect(a).toMatchObject({ title: 'Rain', origin: '<stdin>', published: '2021-05-02', publishedInferred: true });
  });
  test.each([
    ['\n\n[1]', 'json'],
    ['{"a": 1}\n', 'json'],
    // A multi-line object is one JSON document, even with another object after it.
    ['{\n"text": "a"\n}\n{"x": 1}', 'json'],
    ['', 'txt'],
  ] as const)('sniffFormat(%j) is %s', (content, format) => {
    expect(sniffFormat(content)).toBe(format);
  });
  test.each([
    ['a.txt', 'txt'],
    ['a.TEXT', 'txt'],
    ['dir/a.md', 'md'],
    ['a.markdown', 'md'],
    ['a.htm', 'html'],
    ['a.HTML', 'html'],
    ['a.json', 'json'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson', 'jsonl'],
    ['a.png', undefined],
    ['README', undefined],
  ] as const)('formatOf(%j) is %s', (path, format) => {
    expect(formatOf(path)).toBe(format);
  });
});

describe('decodeText', () => {
  test.each([
    ['plain UTF-8', [0x43, 0x61, 0x66, 0xc3, 0xa9], 'Café'],
    ['a byte-order mark is dropped', [0xef, 0xbb, 0xbf, 0x41], 'A'],
    ['empty input', [], ''],
    ['NUL bytes', [0x41, 0x00], { error: 'looks like a binary file (contains NUL bytes), not text' }],
    ['Latin-1', [0x43, 0xe9, 0x20], { error: 'is not valid UTF-8 text' }],
  ])('%s', (_, bytes, expected) => {
    expect(decodeText(Uint8Array.from(bytes))).toEqual(expected);
  });
  test('input over the size limit is refused before it is decoded', () => {
    expect(decodeText(new Uint8Array(MAX_INPUT_BYTES + 1))).toEqual({ error: `${MAX_INPUT_BYTES + 1} bytes is larger than the ${MAX_INPUT_BYTES}-byte limit` });
  });
});

describe('parseContent', () => {
  test('one article per text, Markdown or HTML document, with the given origin', () => {
    for (const [content, format] of [['Plain.', 'txt'], ['# Title here\nPlain.', 'md'], ['<html><body><p>Plain.</p></body></html>', 'html']] as const) {
      const rs = parseContent(content, format, 'x');
      expect(rs).toHaveLength(1);
      expect(rs[0]).toMatchObject({ article: { text: 'Plain.', origin: 'x' } });
    }
  });
  test('JSON items carry their own origin; a bad one is a problem', () => {
    const rs = parseContent('[{"text": "A"}, {}]', 'json', 'f.json');
    expect(rs).toEqual([{ article: expect.objectContaining({ text: 'A', origin: 'f.json[0]' }) }, { problem: { origin: 'f.json[1]', message: 'no "text" field' } }]);
    expect(parseContent('\n\n', 'jsonl', 'f.jsonl')).toEqual([]);
  });
  test('a reader that throws gives a one-line problem naming the format', () => {
    // The HTML reader throws on an empty document.
    const rs = parseContent('', 'html', 'e.html');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toEqual({ problem: { origin: 'e.html', message: expect.stringMatching(/^cannot be read as html: [^\n]+$/) } });
  });
});

describe('folders', () => {
  test('seeds/ reads every article in name order and skips its attribution file', async () => {
    const as = articles(await collect([new URL('../../seeds/', import.meta.url).pathname]));
    expect(as.length).toBeGreaterThanOrEqual(16);
    expect(as[0].text.startsWith('Iraq warned France')).toBe(true);
    expect(as.slice(1).every((a) => a.title && a.published && !a.publishedInferred)).toBe(true);
  });
  test('subfolders are searched in name order; hidden entries, unknown extensions and skipped folders are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-read-'));
    mkdirSync(join(dir, 'b-sub'));
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'c.txt'), 'Third.');
    writeFileSync(join(dir, 'a.md'), 'First.');
    writeFileSync(join(dir, 'b-sub', 'inner.txt'), 'Second.');
    writeFileSync(join(dir, 'out', 'graph.json'), '{"text": "Output, not input."}');
    writeFileSync(join(dir, '.hidden', 'x.txt'), 'Hidden.');
    writeFileSync(join(dir, '.dot.txt'), 'Hidden too.');
    writeFileSync(join(dir, 'notes.doc'), 'Not an article.');
    writeFileSync(join(dir, 'LICENSE.txt'), 'Licence text.');
    const rs = await collect([dir], undefined, [resolve(dir, 'out')]);
    expect(articles(rs).map((a) => a.text)).toEqual(['First.', 'Second.', 'Third.']);
    expect(problems(rs)).toEqual([]);
  });
  test('a folder documentation file named explicitly is read; an unknown extension is sniffed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-read-'));
    writeFileSync(join(dir, 'README.md'), '# About this folder\nIt holds articles.');
    writeFileSync(join(dir, 'feed.dat'), '{"text": "From a feed."}');
    const as = articles(await collect([join(dir, 'README.md'), join(dir, 'feed.dat')]));
    expect(as.map((a) => [a.title, a.text])).toEqual([
      ['About this folder', 'It holds articles.'],
      [undefined, 'From a feed.'],
    ]);
  });
  test('bad bytes on stdin are a problem of <stdin>', async () => {
    const rs: IngestResult[] = [];
    for await (const r of readArticles(['-'], { stdin: async () => Uint8Array.of(0x41, 0x00) })) rs.push(r);
    expect(rs).toEqual([{ problem: { origin: '<stdin>', message: 'looks like a binary file (contains NUL bytes), not text' } }]);
  });
});

describe('bad input', () => {
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
