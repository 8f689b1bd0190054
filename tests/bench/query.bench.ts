/**
 * Query benchmark (run on demand with `npm run bench`): latency of an entity lookup, neighbors at
 * depth 2, a path query and a two-hop SPARQL join, on the seed graph and on a generated graph of
 * about a million triples; load time and memory of the big one. Medians of 30 runs.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/pipeline/index.js';
import { mulberry32 } from '../../src/nlp/hash.js';
import { KnowledgeGraph } from '../../src/query/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => unknown, runs = 30) => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return median(out);
};

/** A news-like graph: entities with labels and types, relations each with a statement of evidence. */
function generate(dir: string, entities: number, relations: number): number {
  const rand = mulberry32(3);
  const base = 'https://newskg.org/id/';
  const nkg = 'https://newskg.org/ontology#';
  const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const skos = 'http://www.w3.org/2004/02/skos/core#';
  const kinds = ['Person', 'Organization', 'Country', 'City', 'Event'];
  const predicates = ['warned', 'leads', 'memberOf', 'locatedIn', 'attacked', 'linkedTo'];
  const lines: string[] = [];
  const nodes = [];
  for (let i = 0; i < entities; i++) {
    const iri = `${base}entity/e${i}`;
    const kind = kinds[i % kinds.length];
    lines.push(`<${iri}> <${rdf}type> <${nkg}${kind}> .`, `<${iri}> <${skos}prefLabel> "Entity ${i}"@en .`, `<${iri}> <http://www.w3.org/2000/01/rdf-schema#label> "Entity ${i}" .`, `<${iri}> <${skos}altLabel> "E${i}"@en .`);
    nodes.push({ key: iri, attributes: { label: `Entity ${i}`, class: kind, category: kind === 'Event' ? 'event' : kind === 'Person' ? 'person' : kind === 'Organization' ? 'organization' : 'place', aliases: [`E${i}`], handles: [], mentionCount: 1 + (i % 9), articles: 1, x: rand(), y: rand(), size: 3 } });
  }
  const edges = [];
  for (let r = 0; r < relations; r++) {
    const a = Math.floor(rand() * entities);
    const b = (a + 1 + Math.floor(rand() * 50)) % entities;
    const p = predicates[r % predicates.length];
    const st = `${base}statement/s${r}`;
    const art = `${base}article/a${r % 5000}`;
    lines.push(
      `<${base}entity/e${a}> <${nkg}${p}> <${base}entity/e${b}> .`,
      `<${st}> <${rdf}type> <${nkg}Statement> .`,
      `<${st}> <${rdf}subject> <${base}entity/e${a}> .`,
      `<${st}> <${rdf}predicate> <${nkg}${p}> .`,
      `<${st}> <${rdf}object> <${base}entity/e${b}> .`,
      `<${st}> <${nkg}inArticle> <${art}> .`,
      `<${st}> <${nkg}evidenceText> "Entity ${a} ${p} entity ${b}, officials said on Tuesday." .`,
      `<${st}> <${nkg}confidence> "0.7"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
    );
    edges.push({ key: `e${r}`, source: `${base}entity/e${a}`, target: `${base}entity/e${b}`, attributes: { predicate: p, family: p, weak: false, confidence: 0.7, evidenceCount: 1, evidence: [{ articleId: `a${r % 5000}`, sentenceText: `Entity ${a} ${p} entity ${b}.`, sentenceStart: 0 }] } });
  }
  writeFileSync(join(dir, 'graph.nt'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'graph.json'), JSON.stringify({ attributes: { articles: {} }, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges }));
  return lines.length;
}

function measure(name: string, kg: KnowledgeGraph, a: string, b: string, hub: string): void {
  const entity = time(() => kg.entity(a));
  const neighbors = time(() => kg.neighbors(a, { depth: 2 }));
  const path = time(() => kg.paths(a, b, { maxLength: 6 }));
  const join2 = time(() => kg.sparql(`SELECT ?b ?c WHERE { <${hub}> ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) }`));
  console.log(`${name}: entity lookup ${entity.toFixed(3)} ms, neighbors depth 2 ${neighbors.toFixed(2)} ms, path ${path.toFixed(2)} ms, two-hop SPARQL join ${join2.toFixed(2)} ms`);
}

const seedDir = mkdtempSync(join(tmpdir(), 'newskg-query-bench-'));
await build({ paths: [join(root, 'seeds')], out: seedDir, base: 'https://newskg.org/id/', formats: ['trig', 'json'] });
const seed = await KnowledgeGraph.load(seedDir);
console.log(`query benchmark (medians of 30 runs); seed graph: ${seed.store.size} quads, ${seed.graph.order} nodes, ${seed.graph.size} edges`);
measure('seed graph', seed, 'Iraq', 'Abdeslam Salah', 'https://newskg.org/id/place/iraq');

const bigDir = mkdtempSync(join(tmpdir(), 'newskg-query-bench-'));
const triples = generate(bigDir, 60_000, 110_000);
global.gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const big = await KnowledgeGraph.load(bigDir);
const loadMs = performance.now() - t0;
const rss1 = process.memoryUsage().rss;
console.log(`generated graph: ${triples} triples, ${big.graph.order} nodes, ${big.graph.size} edges; load ${(loadMs / 1000).toFixed(1)} s, memory +${((rss1 - rss0) / 1e6).toFixed(0)} MB (RSS ${(rss1 / 1e6).toFixed(0)} MB)`);
measure('generated graph', big, 'Entity 17', 'Entity 170', 'https://newskg.org/id/entity/e17');
