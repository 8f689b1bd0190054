/**
 * The SPARQL query pool on its own: answers in arrival order, a graph that cannot be loaded, and
 * closing with queries waiting. Its HTTP behaviour (timeouts, memory, queue limits, Retry-After)
 * is in sparql.test.ts. Needs the compiled query worker (dist/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { DEFAULT_QUERY_LIMITS, QueryPool, type QueryReply } from '../../src/server/query-pool.js';

const JSON_RESULTS = 'application/sparql-results+json';
let dir: string;
const pools: QueryPool[] = [];
const poolOf = (folder: string, limits: Partial<typeof DEFAULT_QUERY_LIMITS> = {}) => {
  const pool = new QueryPool(folder, { ...DEFAULT_QUERY_LIMITS, ...limits });
  pools.push(pool);
  return pool;
};
const bodyOf = (r: QueryReply) => (r.ok ? JSON.parse(r.body) : r);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newskg-pool-'));
  await build({ paths: [], articles: [{ title: 'Storm', text: 'Norway warned Sweden of storms on Monday.', published: '2021-03-16' }], out: join(dir, 'out'), base: 'https://newskg.org/id/', formats: ['trig', 'json'], workers: 0 });
}, 60_000);
afterAll(() => {
  for (const pool of pools) pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QueryPool', () => {
  test('one worker answers queries in the order they came, each with its own answer', async () => {
    const pool = poolOf(join(dir, 'out'), { workers: 1 });
    const order: number[] = [];
    const replies = await Promise.all(
      ['Norway', 'Nowhere', 'Sweden', 'Narnia'].map((label, i) => pool.run(`ASK { ?e skos:prefLabel "${label}"@en }`, JSON_RESULTS, () => false).then((r) => (order.push(i), r))),
    );
    expect(replies.map((r) => bodyOf(r).boolean)).toEqual([true, false, true, false]);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  test('a query whose client left while it waited is not run', async () => {
    const pool = poolOf(join(dir, 'out'), { workers: 1 });
    const reply = await pool.run('ASK { ?a ?b ?c }', JSON_RESULTS, () => true);
    expect(reply).toMatchObject({ ok: false, status: 499 });
  });

  test('a folder whose graph cannot be loaded: every waiting query gets a one-line 500, and ready() does not hang', async () => {
    const broken = join(dir, 'broken');
    rmSync(broken, { recursive: true, force: true });
    mkdirSync(broken);
    writeFileSync(join(broken, 'graph.trig'), '<a> <b> "unterminated .\n');
    const pool = poolOf(broken, { workers: 2 });
    const replies = await Promise.all([pool.run('ASK { ?a ?b ?c }', JSON_RESULTS, () => false), pool.run('ASK { ?a ?b ?c }', JSON_RESULTS, () => false)]);
    for (const r of replies) {
      expect(r).toMatchObject({ ok: false, status: 500 });
      expect(r.ok ? '' : r.error).toMatch(/^the graph could not be loaded for queries: /);
      expect(r.ok ? '' : r.error).not.toContain('\n');
    }
    await pool.ready();
  }, 30_000);

  test('closing answers the waiting queries 503 and refuses new ones', async () => {
    const pool = poolOf(join(dir, 'out'), { workers: 1 });
    const waiting = pool.run('ASK { ?a ?b ?c }', JSON_RESULTS, () => false);
    pool.close();
    expect(await waiting).toMatchObject({ ok: false, status: 503, error: 'the server is shutting down' });
    expect(await pool.run('ASK { ?a ?b ?c }', JSON_RESULTS, () => false)).toMatchObject({ ok: false, status: 503 });
  });
});
