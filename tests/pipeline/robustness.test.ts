/**
 * Robustness of `newskg build`: (a) a broken input among good ones is reported by name and the
 * good ones are all built; (b) a build killed at any moment leaves every output file complete,
 * either as the earlier build wrote it or as the new one does.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { Parser } from 'n3';
import { QueryIndex } from '../../src/rdf/index.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type OutputFormat } from '../../src/pipeline/index.js';
import { newskg } from '../helpers/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const seeds = join(root, 'seeds');
const FINAL = ['graph.ttl', 'graph.trig', 'graph.nt', 'graph.jsonld', 'graph.qidx', 'graph.json', 'graph.gexf', 'graph.graphml', 'articles.jsonl.gz'];
const ALL_FORMATS = 'ttl,trig,nt,jsonld,json,gexf,graphml';
const count = (ttl: string, type: string) => new Parser({ format: 'text/turtle' }).parse(ttl).filter((q) => q.predicate.value.endsWith('#type') && q.object.value === type).length;
const ARTICLE = 'https://schema.org/NewsArticle';

describe('one broken article among many', () => {
  const good = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().slice(0, 4);
  // Next to the good seeds: a binary file, Latin-1 text, truncated JSON, and JSON lines with one good line and one broken.
  const goodLine = '{"title": "Fire in Oslo", "text": "Firefighters in Oslo said Anna Berg was rescued."}';
  const inputs: [string, string | Buffer][] = [
    ['broken.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe])],
    ['latin1.txt', Buffer.from('Caf\u00e9 owner Jean Dupont spoke in Lyon.', 'latin1')],
    ['truncated.json', '{"title": "Storm", "text": "Maria Lopez flew from Madrid'],
    ['feed.jsonl', `${goodLine}\n{"title": "broken", "text": \n`],
  ];
  // What the build must report, by file name (line 2 of feed.jsonl), and nothing else.
  const expectedProblems: [string, RegExp][] = [
    ['broken.txt', /binary/],
    ['feed.jsonl:2', /invalid JSON/],
    ['latin1.txt', /not valid UTF-8/],
    ['truncated.json', /invalid JSON/],
  ];
  let dir: string;
  let cleanDir: string;
  let outs: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newskg-robust-'));
    cleanDir = mkdtempSync(join(tmpdir(), 'newskg-clean-'));
    outs = mkdtempSync(join(tmpdir(), 'newskg-robust-out-'));
    for (const f of good) for (const d of [dir, cleanDir]) copyFileSync(join(seeds, f), join(d, f));
    for (const [name, content] of inputs) writeFileSync(join(dir, name), content);
    writeFileSync(join(cleanDir, 'feed.jsonl'), `${goodLine}\n`);
  });
  afterAll(() => [dir, cleanDir, outs].forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('build(): each broken input is a problem naming its file; every good article is built, as without them', async () => {
    const result = await build({ paths: [dir], out: join(outs, 'mixed'), base: 'https://newskg.org/id/', collect: true });
    expect(result.problems.map((p) => basename(p.origin)).sort()).toEqual(expectedProblems.map(([f]) => f));
    for (const [f, re] of expectedProblems) expect(result.problems.find((p) => basename(p.origin) === f)!.message).toMatch(re);
    expect(result.resolved).toHaveLength(good.length + 1);
    const clean = await build({ paths: [cleanDir], out: join(outs, 'clean'), base: 'https://newskg.org/id/' });
    const ttl = readFileSync(join(outs, 'mixed', 'graph.ttl'), 'utf8');
    expect(count(ttl, ARTICLE)).toBe(good.length + 1);
    expect(result.entities.length).toBeGreaterThan(50);
    expect(result.entities.map((e) => e.iri)).toEqual(clean.entities.map((e) => e.iri));
    expect(ttl).toBe(readFileSync(join(outs, 'clean', 'graph.ttl'), 'utf8'));
  });

  test('the CLI: one stderr line per broken input, naming it; exit code 0; the good articles built', async () => {
    const out = join(outs, 'cli');
    const r = await newskg(['build', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(expectedProblems.length);
    expectedProblems.forEach(([f, re], i) => {
      expect(lines[i]).toContain(`${join(dir, f)}: `);
      expect(lines[i]).toMatch(re);
    });
    expect(r.stdout).toMatch(new RegExp(`^built ${good.length + 1} articles .* ${expectedProblems.length} warnings$`, 'm'));
    expect(count(readFileSync(join(out, 'graph.ttl'), 'utf8'), ARTICLE)).toBe(good.length + 1);
  });
});

describe('a build killed with SIGKILL leaves complete outputs', () => {
  const inputs = [seeds];
  let tmp: string;
  let oldDir: string;
  const old: Record<string, string> = {};
  const fresh: Record<string, string> = {};
  let duration = 0;

  // graph.json / GEXF / GraphML carry graphology's generated edge ids, which differ between runs:
  // compare what they describe (their nodes) and that they are whole.
  /** A file's content: the article store gunzipped (a truncated gzip throws), the query index's footer (a cut-off one throws), the others as text. */
  const read = (path: string): string => {
    if (path.endsWith('.gz')) return gunzipSync(readFileSync(path)).toString('utf8');
    if (path.endsWith('.qidx')) {
      const index = QueryIndex.open(path);
      index.close();
      return JSON.stringify(index.footer);
    }
    return readFileSync(path, 'utf8');
  };
  const summary = (file: string, s: string): string => {
    if (file === 'graph.json') {
      const g = JSON.parse(s) as { nodes: { key: string }[]; edges: unknown[] };
      return `${g.nodes.map((n) => n.key).join(' ')} | ${g.edges.length} edges`;
    }
    if (file === 'graph.gexf' || file === 'graph.graphml') {
      expect(s.trimEnd().endsWith(file === 'graph.gexf' ? '</gexf>' : '</graphml>'), `${file} ends with its root's end tag`).toBe(true);
      return [...s.matchAll(/<node id="([^"]*)"/g)].map((m) => m[1]).join(' ');
    }
    if (file === 'graph.jsonld') JSON.parse(s);
    return s;
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'newskg-kill-'));
    oldDir = join(tmp, 'old');
    await build({ paths: [join(seeds, '000_93913eae600d5a9a.txt')], out: oldDir, base: 'https://newskg.org/id/', formats: ALL_FORMATS.split(',') as OutputFormat[] });
    const ref = await newskg(['build', ...inputs, '--out', join(tmp, 'new'), '--format', ALL_FORMATS]);
    expect(ref.code, ref.stderr).toBe(0);
    duration = ref.ms;
    for (const f of FINAL) {
      old[f] = summary(f, read(join(oldDir, f)));
      fresh[f] = summary(f, read(join(tmp, 'new', f)));
    }
    for (const [f, format] of [['graph.ttl', 'text/turtle'], ['graph.nt', 'application/n-triples']]) {
      expect(new Parser({ format }).parse(old[f]).length).toBeGreaterThan(500);
      expect(new Parser({ format }).parse(fresh[f]).length).toBeGreaterThan(5_000);
    }
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // When to kill: at a fraction of the measured build time, or once n final files have been replaced.
  const kills: [string, { fraction?: number; replaced?: number }][] = [
    ['at 35% of the build time', { fraction: 0.35 }],
    ['at 90% of the build time', { fraction: 0.9 }],
    ['right after the first output is replaced', { replaced: 1 }],
    ['right after the fourth output is replaced', { replaced: 4 }],
    ['right after the sixth output is replaced', { replaced: 6 }],
    ['right after the last output is replaced', { replaced: 8 }],
  ];

  test.each(kills)('killed %s: every output (and the article store) is the old or the new build, whole; only *.tmp files besides', async (_name, when) => {
    const out = join(tmp, 'out');
    rmSync(out, { recursive: true, force: true });
    cpSync(oldDir, out, { recursive: true });
    const inode = Object.fromEntries(FINAL.map((f) => [f, statSync(join(out, f)).ino]));
    const replaced = () => FINAL.filter((f) => statSync(join(out, f), { throwIfNoEntry: false })?.ino !== inode[f]).length;
    const r = await newskg(['build', ...inputs, '--out', out, '--format', ALL_FORMATS], {
      killAt: when.fraction !== undefined ? when.fraction * duration : undefined,
      killWhen: when.replaced !== undefined ? () => replaced() >= when.replaced! : undefined,
    });
    const files = readdirSync(out);
    expect(files.filter((f) => !FINAL.includes(f) && !f.endsWith('.tmp'))).toEqual([]);
    const state: string[] = [];
    for (const f of FINAL) {
      expect(files, `${f} is missing`).toContain(f);
      const s = summary(f, read(join(out, f)));
      const which = s === old[f] ? 'old' : s === fresh[f] ? 'new' : 'NEITHER';
      state.push(`${f.slice(6)}:${which}`);
      expect(which, `${f} (${s.length} chars; old ${old[f].length}, new ${fresh[f].length})`).not.toBe('NEITHER');
    }
    console.log(`killed ${_name} (${r.signal ?? `exit ${r.code}`} after ${Math.round(r.ms)} of ~${Math.round(duration)} ms): ${state.join(' ')}; ${files.filter((f) => f.endsWith('.tmp')).length} .tmp left`);
  }, 30_000);
});
