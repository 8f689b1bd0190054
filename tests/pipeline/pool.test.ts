/** The worker pool gives exactly what in-process processing gives, in input order, and loses only a failed article. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { processAll, processEach, type ArticleOutcome } from '../../src/pipeline/pool.js';
import { readArticles } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

const root = new URL('../../', import.meta.url).pathname;
const BASE = 'https://newskg.org/id/';

async function seedArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readArticles([join(root, 'seeds')])) if ('article' in item) out.push(item.article);
  return out;
}

// Worker threads each load the models: on a loaded two-core machine a call takes seconds, not the default 5 s.
describe('processAll', { timeout: 30_000 }, () => {
  test('worker threads and this thread give identical results, in input order', async () => {
    const articles = await seedArticles();
    expect(articles.length).toBeGreaterThanOrEqual(16);
    const inProcess = await processAll(articles, { base: BASE, workers: 0 });
    const done: number[] = [];
    const threads = new Set<number>();
    const parallel = await processAll(articles, {
      base: BASE,
      workers: 2,
      onDone: (i, thread) => {
        done.push(i);
        threads.add(thread);
      },
    });
    expect(parallel).toEqual(inProcess);
    expect(done.sort((a, b) => a - b)).toEqual(articles.map((_, i) => i));
    // Two worker threads did the work (this thread's id is 0): the in-process fallback did not run.
    expect([...threads].sort()).toHaveLength(2);
    expect(threads.has(0)).toBe(false);
  });

  test('an article that fails is reported as its own error; the others are built', async () => {
    const articles = await seedArticles();
    const broken = { ...articles[3], text: 42 as unknown as string };
    const outcomes = await processAll([...articles.slice(0, 3), broken, ...articles.slice(4)], { base: BASE, workers: 2 });
    expect(outcomes[3]).toEqual({ error: expect.stringMatching(/expects a string/) });
    expect(outcomes.filter((o) => 'resolved' in o)).toHaveLength(articles.length - 1);
  });

  test('calls made at the same time each get their own results', async () => {
    const articles = await seedArticles();
    const [a, b] = await Promise.all([processAll(articles.slice(0, 16), { base: BASE, workers: 2 }), processAll(articles.slice(4, 20), { base: BASE, workers: 2 })]);
    const alone = await processAll(articles.slice(0, 20), { base: BASE, workers: 0 });
    expect(a).toEqual(alone.slice(0, 16));
    expect(b).toEqual(alone.slice(4, 20));
  });

  test('an article that takes too long is given up as its own error, and the call still settles', async () => {
    const articles = (await seedArticles()).slice(0, 16);
    const outcomes = await processAll(articles, { base: BASE, workers: 2, articleTimeoutMs: 1 });
    expect(outcomes).toHaveLength(16);
    const timedOut = outcomes.filter((o) => 'error' in o && /took longer than 0\.001 s/.test(o.error));
    expect(timedOut.length).toBeGreaterThan(0);
    // Nothing lost or mixed up: each article is either given up or built exactly as in this thread.
    const alone = await processAll(articles, { base: BASE, workers: 0 });
    outcomes.forEach((o, i) => expect('error' in o ? o.error : o).toEqual('error' in o ? expect.stringMatching(/took longer/) : alone[i]));
  });

  test('the worker script exists in the compiled tree (npm test compiles first)', () => {
    expect(readdirSync(join(root, 'dist', 'src', 'pipeline'))).toContain('article-worker.js');
    expect(readFileSync(join(root, 'dist', 'src', 'pipeline', 'article-worker.js'), 'utf8')).toMatch(/processArticle/);
  });
});

describe('processEach', { timeout: 60_000 }, () => {
  test('a worker whose heap runs out hands its article to this thread: nothing is lost, the results are the same', async () => {
    const seeds = await seedArticles();
    const articles = seeds.slice(0, 16);
    // A long article (the seeds run together six times, about 340 kB) among short ones, with a heap bound the short ones fit in.
    const long: Article = { ...articles[0], id: 'long', origin: '<long>', text: seeds.map((a) => a.text).join('\n\n').repeat(6) };
    const input = [...articles.slice(0, 8), long, ...articles.slice(8)];
    const threads = new Map<number, number>();
    const outcomes: [number, ArticleOutcome][] = [];
    await processEach(input, { base: BASE, workers: 2, workerHeapMb: 120, onDone: (i, thread) => threads.set(i, thread) }, (i, o) => outcomes.push([i, o]));
    expect(outcomes.map(([i]) => i)).toEqual(input.map((_, i) => i));
    expect(outcomes.every(([, o]) => 'resolved' in o)).toBe(true);
    expect(threads.get(8)).toBe(0); // the long one was built here
    expect([...threads.values()].filter((t) => t !== 0).length).toBeGreaterThan(8);
    const alone = await processAll(input.slice(8, 10), { base: BASE, workers: 0 });
    expect(outcomes.slice(8, 10).map(([, o]) => o)).toEqual(alone);
  });

  test('when the caller cannot take an outcome, no more articles are sent and the call fails with its error', async () => {
    const articles = (await seedArticles()).slice(0, 16);
    const stop = new Error('disk full');
    const taken: number[] = [];
    const sent = new Set<number>();
    await expect(
      processEach(articles, { base: BASE, workers: 2, onDone: (i) => sent.add(i) }, (i) => {
        if (i === 3) throw stop;
        taken.push(i);
      }),
    ).rejects.toBe(stop);
    expect(taken).toEqual([0, 1, 2]);
    expect(sent.size).toBeLessThan(articles.length);
  });
});
