/** The worker pool gives exactly what in-process processing gives, in input order, and loses only a failed article. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { processAll } from '../../src/pipeline/pool.js';
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
