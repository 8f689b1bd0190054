/**
 * Build benchmark (run on demand with `npm run bench`): articles per second for building the
 * knowledge graph of seeds/ plus the Wikinews fixtures (ingest → nlp → typing → resolution →
 * RDF and graph, all outputs written), in process, after one warm-up build. Medians of 3.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build/index.js';
import { DEFAULT_BASE } from '../../src/rdf/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const paths = [join(root, 'seeds'), join(root, 'tests', 'fixtures', 'wikinews')];
const out = mkdtempSync(join(tmpdir(), 'newskg-bench-'));

await build({ paths, out, base: DEFAULT_BASE }); // warm-up: model load, JIT, gazetteers
const rates: number[] = [];
let articles = 0;
let entities = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const result = await build({ paths, out, base: DEFAULT_BASE });
  const seconds = (performance.now() - t0) / 1000;
  articles = result.resolved.length;
  entities = result.entities.length;
  rates.push(articles / seconds);
}
rates.sort((a, b) => a - b);
console.log(`build of seeds/ + Wikinews fixtures: ${articles} articles, ${entities} entities`);
console.log(`build throughput (entities, co-mentions, RDF in 4 formats, graph with ForceAtlas2 in 3 formats): ${rates[1].toFixed(1)} articles/s (median of 3; min ${rates[0].toFixed(1)}, max ${rates[2].toFixed(1)})`);
