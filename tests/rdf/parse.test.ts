/** Reading RDF back: a TriG file graph by graph, and counting the triples of Turtle. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import { countTurtleTriples, graphsOfTriG } from '../../src/rdf/parse.js';
import { toTriG } from '../../src/rdf/serialize.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;
const ex = (l: string) => namedNode(`https://example.org/${l}`);

async function graphs(path: string) {
  const out: [string, number][] = [];
  for await (const g of graphsOfTriG(path)) out.push([g.graph, g.quads.length]);
  return out;
}

describe('graphsOfTriG', () => {
  test('gives each graph once, with all its quads, in file order, the default graph as ""', async () => {
    const quads = [
      ...Array.from({ length: 25_000 }, (_, i) => quad(ex(`s${i}`), ex('p'), literal(String(i)), ex('g1'))),
      quad(ex('a'), ex('p'), ex('b'), ex('g2')),
      quad(ex('x'), ex('p'), literal('default'), defaultGraph()),
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'newskg-trig-')), 'g.trig');
    writeFileSync(path, toTriG(quads));
    expect(await graphs(path)).toEqual([
      ['https://example.org/g1', 25_000],
      ['https://example.org/g2', 1],
      ['', 1],
    ]);
  });

  test('a graph written in two places, or a file that does not parse, is one error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-trig-'));
    const split = join(dir, 'split.trig');
    writeFileSync(split, '<https://e/g1> { <https://e/a> <https://e/p> <https://e/b> . }\n<https://e/g2> { <https://e/a> <https://e/p> <https://e/c> . }\n<https://e/g1> { <https://e/a> <https://e/p> <https://e/d> . }\n');
    await expect(graphs(split)).rejects.toThrow(/split\.trig: graph https:\/\/e\/g1 is written in two places/);
    const broken = join(dir, 'broken.trig');
    writeFileSync(broken, '<https://e/g1> { <https://e/a> <https://e/p> ');
    await expect(graphs(broken)).rejects.toThrow(/^newskg\/rdf: .*broken\.trig: /);
  });
});

describe('countTurtleTriples', () => {
  test('counts, or names the origin of Turtle that does not parse', () => {
    expect(countTurtleTriples('<https://e/a> <https://e/p> <https://e/b>, <https://e/c> .', 'x')).toBe(2);
    expect(() => countTurtleTriples('<https://e/a> <https://e/p>', 'http://store/sparql')).toThrow(/http:\/\/store\/sparql: Turtle that does not parse/);
  });
});
