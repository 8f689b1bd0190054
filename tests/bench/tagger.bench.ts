/**
 * Tagger benchmark (run on demand with `npm run bench`, never inside unit tests):
 * model load time in fresh processes, single-thread throughput of the whole pipeline
 * (tokenizer, sentences, POS, chunks, two NER passes) after warm-up, and peak memory.
 * Prints medians: this machine is shared and noisy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadModel } from '../../src/nlp/pipeline.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';

// The package root, whether this runs from tests/bench or from dist/tests/bench.
let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.argv[2] === '--load-once') {
  const t0 = performance.now();
  loadModel();
  process.stdout.write(String(performance.now() - t0));
  process.exit(0);
}

const seedDir = join(root, 'seeds');
const articles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));
// A corpus of ~200k tokens: the seed articles repeated, each copy its own document.
const tokensPerPass = articles.reduce((s, a) => s + tokenize(a).length, 0);
const copies = Math.max(1, Math.ceil(200_000 / tokensPerPass));
const corpus = Array.from({ length: copies }, (_, i) => articles[i % articles.length]);
const totalTokens = corpus.reduce((s, a) => s + tokenize(a).length, 0);

// Model load in fresh processes (cold cache of the module, warm OS file cache).
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  loads.push(Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--load-once'], { encoding: 'utf8' })));
}

loadModel();
for (let i = 0; i < 3; i++) for (const a of corpus.slice(0, 50)) analyze(a); // warm-up (JIT)

const runs: number[] = [];
const tokRuns: number[] = [];
for (let r = 0; r < 5; r++) {
  let t0 = performance.now();
  for (const a of corpus) splitSentences(a, tokenize(a));
  tokRuns.push(totalTokens / ((performance.now() - t0) / 1000));
  t0 = performance.now();
  for (const a of corpus) analyze(a);
  runs.push(totalTokens / ((performance.now() - t0) / 1000));
}
const rss = process.resourceUsage().maxRSS / 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`corpus: ${corpus.length} articles, ${fmt(totalTokens)} tokens (seeds/ repeated)`);
console.log(`model load (fresh process, median of ${loads.length}): ${median(loads).toFixed(0)} ms`);
console.log(`tokenize+sentences: ${fmt(median(tokRuns))} tokens/s (median of ${tokRuns.length})`);
console.log(`full pipeline (tokens, sentences, POS, chunks, NER x2): ${fmt(median(runs))} tokens/s (median of ${runs.length}; min ${fmt(Math.min(...runs))}, max ${fmt(Math.max(...runs))})`);
console.log(`peak memory (max RSS): ${rss.toFixed(0)} MB`);
