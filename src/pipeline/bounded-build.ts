/**
 * `newskg build` as the command line runs it: build() on a thread of its own whose JavaScript heap
 * is bounded. Left alone, V8 lets the main heap grow to several times what the build holds (1.2 GB
 * at 4,700 articles, with 300 MB live); a bounded heap makes it collect instead, so a build's
 * memory stays flat as the corpus grows. Killing the process ends the thread with it. Progress
 * and the summary come back as messages; reading standard input ("-") builds in this thread.
 */
import { Worker } from 'node:worker_threads';
import { NewskgError } from '../errors.js';
import { compiledWorker } from '../worker-script.js';
import { build, type BuildOptions, type BuildResult } from './build.js';
import type { IngestProblem } from '../ingest/index.js';

/** The build thread's heap bound, in MB: the build holds about 300 MB at 4,700 articles. */
const BUILD_HEAP_MB = 640;

export interface BuildSummary {
  articles: number;
  added: number;
  skipped: number;
  entities: number;
  entityClasses: Record<string, number>;
  events: number;
  relations: number;
  posts: number;
  edges: number;
  quads: number;
  problems: IngestProblem[];
  files: string[];
  timings: Record<string, number>;
}

export type BoundedMessage =
  | { type: 'start'; total: number }
  | { type: 'article'; done: number; origin: string }
  | { type: 'phase'; phase: string }
  | { type: 'done'; summary: BuildSummary }
  | { type: 'error'; name: string; message: string };

export function summarise(r: BuildResult): BuildSummary {
  const entityClasses: Record<string, number> = {};
  for (const e of r.entities) entityClasses[e.class] = (entityClasses[e.class] ?? 0) + 1;
  return { articles: r.articles, added: r.added, skipped: r.skipped, entities: r.entities.length, entityClasses, events: r.events.length, relations: r.relations, posts: r.posts, edges: r.graph.size, quads: r.quads, problems: r.problems, files: r.files, timings: r.timings };
}

type Options = Omit<BuildOptions, 'articles' | 'collect'>;

/** An error of the build thread, as it said it (a NewskgError's message keeps its stage). */
class RelayedError extends NewskgError {
  constructor(name: string, message: string) {
    super('build', '');
    this.name = name;
    this.message = message.startsWith('newskg/') ? message : `newskg/build: ${message}`;
  }
}

export async function buildBounded(opts: Options): Promise<BuildSummary> {
  const script = compiledWorker(import.meta.url, 'build-worker.js');
  const { onStart, onArticle, onPhase, ...data } = opts;
  if (!script || opts.paths.includes('-')) return summarise(await build(opts));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: BUILD_HEAP_MB } });
    let settled = false;
    worker.on('message', (m: BoundedMessage) => {
      if (m.type === 'start') onStart?.(m.total);
      else if (m.type === 'article') onArticle?.(m.done, m.origin);
      else if (m.type === 'phase') onPhase?.(m.phase);
      else {
        settled = true;
        void worker.terminate();
        if (m.type === 'done') resolve(m.summary);
        else reject(new RelayedError(m.name, m.message));
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(new NewskgError('build', `the build stopped: ${err.message.split('\n')[0]}`));
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new NewskgError('build', `the build thread ended (code ${code}) before it finished`));
      settled = true;
    });
  });
}
