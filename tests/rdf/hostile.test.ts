/**
 * Hostile text: names, sentences, titles, URLs and sources holding quotes, backslashes, markup,
 * bidi marks, astral characters and control characters (tests/fixtures/hostile/README.md lists
 * them). Every output must parse, every IRI must stay safe, and the text must come back unchanged
 * as literals.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, type Quad } from 'n3';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORMATS, build, type BuildResult } from '../../src/pipeline/index.js';
import { PREFIXES } from '../../src/rdf/index.js';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'tests', 'fixtures', 'hostile');
const BASE = 'https://newskg.org/id/';
const NKG = PREFIXES.nkg;

let out: string;
let result: BuildResult;
const text: Record<string, string> = {};
const read = (f: string) => readFileSync(join(out, f), 'utf8');
const parse = (f: string, format: string): Quad[] => new Parser({ format }).parse(read(f));
const key = (q: Quad) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`;
const keys = (qs: Quad[]) => [...new Set(qs.map(key))].sort();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'newskg-hostile-'));
  result = await build({ paths: [fixtures], out, base: BASE, formats: FORMATS, collect: true });
  for (const r of result.resolved!) text[`${BASE}article/${r.article.id}`] = r.article.text;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

// --- strict XML 1.0 well-formedness (the DOM parsers at hand accept control characters and stray '&') ---
const XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const BAD_AMP = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|[^<]+|</y;

/** The first reason the text is not well-formed XML 1.0, or undefined. */
function xmlProblem(xml: string): string | undefined {
  const bad = XML_CHAR.exec(xml);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index}`;
  for (const m of xml.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) {
    const cp = parseInt(m[2], m[1] ? 16 : 10);
    if (cp > 0x10ffff || XML_CHAR.test(String.fromCodePoint(cp))) return `reference ${m[0]} to a character XML forbids`;
  }
  const open: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m && m.index < xml.length; m = TOKEN.exec(xml)) {
    const [tok, close, name, attrs, selfClosing] = m;
    if (tok === '<') return `stray '<' at offset ${m.index}`;
    if (close !== undefined) {
      if (open.pop() !== close) return `</${close}> at offset ${m.index} closes nothing open`;
    } else if (name !== undefined) {
      if (BAD_AMP.test(attrs)) return `bare '&' in <${name}> at offset ${m.index}`;
      if (open.length === 0 && roots++ > 0) return `second root element <${name}>`;
      if (!selfClosing) open.push(name);
    } else if (!tok.startsWith('<')) {
      if (BAD_AMP.test(tok) || tok.includes(']]>')) return `bare '&' or ']]>' in text at offset ${m.index}`;
      if (open.length === 0 && tok.trim() !== '') return `text outside the root element at offset ${m.index}`;
    }
  }
  if (open.length) return `<${open.at(-1)}> never closed`;
  return roots === 1 ? undefined : 'no root element';
}

describe('the strict XML check', () => {
  test.each([
    ['<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/>t&#233;xt<!-- c --></a>\n', undefined],
    ['<a>\u0007</a>', 'character U+0007'],
    ['<a>\u0000</a>', 'character U+0000'],
    ['<a>&#7;</a>', 'reference &#7;'],
    ['<a x="<"/>', "stray '<'"],
    ['<a>x & y</a>', "bare '&'"],
    ['<a><b></a>', 'closes nothing'],
    ['<a/><b/>', 'second root'],
    ['<a>', 'never closed'],
  ])('%j → %s', (xml, problem) => {
    if (problem === undefined) expect(xmlProblem(xml)).toBeUndefined();
    else expect(xmlProblem(xml)).toContain(problem);
  });
});

describe('hostile text through every output', () => {
  test('the fixtures put hostile characters inside entity names (else they no longer test what they claim)', () => {
    const labels = result.entities.map((e) => e.label);
    expect(result.problems).toEqual([]);
    expect(result.resolved!).toHaveLength(4);
    // Characters no XML or RDF consumer takes (NUL, C0 controls, U+FFFE/U+FFFF) arrive as U+FFFD.
    for (const re of [/\\/, /\u202e/, /\ufffd/, /\u007f/, /[\u{10000}-\u{10ffff}]/u, /</]) expect(labels.some((l) => re.test(l)), String(re)).toBe(true);
    for (const l of labels) expect(l).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  test.each([
    ['graph.ttl', 'text/turtle'],
    ['graph.nt', 'application/n-triples'],
    ['graph.trig', 'application/trig'],
  ])('%s parses with N3.js', (file, format) => {
    expect(parse(file, format).length).toBeGreaterThan(100);
  });

  test.each(['graph.json', 'graph.jsonld'])('%s parses as JSON', (file) => {
    expect(() => JSON.parse(read(file))).not.toThrow();
  });

  test.each(['graph.gexf', 'graph.graphml'])('%s is well-formed XML 1.0 with no live markup from the text', (file) => {
    const xml = read(file);
    expect.soft(xmlProblem(xml)).toBeUndefined();
    expect(xml).not.toMatch(/<(script|img|b)\b/i);
  });

  test('Turtle and N-Triples hold the same triples; TriG holds them in named graphs; JSON-LD (via the jsonld processor) too', async () => {
    const ttl = keys(parse('graph.ttl', 'text/turtle'));
    expect(keys(parse('graph.nt', 'application/n-triples'))).toEqual(ttl);
    expect(parse('graph.nt', 'application/n-triples')).toHaveLength(ttl.length);
    const trig = parse('graph.trig', 'application/trig');
    expect(trig).toHaveLength(result.quads);
    expect(keys(trig)).toEqual(ttl);
    const nquads = (await jsonld.toRDF(JSON.parse(read('graph.jsonld')), { format: 'application/n-quads' })) as string;
    expect(keys(new Parser({ format: 'application/n-quads' }).parse(nquads))).toEqual(ttl);
  });

  test('every IRI in every output is minted from [a-z0-9/_#.,=-] under the base, or is vocabulary', () => {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // ',' and '=' only in a mention's fragment (#char=BEGIN,END).
    const own = new RegExp(`^${esc(BASE)}[a-z0-9/_#.-]+(?:#char=[0-9]+,[0-9]+)?$`);
    const vocab = new RegExp(`^(?:${[...Object.values(PREFIXES), 'https://sws.geonames.org/'].map(esc).join('|')})[A-Za-z0-9/_#.-]*$`);
    const unsafe = (iris: Iterable<string>) => [...new Set(iris)].filter((i) => !own.test(i) && !vocab.test(i));
    for (const [file, format] of [['graph.ttl', 'text/turtle'], ['graph.nt', 'application/n-triples'], ['graph.trig', 'application/trig']]) {
      const terms = parse(file, format).flatMap((q) => [q.subject, q.predicate, q.object, q.graph]);
      expect(unsafe(terms.filter((t) => t.termType === 'NamedNode').map((t) => t.value)), file).toEqual([]);
    }
    const ld = JSON.parse(read('graph.jsonld')) as { '@graph': Record<string, unknown>[] };
    const ldIris = ld['@graph'].flatMap((n) =>
      Object.entries(n).flatMap(([k, v]) => {
        if (k === '@id') return [v as string];
        if (k === '@type') return v as string[];
        return [k, ...(v as { '@id'?: string }[]).flatMap((o) => (o['@id'] ? [o['@id']] : []))];
      }),
    );
    expect(unsafe(ldIris), 'graph.jsonld').toEqual([]);
    const json = JSON.parse(read('graph.json')) as { nodes: { key: string }[]; edges: { source: string; target: string }[] };
    expect(unsafe([...json.nodes.map((n) => n.key), ...json.edges.flatMap((e) => [e.source, e.target])]), 'graph.json').toEqual([]);
    for (const file of ['graph.gexf', 'graph.graphml']) {
      const ids = [...read(file).matchAll(/<node id="([^"]*)"|(?:source|target)="([^"]*)"/g)].map((m) => m[1] ?? m[2]);
      expect(ids.length, file).toBeGreaterThan(0);
      expect(unsafe(ids), file).toEqual([]);
    }
  });

  test('sentences, mentions and statements are exactly the text at their offsets; labels are the entities\' labels', () => {
    const quads = parse('graph.nt', 'application/n-triples');
    const props = new Map<string, Map<string, string>>();
    for (const q of quads) {
      if (!props.has(q.subject.value)) props.set(q.subject.value, new Map());
      props.get(q.subject.value)!.set(q.predicate.value, q.object.value);
    }
    // Sentences: their text is the article's text between their offsets.
    let sentences = 0;
    for (const [, p] of props) {
      const anchor = p.get(`${NKG}anchorOf`);
      if (anchor === undefined) continue;
      const articleText = text[p.get(`${NKG}inArticle`)!];
      expect(articleText.slice(Number(p.get(`${NKG}beginIndex`)), Number(p.get(`${NKG}endIndex`)))).toBe(anchor);
      sentences++;
    }
    expect(sentences).toBeGreaterThan(0);
    // Statements: the words of their fact lie inside the sentence they point to.
    let pointing = 0;
    for (const [, p] of props) {
      const sentence = p.get(`${NKG}sentence`);
      if (sentence === undefined) continue;
      const s = props.get(sentence)!;
      const offsets = [p.get(`${NKG}beginIndex`), p.get(`${NKG}endIndex`)].map(Number);
      if (offsets.some(Number.isNaN)) continue; // a statement without the words of its fact
      expect(offsets[0]).toBeGreaterThanOrEqual(Number(s.get(`${NKG}beginIndex`)));
      expect(offsets[1]).toBeLessThanOrEqual(Number(s.get(`${NKG}endIndex`)));
      pointing++;
    }
    expect(pointing).toBeGreaterThan(0);
    // Mentions: each is in the RDF, its IRI the article's with its offsets, and the article's text (written once, hostile as it is) holds the span.
    const spans = result.resolved!.flatMap((r) => r.entities.flatMap((e) => e.mentions.map((m) => ({ iri: `${BASE}article/${m.articleId}#char=${m.start},${m.end}`, m }))));
    expect(spans.length).toBeGreaterThan(0);
    for (const { iri, m } of spans) {
      expect(props.get(iri)?.get(`${NKG}refersTo`), iri).toBeDefined();
      const body = props.get(iri.slice(0, iri.indexOf('#')))!.get('https://schema.org/articleBody')!;
      expect(body).toBe(text[iri.slice(0, iri.indexOf('#'))]);
      expect(body.slice(m.start, m.end)).toBe(m.text);
    }
    const labels = new Set(quads.filter((q) => q.predicate.value === `${PREFIXES.skos}prefLabel`).map((q) => q.object.value));
    for (const e of result.entities) expect(labels.has(e.label), JSON.stringify(e.label)).toBe(true);
    const json = JSON.parse(read('graph.json')) as { nodes: { key: string; attributes: { label: string } }[] };
    expect(Object.fromEntries(json.nodes.map((n) => [n.key, n.attributes.label]))).toEqual(Object.fromEntries([...result.events.map((e) => [e.iri, e.label]), ...result.entities.map((e) => [e.iri, e.label])]));
  });

  const meta = JSON.parse(readFileSync(join(fixtures, 'metadata.json'), 'utf8')) as { title: string; url: string; source?: string }[];
  const firstLine = readFileSync(join(fixtures, 'quotes-and-markup.txt'), 'utf8').split('\n')[0];
  const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
  const expected: [string, string][] = [
    ['https://schema.org/headline', clean(meta[0].title)],
    ['https://schema.org/url', clean(meta[0].url)],
    [`${NKG}sourceName`, clean(meta[0].source!)],
    ['https://schema.org/headline', clean(meta[1].title)],
    ['https://schema.org/url', clean(meta[1].url)],
    [`${NKG}sourceName`, clean(meta[1].source!)],
    ['https://schema.org/headline', firstLine],
  ];
  const needles = ['\\', '"""', '<script>alert(1)</script>', '<jb@example.com>', '\u202eKhalil\u200f', '\u{1F984}', '\u{1D409}\u{1D428}\u{1D421}\u{1D427}', '\u{20BB7}', '\ufffd[31m', '\u007f', '\u2028', '\nsecond line\r\t'];

  const literalsOf = (file: string): Set<string> => {
    if (file !== 'graph.jsonld') {
      const format = { 'graph.ttl': 'text/turtle', 'graph.nt': 'application/n-triples', 'graph.trig': 'application/trig' }[file]!;
      return new Set(parse(file, format).flatMap((q) => (q.object.termType === 'Literal' ? [`${q.predicate.value} ${q.object.value}`] : [])));
    }
    const ld = JSON.parse(read(file)) as { '@graph': Record<string, unknown>[] };
    return new Set(ld['@graph'].flatMap((n) => Object.entries(n).flatMap(([k, v]) => (k.startsWith('@') ? [] : (v as { '@value'?: string }[]).flatMap((o) => (o['@value'] !== undefined ? [`${k} ${o['@value']}`] : []))))));
  };

  test.each(['graph.ttl', 'graph.nt', 'graph.trig', 'graph.jsonld'])('%s gives back titles, URLs, sources and hostile characters (unrepresentable ones as U+FFFD)', (file) => {
    const lits = literalsOf(file);
    for (const [p, v] of expected) expect(lits.has(`${p} ${v}`), `${p} ${JSON.stringify(v)}`).toBe(true);
    const all = [...lits].join('\n');
    for (const n of needles) expect(all.includes(n), JSON.stringify(n)).toBe(true);
  });
});
