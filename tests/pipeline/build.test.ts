/**
 * build() itself, on a few made-up articles in this thread: the base is checked, the formats
 * asked for are written (and nothing when none are), in-memory articles are built after files,
 * duplicates are skipped, timings are reported. Broken inputs and killed builds: robustness.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FORMATS, FORMATS, build, type BuildResult } from '../../src/pipeline/build.js';
import { NewskgError } from '../../src/errors.js';

const BASE = 'https://example.org/kg/';
const NORWAY = 'Norway warned Sweden of storms on Monday. Gunmen attacked a school in Bergen on Friday, killing three people.';
const VRELL = 'Tomas Vrell, the leader of the Halvard Front, spoke in Oslo on Tuesday. The Halvard Front attacked Bergen.';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'newskg-build-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (name: string) => join(tmp, name);

describe('the base IRI', () => {
  test.each(['https://example.org/kg', 'example.org/kg/', '', 'https://example.org/a b/', 'https://example.org/<x>/'])('%j is refused with a NewskgError before anything is read', async (base) => {
    const out = fresh(`bad-base-${Math.random().toString(36).slice(2)}`);
    const err = await build({ paths: [join(tmp, 'nowhere')], articles: [{ text: NORWAY }], out, base }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewskgError);
    expect((err as Error).message).toBe(`newskg/build: base IRI "${base}" must be absolute and end with / or #`);
    expect(existsSync(out)).toBe(false);
  });

  test('the base is the prefix of every minted IRI', async () => {
    const r = await build({ paths: [], articles: [{ text: NORWAY, published: '2021-03-16' }], out: fresh('hash-base'), base: 'urn:x-kg:id#', formats: [], workers: 0 });
    expect(r.entities.map((e) => e.iri).sort()).toEqual(['urn:x-kg:id#place/bergen', 'urn:x-kg:id#place/norway', 'urn:x-kg:id#place/sweden']);
  });
});

describe('a build of two files and two in-memory articles', () => {
  let result: BuildResult;
  let out: string;
  const started: number[] = [];
  const progress: [number, string][] = [];
  beforeAll(async () => {
    const input = fresh('input');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), `${NORWAY}\n`);
    writeFileSync(join(input, 'b.txt'), `${NORWAY}\n`);
    writeFileSync(join(input, 'c.json'), JSON.stringify({ title: 'Vrell in Oslo', text: VRELL, published: '2021-04-02' }));
    out = fresh('out');
    result = await build({
      paths: [input],
      // The first repeats c.json's article, the second is new.
      articles: [{ title: 'Vrell in Oslo', text: VRELL, published: '2021-04-02' }, { text: 'Ilse Quarnby left Tromsø.', title: 'Quarnby' }],
      out,
      base: BASE,
      formats: ['ttl', 'json'],
      workers: 0,
      collect: true,
      onStart: (n) => started.push(n),
      onArticle: (done, origin) => progress.push([done, basename(origin)]),
    });
  });

  test('files first, in sorted order, then the new in-memory article; a file repeating another is skipped with a problem naming both', () => {
    expect(result.resolved!.map((r) => basename(r.article.origin))).toEqual(['a.txt', 'c.json', '<article 2>']);
    expect(result.problems).toHaveLength(2);
    expect(basename(result.problems[0].origin)).toBe('b.txt');
    expect(result.problems[0].message).toBe(`same article as ${join(tmp, 'input', 'a.txt')}; skipped`);
  });

  test('writes exactly the formats asked for, the query index, the article store (for --add), and no temporary file', () => {
    expect(result.files).toEqual([join(out, 'graph.ttl'), join(out, 'graph.qidx'), join(out, 'graph.json')]);
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl.gz', 'graph.json', 'graph.qidx', 'graph.ttl']);
    expect(readFileSync(join(out, 'graph.ttl'), 'utf8')).toContain('@prefix nkg:');
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).nodes.length).toBe(result.graph.order);
  });

  test('the result: entities, events, graph and dataset agree', () => {
    expect(result.entities.map((e) => e.label)).toEqual(expect.arrayContaining(['Norway', 'Sweden', 'Bergen', 'Tomas Vrell', 'Halvard Front', 'Oslo']));
    expect(result.quads).toBe(result.dataset!.length);
    expect(result.quads).toBeGreaterThan(100);
    for (const e of [...result.entities, ...result.events]) expect(result.graph.hasNode(e.iri), e.iri).toBe(true);
    // The layout ran (graph.json carries positions).
    expect(result.graph.mapNodes((_n, a) => a.x).some((x) => x !== 0)).toBe(true);
  });

  test('reports the count once the inputs are read, and progress after each article or problem', () => {
    expect(started).toEqual([5]);
    expect(progress.map(([n]) => n)).toEqual([1, 2, 3, 4, 5]);
    expect(progress[0]).toEqual([1, 'b.txt']);
  });

  test('times each phase', () => {
    expect(Object.keys(result.timings).sort()).toEqual(['articles', 'graph', 'graph files', 'layout wait', 'rdf', 'read']);
    for (const ms of Object.values(result.timings)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(result.timings.articles).toBeGreaterThan(0);
  });

  test('an in-memory article repeating a file is reported as a problem too', () => {
    expect(result.problems.map((p) => p.origin)).toContain('<article 1>');
  });
});

describe('what is written', () => {
  test('formats: [] writes nothing, not even the folder, and still builds', async () => {
    const out = fresh('none');
    const r = await build({ paths: [], articles: [{ text: NORWAY }], out, base: BASE, formats: [], workers: 0 });
    expect(r.files).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(r.articles).toBe(1);
    expect(r.quads).toBeGreaterThan(0);
  });

  test('nothing to build writes nothing', async () => {
    const out = fresh('empty');
    const r = await build({ paths: [], articles: [], out, base: BASE, workers: 0 });
    expect([r.files, r.articles, r.entities, r.quads]).toEqual([[], 0, [], 0]);
    expect(existsSync(out)).toBe(false);
  });

  test('by default graph.ttl, graph.trig and graph.json are written (and the query index, always); every format on request, under its file name', async () => {
    const out = fresh('default');
    const r = await build({ paths: [], articles: [{ text: VRELL }], out, base: BASE, workers: 0 });
    expect(DEFAULT_FORMATS).toEqual(['ttl', 'trig', 'json']);
    expect(r.files.map((f) => basename(f))).toEqual(['graph.ttl', 'graph.trig', 'graph.qidx', 'graph.json']);
    const all = fresh('all');
    const every = await build({ paths: [], articles: [{ text: VRELL }], out: all, base: BASE, formats: FORMATS, workers: 0 });
    expect(FORMATS).toEqual(['ttl', 'trig', 'nt', 'jsonld', 'json', 'gexf', 'graphml']);
    expect(every.files.map((f) => basename(f))).toEqual(['graph.ttl', 'graph.trig', 'graph.nt', 'graph.jsonld', 'graph.qidx', 'graph.json', 'graph.gexf', 'graph.graphml']);
    expect(readdirSync(all).sort()).toEqual(['articles.jsonl.gz', 'graph.gexf', 'graph.graphml', 'graph.json', 'graph.jsonld', 'graph.nt', 'graph.qidx', 'graph.trig', 'graph.ttl']);
  });

  test("a killed build's temporary files are removed; other files in the folder stay", async () => {
    const out = fresh('stale');
    mkdirSync(out);
    writeFileSync(join(out, 'graph.ttl.12345.tmp'), 'half');
    writeFileSync(join(out, 'articles.jsonl.gz.12345.tmp'), 'half');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await build({ paths: [], articles: [{ text: NORWAY }], out, base: BASE, formats: ['nt'], workers: 0 });
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl.gz', 'graph.nt', 'graph.qidx', 'notes.txt']);
  });
});
