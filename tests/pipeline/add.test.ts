/**
 * `--add`: articles added to an existing build give the RDF and graph that one build of all the
 * articles gives; articles the build has are skipped; a killed add leaves the previous build whole.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type OutputFormat } from '../../src/pipeline/index.js';
import { newskg } from '../helpers/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const seeds = join(root, 'seeds');
const BASE = 'https://newskg.org/id/';
const FORMATS: OutputFormat[] = ['nt', 'trig', 'json'];
const sortedLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).sort();
/** What a graph.json describes: its nodes with their attributes, and its edges without graphology's generated keys. */
const graphOf = (dir: string) => {
  const g = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as { attributes: unknown; nodes: unknown[]; edges: { key?: string }[] };
  return { attributes: g.attributes, nodes: g.nodes, edges: g.edges.map(({ key: _key, ...e }) => e) };
};

let tmp: string;
let first: string;
let second: string;
let whole: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'newskg-add-'));
  // The seeds in two batches: a day's feed, then the next day's.
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  first = join(tmp, 'day1');
  second = join(tmp, 'day2');
  mkdirSync(first);
  mkdirSync(second);
  files.forEach((f, i) => copyFileSync(join(seeds, f), join(i < files.length / 2 ? first : second, f)));
  whole = join(tmp, 'whole');
  await build({ paths: [first, second], out: whole, base: BASE, formats: FORMATS });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--add', () => {
  test('a build of the first batch, then --add of the second, gives what one build of both gives', async () => {
    const out = join(tmp, 'incremental');
    const day1 = await build({ paths: [first], out, base: BASE, formats: FORMATS });
    const day2 = await build({ paths: [second], out, base: BASE, formats: FORMATS, add: true });
    expect(day2.added).toBe(readdirSync(second).length);
    expect(day2.articles).toBe(day1.articles + day2.added);
    expect(sortedLines(join(out, 'graph.nt'))).toEqual(sortedLines(join(whole, 'graph.nt')));
    expect(sortedLines(join(out, 'graph.trig')).length).toBe(sortedLines(join(whole, 'graph.trig')).length);
    expect(graphOf(out)).toEqual(graphOf(whole));
    // The article store holds every article once, in build order.
    const stored = gunzipSync(readFileSync(join(out, 'articles.jsonl.gz'))).toString('utf8').trim().split('\n');
    expect(stored).toHaveLength(1 + day2.articles);
  }, 60_000);

  test('articles the build has already are skipped; adding them again changes nothing', async () => {
    const out = join(tmp, 'again');
    await build({ paths: [first, second], out, base: BASE, formats: FORMATS });
    const again = await build({ paths: [second], out, base: BASE, formats: FORMATS, add: true });
    expect([again.added, again.skipped, again.problems]).toEqual([0, readdirSync(second).length, []]);
    expect(sortedLines(join(out, 'graph.nt'))).toEqual(sortedLines(join(whole, 'graph.nt')));
  }, 60_000);

  test('--add into a folder with a graph but no article store is refused, and nothing there changes', async () => {
    const out = join(tmp, 'no-store');
    await build({ paths: [first], out, base: BASE, formats: FORMATS });
    rmSync(join(out, 'articles.jsonl.gz'));
    const before = readFileSync(join(out, 'graph.nt'), 'utf8');
    await expect(build({ paths: [second], out, base: BASE, formats: FORMATS, add: true })).rejects.toThrow(`${out} has a graph but no articles.jsonl.gz to add to; build it again from all its articles`);
    expect(readFileSync(join(out, 'graph.nt'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--add into a folder built under another base is refused with one line naming the store', async () => {
    const out = join(tmp, 'other-base');
    await build({ paths: [first], out, base: 'https://example.org/kg/', formats: FORMATS });
    await expect(build({ paths: [second], out, base: BASE, formats: FORMATS, add: true })).rejects.toThrow(/articles\.jsonl\.gz: was built with --base https:\/\/example\.org\/kg\/, not https:\/\/newskg\.org\/id\//);
  });

  test('the CLI says what it added; a SIGKILL during an add leaves the previous build whole, and running it again completes it', async () => {
    const start = join(tmp, 'cli-start');
    await build({ paths: [first], out: start, base: BASE, formats: FORMATS });
    const before = Object.fromEntries(['graph.nt', 'graph.trig', 'graph.json', 'articles.jsonl.gz'].map((f) => [f, readFileSync(join(start, f))]));
    const out = join(tmp, 'cli');
    cpSync(start, out, { recursive: true });
    const ref = await newskg(['build', second, '--out', join(tmp, 'cli-ref-unused'), '--format', 'nt,trig,json']);
    expect(ref.code, ref.stderr).toBe(0);
    for (const fraction of [0.3, 0.8]) {
      const killed = await newskg(['build', second, '--out', out, '--add', '--format', 'nt,trig,json'], { killAt: fraction * ref.ms });
      expect(killed.signal).toBe('SIGKILL');
      for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), `${f} after a kill at ${fraction}`).toBe(true);
    }
    const done = await newskg(['build', second, '--out', out, '--add', '--format', 'nt,trig,json']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(new RegExp(`^added ${readdirSync(second).length} articles \\(0 already there; \\d+ in all\\)`, 'm'));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(sortedLines(join(out, 'graph.nt'))).toEqual(sortedLines(join(whole, 'graph.nt')));
  }, 120_000);
});
