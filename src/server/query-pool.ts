/**
 * The query workers behind `newskg serve`'s SPARQL endpoint: one thread per core, each holding the
 * whole graph (the engine's WASM memory cannot be shared between threads), fed from one FIFO
 * queue. A client waits at most `maxWaitMs` for a free worker before a 503 with Retry-After; a
 * query that runs too long or grows the process too far is stopped by ending its thread, which is
 * replaced at once, so the others go on answering.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WorkerError } from '../errors.js';
import { compiledWorker } from '../worker-script.js';

export interface QueryRequest {
  id: number;
  query: string;
  mediaType: string;
}
export type QueryReply = { id: number; ok: true; body: string } | { id: number; ok: false; status: number; error: string; retryAfter?: number };

export interface QueryLimits {
  /** Query threads; by default one per core. */
  workers: number;
  /** Longest a query may run, in milliseconds. */
  timeoutMs: number;
  /** Most memory the running queries may add to the process (the engine's WASM memory included), in bytes. */
  maxMemoryBytes: number;
  /** Most queries waiting for a worker; one more is answered 503 at once. */
  maxQueued: number;
  /** Longest a query waits for a worker before a 503, in milliseconds. */
  maxWaitMs: number;
  /** Largest result, in bytes. */
  maxResultBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  workers: Math.max(1, availableParallelism()),
  timeoutMs: 10_000,
  maxMemoryBytes: 1_000_000_000,
  maxQueued: 256,
  maxWaitMs: 5_000,
  maxResultBytes: 10_000_000,
};

interface Job {
  id: number;
  query: string;
  mediaType: string;
  gone: () => boolean;
  resolve: (reply: QueryReply) => void;
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  startedAt?: number;
  timer?: NodeJS.Timeout;
}

export class QueryPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly script: string;
  private nextId = 0;
  private closed = false;
  /** Process RSS when no query was running: what the memory limit is measured from. */
  private idleRss = process.memoryUsage().rss;
  private watch?: NodeJS.Timeout;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly dir: string,
    private readonly limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  ) {
    const script = compiledWorker(import.meta.url, 'sparql-worker.js');
    if (!script) throw new WorkerError('serve', 'the SPARQL worker is not built: run npm run build');
    this.script = script;
  }

  /** Starts the workers loading the graph, so the first queries need not wait for it. */
  warm(): void {
    while (!this.closed && this.slots.length < Math.max(1, this.limits.workers)) this.start();
  }

  /** Resolves once a worker has loaded the graph and can answer (or none could load it: the next query says why). */
  ready(): Promise<void> {
    this.warm();
    return this.slots.some((s) => s.ready) ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  private start(): Slot {
    const worker = new Worker(this.script, { workerData: { dir: this.dir, maxResultBytes: this.limits.maxResultBytes } });
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (message: QueryReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        if (!this.slots.some((s) => s.job)) this.idleRss = process.memoryUsage().rss;
        for (const wake of this.waiting.splice(0)) wake();
        this.dispatch();
        for (const job of this.queue) this.startWaitTimer(job);
      } else if (slot.job?.id === message.id) this.finish(slot, message);
    });
    worker.once('error', (err) => this.lost(slot, `the graph could not be loaded for queries: ${err.message.split('\n')[0]}`));
    worker.once('exit', () => this.lost(slot, slot.ready ? 'the query worker stopped unexpectedly' : 'the query worker stopped while loading the graph'));
    return slot;
  }

  /**
   * A worker that died: its query is answered 500 and a worker that had loaded the graph is
   * replaced; one that could not load it is not (it would fail again), and if none has, every
   * waiting query is answered 500.
   */
  private lost(slot: Slot, error: string): void {
    if (!this.remove(slot)) return;
    if (slot.ready && !this.closed) this.start();
    if (slot.job) this.finish(slot, { id: slot.job.id, ok: false, status: 500, error });
    else if (!slot.ready && !this.slots.some((s) => s.ready)) {
      // No worker can load the graph: failing now beats making every client wait for maxWaitMs.
      for (const job of this.queue.splice(0)) this.answer(job, { id: job.id, ok: false, status: 500, error });
      for (const wake of this.waiting.splice(0)) wake();
    }
  }

  private remove(slot: Slot): boolean {
    const at = this.slots.indexOf(slot);
    if (at < 0) return false;
    this.slots.splice(at, 1);
    clearTimeout(slot.timer);
    return true;
  }

  /** Ends a worker's thread (the only way to stop a running query) and starts its replacement. */
  private kill(slot: Slot, reply: QueryReply): void {
    this.remove(slot);
    void slot.worker.terminate();
    this.finish(slot, reply);
    if (!this.closed) this.start();
  }

  private finish(slot: Slot, reply: QueryReply): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = slot.startedAt = slot.timer = undefined;
    if (job) this.answer(job, reply);
    if (!this.slots.some((s) => s.job)) {
      this.idleRss = process.memoryUsage().rss;
      clearInterval(this.watch);
      this.watch = undefined;
    }
    this.dispatch();
  }

  private answer(job: Job, reply: QueryReply): void {
    clearTimeout(job.waitTimer);
    job.resolve(reply);
  }

  /** Hands waiting queries to idle workers, oldest first. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.nextLiveJob();
      if (!job) return;
      clearTimeout(job.waitTimer);
      slot.job = job;
      slot.startedAt = performance.now();
      slot.timer = setTimeout(
        () => this.kill(slot, { id: job.id, ok: false, status: 503, error: `the query ran longer than the ${this.limits.timeoutMs / 1000} s limit and was stopped` }),
        this.limits.timeoutMs,
      );
      this.watch ??= setInterval(() => this.checkMemory(), 100);
      slot.worker.postMessage({ id: job.id, query: job.query, mediaType: job.mediaType } satisfies QueryRequest);
    }
  }

  private nextLiveJob(): Job | undefined {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      if (!job.gone()) return job;
      this.answer(job, { id: job.id, ok: false, status: 499, error: 'the client left' });
    }
    return undefined;
  }

  /** Over the memory limit, the query that has run longest is the likeliest culprit: it is stopped. */
  private checkMemory(): void {
    if (process.memoryUsage().rss - this.idleRss <= this.limits.maxMemoryBytes) return;
    const running = this.slots.filter((s) => s.job).sort((a, b) => a.startedAt! - b.startedAt!);
    const slot = running[0];
    if (!slot) return;
    this.kill(slot, { id: slot.job!.id, ok: false, status: 503, error: `the query needed more than ${Math.round(this.limits.maxMemoryBytes / 1e6)} MB and was stopped: narrow it or add a LIMIT` });
  }

  /** Answers one query when a worker is free; `gone` says the client left while it waited. */
  run(query: string, mediaType: string, gone: () => boolean): Promise<QueryReply> {
    const id = ++this.nextId;
    if (this.closed) return Promise.resolve({ id, ok: false, status: 503, error: 'the server is shutting down' });
    this.warm();
    const idle = this.slots.some((s) => s.ready && !s.job);
    if (!idle && this.queue.length >= this.limits.maxQueued) {
      return Promise.resolve({ id, ok: false, status: 503, error: `${this.queue.length} queries are waiting: try again shortly`, retryAfter: this.retryAfter() });
    }
    return new Promise((resolve) => {
      const job: Job = { id, query, mediaType, gone, resolve };
      this.queue.push(job);
      // Time spent while the graph is still loading is not queueing: the clock starts once a worker can answer.
      if (this.slots.some((s) => s.ready)) this.startWaitTimer(job);
      this.dispatch();
    });
  }

  private startWaitTimer(job: Job): void {
    job.waitTimer ??= setTimeout(() => {
      const at = this.queue.indexOf(job);
      if (at < 0) return;
      this.queue.splice(at, 1);
      job.resolve({ id: job.id, ok: false, status: 503, error: `no query worker was free within ${this.limits.maxWaitMs / 1000} s: try again shortly`, retryAfter: this.retryAfter() });
    }, this.limits.maxWaitMs);
  }

  /** Seconds a client turned away should wait before asking again: the queue's wait limit, at least 1. */
  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.limits.maxWaitMs / 1000));
  }

  close(): void {
    this.closed = true;
    clearInterval(this.watch);
    for (const job of this.queue.splice(0)) this.answer(job, { id: job.id, ok: false, status: 503, error: 'the server is shutting down' });
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    }
  }
}
