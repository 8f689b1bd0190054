/**
 * An independent, non-JavaScript RDF parser reads the output: Raptor's `rapper` (Debian package
 * raptor2-utils) parses graph.ttl, graph.nt and graph.trig of the seed article plus the hostile
 * fixtures, counts what N3.js counts, and reads every triple (literals included) as N3.js does.
 * Without rapper on PATH the tests are skipped, except in CI (CI set), where they fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORMATS, build } from '../../src/pipeline/index.js';

const root = new URL('../../', import.meta.url).pathname;
const rapperFound = spawnSync('rapper', ['--version'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);
const title = rapperFound
  ? 'Raptor (rapper) reads the RDF outputs'
  : `Raptor (rapper) reads the RDF outputs — ${inCi ? 'rapper is NOT on PATH: CI must install raptor2-utils' : 'SKIPPED: rapper not on PATH (apt-get install raptor2-utils)'}`;

if (!rapperFound && !inCi) console.warn(`skipping tests/rdf/rapper.test.ts: rapper is not on PATH (apt-get install raptor2-utils); with CI set they fail instead`);

const rapper = (args: string[]) => spawnSync('rapper', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const keys = (qs: Quad[]) => [...new Set(qs.map((q) => [q.subject, q.predicate, q.object, q.graph].map((t) => t.id).join(' ')))].sort();

describe.skipIf(!rapperFound && !inCi)(title, () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'newskg-rapper-'));
    await build({ paths: [join(root, 'seeds', '000_93913eae600d5a9a.txt'), join(root, 'tests', 'fixtures', 'hostile')], out, base: 'https://newskg.org/id/', formats: FORMATS });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('rapper is on PATH', () => {
    expect(rapperFound, 'rapper not found: install raptor2-utils (.ci/run does in CI)').toBe(true);
  });

  // file, rapper syntax, N3.js format, rapper's line-based output syntax and N3.js's name for it
  test.each([
    ['graph.ttl', 'turtle', 'text/turtle', 'ntriples', 'application/n-triples'],
    ['graph.nt', 'ntriples', 'application/n-triples', 'ntriples', 'application/n-triples'],
    ['graph.trig', 'trig', 'application/trig', 'nquads', 'application/n-quads'],
  ])('%s: rapper -i %s parses it without errors or warnings, counts what N3.js parses and reads the same statements', (file, syntax, n3Format, lines, n3Lines) => {
    const path = join(out, file);
    const n3 = new Parser({ format: n3Format }).parse(readFileSync(path, 'utf8'));
    const counted = rapper(['-i', syntax, '-c', path]);
    expect(counted.error).toBeUndefined();
    expect.soft(counted.status, counted.stderr).toBe(0);
    expect.soft(counted.stderr.split('\n').filter((l) => /error|warning/i.test(l)).slice(0, 5)).toEqual([]);
    // "rapper: Parsing returned N triples" (for TriG, N counts every statement of every graph).
    expect.soft(Number(/Parsing returned (\d+) triples?/.exec(counted.stderr)?.[1])).toBe(n3.length);
    const printed = rapper(['-q', '-i', syntax, '-o', lines, path]);
    expect.soft(printed.status).toBe(0);
    expect(keys(new Parser({ format: n3Lines }).parse(printed.stdout))).toEqual(keys(n3));
  });
});
