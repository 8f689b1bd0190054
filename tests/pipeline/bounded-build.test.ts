/** buildBounded: the command line's build on a heap-bounded thread gives what build() gives, relays progress, and relays errors as they were. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, buildBounded, DEFAULT_BASE } from '../../src/pipeline/index.js';
import { NewskgError } from '../../src/errors.js';
import { summarise } from '../../src/pipeline/bounded-build.js';

const root = new URL('../../', import.meta.url).pathname;
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().slice(0, 3).map((f) => join(root, 'seeds', f));

describe('buildBounded', { timeout: 60_000 }, () => {
  test('gives the summary and the files build() gives, and relays start, progress and phases', async () => {
    const [here, there] = [mkdtempSync(join(tmpdir(), 'newskg-here-')), mkdtempSync(join(tmpdir(), 'newskg-there-'))];
    const direct = summarise(await build({ paths: seeds, out: here, base: DEFAULT_BASE, workers: 0 }));
    const events: string[] = [];
    const bounded = await buildBounded({ paths: seeds, out: there, base: DEFAULT_BASE, workers: 0, onStart: (n) => events.push(`start ${n}`), onArticle: (d) => events.push(`article ${d}`), onPhase: (p) => events.push(p) });
    const { timings: _a, files: fa, ...a } = direct;
    const { timings: _b, files: fb, ...b } = bounded;
    expect(b).toEqual(a);
    expect(fb.map((f) => f.replace(there, ''))).toEqual(fa.map((f) => f.replace(here, '')));
    expect(readFileSync(join(there, 'graph.ttl'), 'utf8')).toBe(readFileSync(join(here, 'graph.ttl'), 'utf8'));
    expect(events).toEqual(['start 3', 'article 1', 'article 2', 'article 3', 'graph', 'write', 'layout']);
  });

  test("the build's errors come back as NewskgErrors with their message", async () => {
    const err = await buildBounded({ paths: seeds, out: mkdtempSync(join(tmpdir(), 'newskg-bad-')), base: 'not an iri' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewskgError);
    expect((err as Error).message).toBe('newskg/build: base IRI "not an iri" must be absolute and end with / or #');
  });
});
