/**
 * Build benchmark (run on demand with `npm run bench`, never inside unit tests): what one
 * `newskg build` of the Wikinews articles in ../shared/data/wikinews costs, at 1×, 4× and 16× the
 * input (copies retitled, so each is a new article about the same entities), each in a fresh
 * process: articles/s, peak memory (the process's maxRSS, all threads), quads per article and the
 * time of each phase. Then the cost of adding one more day (the 1× articles retitled again) to the
 * 4× build with --add, and a single long article (1 MB and 4 MB of text). Medians of `BENCH_RUNS`
 * runs at 1× (default 3): this machine is shared and noisy. Without ../shared, seeds/ and the
 * test fixtures stand in. `BENCH_SCALES=1,4` picks the scales.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Summary {
  articles: number;
  added: number;
  seconds: number;
  entities: number;
  quads: number;
  phases: Record<string, number>;
}

if (process.argv[2] === '--child') {
  // One `newskg build` as a user runs it, in this process, so that its maxRSS is the build's own.
  const args = process.argv.slice(3);
  process.argv = [process.argv[0], cli, 'build', ...args, '--json'];
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  await import(cli);
  // The CLI finishes on its own; report once the event loop has drained.
  process.on('beforeExit', () => {
    const summary = JSON.parse(out.trim().split('\n').at(-1)!) as Summary;
    write(JSON.stringify({ ...summary, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    process.exit(0);
  });
} else {
  const shared = join(root, '..', 'shared', 'data', 'wikinews');
  const sources = existsSync(shared) ? [shared] : [join(root, 'seeds'), join(root, 'tests', 'fixtures', 'wikinews')];
  const articles = sources.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt') && !/^(readme|attribution|source)/i.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  );
  const work = mkdtempSync(join(tmpdir(), 'newskg-bench-'));
  const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Summary & { peakRssMb: number };
  /** The articles, each copy after the first retitled so that it is a new article. */
  const input = (name: string, copies: number[]) => {
    const dir = join(work, name);
    mkdirSync(dir);
    articles.forEach((text, i) => {
      for (const copy of copies) writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${copy}.txt`), copy === 1 ? text : text.replace(/^[^\n]*/, (title) => `${title} (copy ${copy})`));
    });
    return dir;
  };
  const chars = articles.reduce((n, t) => n + t.length, 0);
  console.log(`build benchmark: ${articles.length} articles (${Math.round(chars / articles.length)} characters each on average) from ${sources.join(' + ')}; ${availableParallelism()} cores; each build a fresh \`newskg build\` (graph.ttl, graph.trig, graph.json)`);
  console.log('scale  articles  entities     quads  quads/article | articles/s          | peak RSS | phases (s)');
  const scales = (process.env.BENCH_SCALES ?? '1,4,16').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (const scale of scales) {
    const dir = input(`input-${scale}x`, Array.from({ length: scale }, (_, i) => i + 1));
    const results = Array.from({ length: scale === 1 ? runs : 1 }, (_, r) => run([dir, '--out', join(work, `out-${scale}x-${r}`)]));
    const m = results.find((r) => r.seconds === median(results.map((x) => x.seconds)))!;
    console.log(
      `${scale}×`.padEnd(5),
      String(m.articles).padStart(9),
      String(m.entities).padStart(9),
      String(m.quads).padStart(9),
      String(Math.round(m.quads / m.articles)).padStart(14),
      `| ${(m.articles / m.seconds).toFixed(1).padStart(5)} (${results.map((r) => r.seconds.toFixed(1)).join(', ')} s)`.padEnd(21),
      `| ${m.peakRssMb.toFixed(0).padStart(5)} MB`,
      `| ${Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
    );
    if (scale === 4) {
      // A day's feed onto the 4× build: the 1× articles once more, retitled.
      const day = input('day', [scale + 1]);
      const add = run([day, '--out', join(work, `out-${scale}x-0`), '--add']);
      console.log(`--add of ${add.added} articles to the ${scale}× build: ${add.seconds.toFixed(1)} s (${Object.entries(add.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}), ${add.peakRssMb.toFixed(0)} MB`);
    }
  }
  // One long article: the articles' texts run together, up to 1 MB and 4 MB.
  const all = articles.join('\n\n');
  for (const mb of [1, 4]) {
    const dir = join(work, `long-${mb}`);
    mkdirSync(dir);
    let text = `Long article of ${mb} MB\n\n`;
    while (text.length < mb * 1_000_000) text += all.slice(0, mb * 1_000_000 - text.length);
    writeFileSync(join(dir, 'long.txt'), text);
    const r = run([dir, '--out', join(work, `out-long-${mb}`), '--max-article-bytes', String(8 * 1024 * 1024)]);
    console.log(`one article of ${mb} MB: ${r.seconds.toFixed(1)} s, ${r.peakRssMb.toFixed(0)} MB, ${r.quads} quads (${Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`);
  }
  rmSync(work, { recursive: true, force: true });
}
