/** Training the shipped parser: which data it may read, and a clear error without it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHIPPABLE_GUM, buildParser, udFiles } from '../../src/nlp/build-parser.js';

describe('buildParser', () => {
  test.each([
    ['GUM_news_made_up', true],
    ['GUM_interview_x', true],
    ['GUM_bio_x', true],
    ['GUM_voyage_x', true],
    ['GUM_fiction_x', false],
    ['GUM_academic_x', false],
    ['GUM_vlog_news_x', false],
  ])('GUM document %s may train a shipped model: %s', (doc, ok) => {
    expect(SHIPPABLE_GUM.test(doc)).toBe(ok);
  });

  test('without ud_english/ it says which file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-nodata-'));
    expect(() => udFiles(dir)).toThrow(/training data not found: .*ud_english.*conllu \(pass --data DIR\)/);
    await expect(buildParser({ dataDir: dir, out: join(dir, 'x.model'), log: () => {} })).rejects.toThrow(/training data not found/);
  });
});
