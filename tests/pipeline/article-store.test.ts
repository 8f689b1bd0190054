/** The article store (articles.jsonl.gz): resolved articles round-trip, sentence texts come back from the article, and a bad store is one clear error. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ArticleStoreWriter, readArticleStore } from '../../src/pipeline/article-store.js';
import type { ArticleEvidence, ResolvedArticle } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const TEXT = 'Orla Venn warned Kestria. Kestria said nothing.';
const S0 = 'Orla Venn warned Kestria.';

const evidence: ArticleEvidence = { articleId: 'a1', sentenceIndex: 0, sentenceText: S0, sentenceStart: 0, sentenceEnd: S0.length, start: 0, end: 24, confidence: 0.7, rule: 'subject + "warned" + object' };
const article = (id: string): ResolvedArticle => ({
  article: { id, text: TEXT, origin: `<${id}>` },
  sentences: [
    { start: 0, end: S0.length },
    { start: S0.length + 1, end: TEXT.length },
  ],
  entities: [],
  coMentions: [{ a: 'x', b: 'y', articleId: id, sentenceIndex: 0, sentenceText: S0, start: 0, end: S0.length }],
  relations: [{ family: 'warn', subject: 'x', object: 'y', evidence: { ...evidence, articleId: id } }],
  events: [],
  sources: [],
  posts: [],
});

async function readAll(path: string, base = BASE): Promise<ResolvedArticle[]> {
  const out: ResolvedArticle[] = [];
  for await (const r of readArticleStore(path, base)) out.push(r);
  return out;
}

describe('the article store', () => {
  test('gives back what was added, in order, without storing sentence texts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newskg-store-')), 'articles.jsonl.gz');
    const w = new ArticleStoreWriter(path, BASE);
    const written = Array.from({ length: 300 }, (_, i) => article(`a${i}`));
    for (const r of written) w.add(r);
    w.close();
    expect(w.count).toBe(300);
    expect(await readAll(path)).toEqual(written);
    // Each sentence text is in the file once per article, as part of the article's text only.
    const { gunzipSync } = await import('node:zlib');
    const raw = gunzipSync(readFileSync(path)).toString('utf8');
    expect(raw.split(S0).length - 1).toBe(300);
  });

  test('a missing store reads as empty', async () => {
    expect(await readAll(join(tmpdir(), 'no-such-store.jsonl.gz'))).toEqual([]);
  });

  test('a store of another base, another format or a broken line is refused in one line naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-store-'));
    const path = join(dir, 'articles.jsonl.gz');
    const w = new ArticleStoreWriter(path, BASE);
    w.add(article('a1'));
    w.close();
    await expect(readAll(path, 'https://other.example/')).rejects.toThrow(`${path}: was built with --base ${BASE}, not https://other.example/`);
    const foreign = join(dir, 'foreign.jsonl.gz');
    writeFileSync(foreign, gzipSync('{"something": "else"}\n'));
    await expect(readAll(foreign)).rejects.toThrow(/foreign\.jsonl\.gz: not a newskg article store/);
    const broken = join(dir, 'broken.jsonl.gz');
    writeFileSync(broken, Buffer.concat([readFileSync(path).subarray(0, 40)]));
    await expect(readAll(broken)).rejects.toThrow(/broken\.jsonl\.gz: .*build the folder again without --add/);
  });
});
