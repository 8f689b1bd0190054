/**
 * Runs processArticle over many articles on worker threads, one per core, and hands back the
 * results in input order, so a parallel build writes exactly what a sequential one would.
 * A failed article (or a worker that dies on one) becomes that article's error; the rest go on.
 */
import { availableParallelism } from 'node:os';
import { Worker, threadId } from 'node:worker_threads';
import type { Article, ResolvedArticle } from '../types.js';
import { compiledWorker } from '../worker-script.js';
import { processArticle } from './article.js';

export interface WorkerRequest {
  index: number;
  article: Article;
  base: string;
}
/** A worker's answer, with its thread id (so callers and tests can tell where the work ran). */
export type WorkerReply = ({ index: number; resolved: ResolvedArticle } | { index: number; error: string }) & { threadId: number };
export type ArticleOutcome = { resolved: ResolvedArticle } | { error: string };

/** Below this many articles, starting workers (each loads the model) costs more than it saves. */
const MIN_ARTICLES_PER_WORKER = 8;
/**
 * Each worker's JavaScript heap, in MB. Left alone, V8 lets a busy worker's heap grow long after
 * what it holds stopped growing (two workers reached 600 MB each over 4,700 articles, holding ~110
 * MB); this bound makes them collect instead, and keeps a build's memory flat. An article that
 * needs more (a very long one) is handed to this thread, whose heap is not bounded so.
 */
const WORKER_HEAP_MB = 192;

const workerScript = () => compiledWorker(import.meta.url, 'article-worker.js');

export interface PoolOptions {
  base: string;
  modelPath?: string;
  /** Worker threads to use; 0 or 1 processes in this thread. Default: one per core. */
  workers?: number;
  /** Called as each article finishes, in completion order, with the id of the thread that processed it (0: this one). */
  onDone?: (index: number, threadId: number) => void;
  /** Keep the workers (and their loaded models) for the next call instead of ending them. */
  keepWorkers?: boolean;
  /** Each worker's heap bound in MB (default WORKER_HEAP_MB); tests make it small to see a worker run out. */
  workerHeapMb?: number;
  /** Longest one article may take on a worker before it is given up as an error (default 2 minutes). */
  articleTimeoutMs?: number;
}

/**
 * With keepWorkers, workers outlive a build, so that a process building repeatedly (a server, a
 * benchmark) loads the model and warms its caches once per worker; between builds they are
 * unref'd and never keep the process alive. Otherwise they end with the build and free their memory.
 */
let pool: { modelPath?: string; heapMb: number; workers: Worker[] } | undefined;

function workersFor(script: string, count: number, modelPath?: string, heapMb = WORKER_HEAP_MB): Worker[] {
  if (pool && (pool.modelPath !== modelPath || pool.heapMb !== heapMb)) {
    for (const w of pool.workers) void w.terminate();
    pool = undefined;
  }
  pool ??= { modelPath, heapMb, workers: [] };
  while (pool.workers.length < count) pool.workers.push(new Worker(script, { workerData: { modelPath }, resourceLimits: { maxOldGenerationSizeMb: heapMb } }));
  return pool.workers.slice(0, count);
}

/** Ends every kept worker. */
export function stopWorkers(): void {
  for (const w of pool?.workers ?? []) void w.terminate();
  pool = undefined;
}

function retire(worker: Worker): void {
  if (pool) pool.workers = pool.workers.filter((w) => w !== worker);
  void worker.terminate();
}

function inProcess(article: Article, opts: PoolOptions): ArticleOutcome {
  try {
    return { resolved: processArticle(article, opts.base, opts.modelPath) };
  } catch (err) {
    return { error: (err as Error).message.split('\n')[0] };
  }
}

/** Calls run one after another: the workers are shared, and each call owns them while it runs. */
let lock: Promise<unknown> = Promise.resolve();

export async function processAll(articles: Article[], opts: PoolOptions): Promise<ArticleOutcome[]> {
  const outcomes = new Array<ArticleOutcome>(articles.length);
  await processEach(articles, opts, (i, outcome) => (outcomes[i] = outcome));
  return outcomes;
}

/**
 * Like processAll, but hands each outcome to `onOutcome` in input order as soon as it and those
 * before it are done, and keeps none: a build streams its articles through this without holding them.
 */
export function processEach(articles: readonly Article[], opts: PoolOptions, onOutcome: (index: number, outcome: ArticleOutcome) => void): Promise<void> {
  const run = lock.then(() => processEachNow(articles, opts, onOutcome));
  lock = run.catch(() => undefined);
  return run;
}

async function processEachNow(articles: readonly Article[], opts: PoolOptions, onOutcome: (index: number, outcome: ArticleOutcome) => void): Promise<void> {
  const script = workerScript();
  const wanted = Math.min(opts.workers ?? availableParallelism(), Math.floor(articles.length / MIN_ARTICLES_PER_WORKER));
  if (!script || wanted < 2) {
    articles.forEach((article, i) => {
      const outcome = inProcess(article, opts);
      opts.onDone?.(i, threadId);
      onOutcome(i, outcome);
    });
    return;
  }
  // Outcomes that finished before an earlier one wait here, so they are handed on in order.
  const waiting = new Map<number, ArticleOutcome>();
  let delivered = 0;
  let next = 0;
  let finished = 0;
  let failure: unknown;
  return new Promise((resolveAll, rejectAll) => {
    const detachers: (() => void)[] = [];
    const settle = (index: number, outcome: ArticleOutcome, by = threadId) => {
      waiting.set(index, outcome);
      finished++;
      opts.onDone?.(index, by);
      try {
        for (let o = waiting.get(delivered); o !== undefined && failure === undefined; o = waiting.get(delivered)) {
          waiting.delete(delivered);
          onOutcome(delivered++, o);
        }
      } catch (err) {
        // The caller could not take an outcome (a full disk, say): the build stops once the workers are free.
        failure ??= err;
      }
      // After a failure, only the articles already sent are waited for.
      if (finished < (failure === undefined ? articles.length : next)) return;
      for (const detach of detachers) detach();
      if (!opts.keepWorkers) stopWorkers();
      if (failure !== undefined) rejectAll(failure);
      else resolveAll();
    };
    const run = (worker: Worker) => {
      let inFlight = -1;
      let answered = false;
      let timer: NodeJS.Timeout | undefined;
      const timeoutMs = opts.articleTimeoutMs ?? 120_000;
      const feed = () => {
        if (failure !== undefined || next >= articles.length) return;
        inFlight = next++;
        worker.postMessage({ index: inFlight, article: articles[inFlight], base: opts.base } satisfies WorkerRequest);
        // An article that never finishes (a pathological text) costs its worker, not the build.
        clearTimeout(timer);
        timer = setTimeout(() => onGone(undefined, `took longer than ${timeoutMs / 1000} s and was given up`), timeoutMs);
      };
      const onMessage = (reply: WorkerReply) => {
        clearTimeout(timer);
        answered = true;
        inFlight = -1;
        settle(reply.index, 'error' in reply ? { error: reply.error } : { resolved: reply.resolved }, reply.threadId);
        feed();
      };
      // A worker that dies (out of memory, say) hands the article it was on to this thread, and a
      // new one takes over. One that dies before answering at all cannot start here: the rest run in this thread.
      const onGone = (_err?: Error, timeoutMessage?: string) => {
        clearTimeout(timer);
        detach();
        retire(worker);
        const lost = inFlight;
        inFlight = -1;
        if (timeoutMessage) {
          if (next < articles.length) run(workersFor(script, (pool?.workers.length ?? 0) + 1, opts.modelPath, opts.workerHeapMb).at(-1)!);
          if (lost >= 0) settle(lost, { error: timeoutMessage });
          return;
        }
        if (!answered) {
          while (failure === undefined && next < articles.length) {
            const i = next++;
            settle(i, inProcess(articles[i], opts));
          }
        } else if (next < articles.length) run(workersFor(script, (pool?.workers.length ?? 0) + 1, opts.modelPath, opts.workerHeapMb).at(-1)!);
        // The article it was on (which may be what exhausted its heap) is built in this thread.
        if (lost >= 0) settle(lost, inProcess(articles[lost], opts));
      };
      const onExit = () => onGone();
      const detach = () => {
        worker.off('message', onMessage);
        worker.off('error', onGone);
        worker.off('exit', onExit);
        worker.unref();
      };
      worker.ref();
      worker.on('message', onMessage);
      worker.on('error', onGone);
      worker.on('exit', onExit);
      detachers.push(detach);
      feed();
    };
    for (const worker of workersFor(script, wanted, opts.modelPath, opts.workerHeapMb)) run(worker);
  });
}
