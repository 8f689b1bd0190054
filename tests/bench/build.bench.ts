/**
 * Build benchmark (run on demand with `npm run bench`, never inside unit tests): articles per
 * second and peak memory for `newskg build` of the Wikinews articles in ../shared/data/wikinews
 * (all seven outputs written), at 1×, 2× and 4× the input. Copies get their own titles, so they
 * are new articles about the same entities: the graph stays the same size while the RDF grows.
 *
 * Each scale runs in a fresh process, so its peak memory is its own: the first build there is
 * what one `newskg build` costs (model load in every worker, cold caches), then three more
 * builds give the steady-state rate of a process that builds repeatedly. Medians: this
 * machine is shared and noisy. Without ../shared, seeds/ and the test fixtures stand in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/pipeline/index.js';
import { DEFAULT_BASE } from '../../src/rdf/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface ScaleResult {
  articles: number;
  entities: number;
  quads: number;
  firstSeconds: number;
  steadySeconds: number[];
  timings: Record<string, number>;
  /** Peak memory of the first build alone: what one `newskg build` takes. */
  firstPeakRssMb: number;
  /** Peak memory with the workers kept between builds. */
  peakRssMb: number;
}

if (process.argv[2] === '--child') {
  const [input, out] = process.argv.slice(3);
  const t0 = performance.now();
  const first = await build({ paths: [input], out, base: DEFAULT_BASE });
  const firstSeconds = (performance.now() - t0) / 1000;
  const firstPeakRssMb = process.resourceUsage().maxRSS / 1024;
  // Then as a process that builds repeatedly: workers kept with their models and warm caches.
  await build({ paths: [input], out, base: DEFAULT_BASE, keepWorkers: true });
  const steadySeconds: number[] = [];
  const timings: Record<string, number[]> = {};
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const result = await build({ paths: [input], out, base: DEFAULT_BASE, keepWorkers: true });
    steadySeconds.push((performance.now() - t) / 1000);
    for (const [phase, ms] of Object.entries(result.timings)) (timings[phase] ??= []).push(ms);
  }
  const report: ScaleResult = {
    articles: first.articles,
    entities: first.entities.length,
    quads: first.quads,
    firstSeconds,
    steadySeconds,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)])),
    firstPeakRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
}

const shared = join(root, '..', 'shared', 'data', 'wikinews');
const sources = existsSync(shared) ? [shared] : [join(root, 'seeds'), join(root, 'tests', 'fixtures', 'wikinews')];
const articles = sources.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !/^(readme|attribution|source)/i.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);
const work = mkdtempSync(join(tmpdir(), 'newskg-bench-'));
console.log(`build benchmark: ${articles.length} articles from ${sources.join(' + ')}; ${availableParallelism()} cores`);
console.log('scale  articles  entities    quads | first build (fresh process)  | steady state, median of 3            | peak RSS first / kept workers');
const results: ScaleResult[] = [];
for (const scale of [1, 2, 4]) {
  const input = join(work, `input-${scale}x`);
  mkdirSync(input);
  articles.forEach((text, i) => {
    for (let copy = 1; copy <= scale; copy++) {
      // The first line is the headline: a copy is a new article (new id) about the same things.
      const retitled = copy === 1 ? text : text.replace(/^[^\n]*/, (title) => `${title} (copy ${copy})`);
      writeFileSync(join(input, `${String(i).padStart(4, '0')}-${copy}.txt`), retitled);
    }
  });
  const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', input, join(work, `out-${scale}x`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(output) as ScaleResult;
  results.push(r);
  const steady = median(r.steadySeconds);
  console.log(
    `${scale}×`.padEnd(5),
    String(r.articles).padStart(9),
    String(r.entities).padStart(9),
    String(r.quads).padStart(8),
    `| ${(r.articles / r.firstSeconds).toFixed(0).padStart(4)} articles/s (${r.firstSeconds.toFixed(2)} s)`.padEnd(30),
    `| ${(r.articles / steady).toFixed(0).padStart(4)} articles/s (${r.steadySeconds.map((s) => s.toFixed(2)).join(', ')} s)`.padEnd(39),
    `| ${r.firstPeakRssMb.toFixed(0)} / ${r.peakRssMb.toFixed(0)} MB`,
  );
}
const base = results[0];
for (const [i, scale] of [2, 4].entries()) {
  const r = results[i + 1];
  console.log(`${scale}× the input: ${(median(r.steadySeconds) / median(base.steadySeconds)).toFixed(2)}× the steady-state time, ${(r.firstSeconds / base.firstSeconds).toFixed(2)}× the first-build time, ${(r.firstPeakRssMb / base.firstPeakRssMb).toFixed(2)}× the first build's peak memory`);
}
console.log(`steady-state phases at 1× (ms, median of 3): ${Object.entries(base.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
rmSync(work, { recursive: true, force: true });
