/**
 * Tagger benchmark (run on demand with `npm run bench`, never inside unit tests):
 * model load time in fresh processes, single-thread throughput of the whole pipeline
 * (tokenizer, sentences, POS, chunks, two NER passes, the parser's tags, lemmas, parse) and of the
 * parser alone after warm-up, and peak memory.
 * Prints medians: this machine is shared and noisy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadModel, loadParser } from '../../src/nlp/pipeline.js';
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

// Seed articles plus Wikinews fixtures (CC BY 2.5, see tests/fixtures/wikinews/ATTRIBUTION.md).
const readDir = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
const articles = [...readDir(join(root, 'seeds')), ...readDir(join(root, 'tests', 'fixtures', 'wikinews'))];
// A corpus of ~200k tokens: the articles repeated, each copy its own document.
const tokensPerPass = articles.reduce((s, a) => s + tokenize(a).length, 0);
const copies = Math.max(1, Math.ceil(200_000 / tokensPerPass));
const corpus = Array.from({ length: copies }, () => articles).flat();
const totalTokens = corpus.reduce((s, a) => s + tokenize(a).length, 0);

// Model load in fresh processes (cold cache of the module, warm OS file cache).
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  loads.push(Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--load-once'], { encoding: 'utf8' })));
}

loadModel();
// Cold: the first pass over articles never seen by this process (JIT and word caches cold).
let t0 = performance.now();
for (const a of articles) analyze(a);
const cold = tokensPerPass / ((performance.now() - t0) / 1000);
for (let i = 0; i < 3; i++) for (const a of articles) analyze(a); // warm-up

// The parser alone, on the corpus's sentences with the tags it reads.
const { parser, tagPos } = loadParser();
const sentences = articles.flatMap((a) => {
  const doc = analyze(a);
  const words = doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
  const tags = tagPos(words);
  return words.map((w, i) => ({ words: w, pos: tags[i] }));
});
const parseRuns: number[] = [];
const runs: number[] = [];
const tokRuns: number[] = [];
for (let r = 0; r < 5; r++) {
  t0 = performance.now();
  for (let c = 0; c < copies; c++) for (const s of sentences) parser.parse(s);
  parseRuns.push(totalTokens / ((performance.now() - t0) / 1000));
  t0 = performance.now();
  for (const a of corpus) splitSentences(a, tokenize(a));
  tokRuns.push(totalTokens / ((performance.now() - t0) / 1000));
  t0 = performance.now();
  for (const a of corpus) analyze(a);
  runs.push(totalTokens / ((performance.now() - t0) / 1000));
}
const rss = process.resourceUsage().maxRSS / 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`corpus: ${articles.length} articles (${fmt(tokensPerPass)} tokens) repeated to ${corpus.length} articles, ${fmt(totalTokens)} tokens`);
console.log(`model load (fresh process, median of ${loads.length}): ${median(loads).toFixed(0)} ms`);
console.log(`tokenize+sentences: ${fmt(median(tokRuns))} tokens/s (median of ${tokRuns.length})`);
console.log(`full pipeline (tokens, sentences, POS, chunks, NER x2, lemmas, parse): ${fmt(median(runs))} tokens/s (median of ${runs.length}; min ${fmt(Math.min(...runs))}, max ${fmt(Math.max(...runs))})`);
console.log(`parser alone (one thread): ${fmt(median(parseRuns))} tokens/s (median of ${parseRuns.length})`);
console.log(`full pipeline, first pass over unseen articles (cold caches, includes JIT warm-up): ${fmt(cold)} tokens/s`);
console.log(`peak memory (max RSS): ${rss.toFixed(0)} MB`);
