/** The query index: quads in, each predicate's N-Quads back, and one-line errors for what is not an index. */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Parser, type Quad } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { QueryIndex, openQueryIndex } from '../../src/rdf/index.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;
const dir = mkdtempSync(join(tmpdir(), 'newskg-qidx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const P = (n: string) => namedNode(`https://example.org/p/${n}`);
const S = (i: number) => namedNode(`https://example.org/s/${i}`);

function written(name: string, quads: Quad[], batches = 1): string {
  const path = join(dir, name);
  const stream = openQueryIndex(path);
  const size = Math.ceil(quads.length / batches);
  for (let i = 0; i < quads.length; i += size) stream.add(quads.slice(i, i + size));
  stream.end();
  return path;
}

const read = (index: QueryIndex, p: string) => new Parser({ format: 'N-Quads' }).parse(Buffer.concat([...index.blocks(p)]).toString('utf8'));

describe('query index', () => {
  test('each predicate gives back exactly its quads, graphs and literals whole', () => {
    const g = namedNode('https://example.org/article/1');
    const quads = [
      quad(S(1), P('label'), literal('Tromsø "quoted"\nline', 'en'), g),
      quad(S(2), P('knows'), S(1), defaultGraph()),
      quad(S(2), P('label'), literal('Two'), defaultGraph()),
    ];
    const index = QueryIndex.open(written('small.qidx', quads));
    expect(index.predicates.sort()).toEqual([P('knows').value, P('label').value]);
    expect(index.footer.quads).toBe(3);
    expect(read(index, P('label').value).map((q) => [q.subject.value, q.object.value, q.graph.value])).toEqual([
      [S(1).value, 'Tromsø "quoted"\nline', g.value],
      [S(2).value, 'Two', ''],
    ]);
    expect(read(index, P('knows').value)).toHaveLength(1);
    expect([...index.blocks('https://example.org/p/none')]).toEqual([]);
    index.close();
  });

  test('a predicate with more text than one block spans several blocks, none lost', () => {
    const quads = Array.from({ length: 20_000 }, (_, i) => quad(S(i), P(i % 3 === 0 ? 'a' : 'b'), literal(`value number ${i} with some padding text`)));
    const index = QueryIndex.open(written('big.qidx', quads, 7));
    expect(index.footer.predicates[P('b').value].length).toBeGreaterThan(1);
    expect(read(index, P('a').value)).toHaveLength(Math.ceil(20_000 / 3));
    expect(read(index, P('b').value)).toHaveLength(20_000 - Math.ceil(20_000 / 3));
    index.close();
  });

  test('what is not an index, or is cut off, is a one-line error', () => {
    writeFileSync(join(dir, 'text.qidx'), 'hello');
    expect(() => QueryIndex.open(join(dir, 'text.qidx'))).toThrow(/^too short to be a query index$|^not a query index/);
    const whole = readFileSync(written('cut.qidx', [quad(S(1), P('a'), S(2))]));
    writeFileSync(join(dir, 'cut.qidx'), whole.subarray(0, whole.length - 3));
    expect(() => QueryIndex.open(join(dir, 'cut.qidx'))).toThrow(/^not a query index \(no trailer\)$/);
  });
});
