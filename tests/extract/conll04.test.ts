import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConll04 } from '../../src/extract/conll04.js';

const FIXTURE = new URL('../fixtures/relations/made-up.json', import.meta.url).pathname;

describe('reading CoNLL04 (SpERT JSON)', () => {
  test('sentences become text with the gold names as character spans and their relations', () => {
    const [first, , , , , sixth] = readConll04(FIXTURE);
    expect(first.text.slice(first.entities[0].start, first.entities[0].end)).toBe('Tomas Brel');
    expect(first.entities.map((e) => [first.text.slice(e.start, e.end), e.type])).toEqual([
      ['Tomas Brel', 'Peop'],
      ['Drennow Corp.', 'Org'],
    ]);
    expect(first.relations).toEqual([{ head: 0, tail: 1, type: 'Work_For' }]);
    expect(sixth.relations.map((r) => r.type)).toEqual(['Work_For', 'OrgBased_In']);
  });

  test('a file that is not CoNLL04 is a clear one-line error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conll04-'));
    writeFileSync(join(dir, 'bad.json'), '{"tokens": 3}');
    expect(() => readConll04(join(dir, 'bad.json'))).toThrow(/bad\.json: not a CoNLL04 JSON file/);
    writeFileSync(join(dir, 'uneven.json'), '[{"tokens": ["a", "b"], "tags": ["O"], "relations": []}]');
    expect(() => readConll04(join(dir, 'uneven.json'))).toThrow(/uneven\.json: sentence 0/);
    expect(() => readConll04(join(dir, 'missing.json'))).toThrow(/missing\.json: not a CoNLL04 JSON file \(ENOENT\)/);
  });
});
