/**
 * `newskg build`: runs the stages in order — ingest → nlp → extract → resolve → rdf/graph —
 * and writes every output atomically. A bad article is reported and skipped; nothing already
 * built is lost. Memory grows with the entities of the build, not with its articles.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticles, toArticle, type IngestProblem } from '../ingest/index.js';
import { EntityIndex, EventIndex, NamedEvents } from '../resolve/index.js';
import { QUERY_INDEX_FILE, RdfBuilder, isValidBase, openQuadStream, openQueryIndex, type Quad, type RdfFormat, type TextSink } from '../rdf/index.js';
import { GraphBuilder, layoutAsync, toGexf, toGraphMl, writeGraphJson, type EntityGraph } from '../graph/index.js';
import { NewskgError } from '../errors.js';
import type { Article, EntityNode, EventNode, RawArticle, ResolvedArticle } from '../types.js';
import { ARTICLE_STORE, ArticleStoreWriter, readArticleStore } from './article-store.js';
import { processEach } from './pool.js';

export const FORMATS = ['ttl', 'trig', 'nt', 'jsonld', 'json', 'gexf', 'graphml'] as const;
export type OutputFormat = (typeof FORMATS)[number];
/** What `newskg build` writes unless told otherwise: what the viewer, the query side and most users read. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['ttl', 'trig', 'json'];
/** Outputs that carry the layout's positions, written once it is done. */
const GRAPH_FORMATS = new Set<OutputFormat>(['json', 'gexf', 'graphml']);
const RDF_FORMATS: Partial<Record<OutputFormat, RdfFormat>> = { ttl: 'turtle', trig: 'trig', nt: 'n-triples', jsonld: 'json-ld' };
/** Longest article text the build takes by default (UTF-8 bytes): far beyond any news article; one of 1 MB builds in about 7 s and 750 MB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const FILES: Record<OutputFormat, string> = {
  ttl: 'graph.ttl',
  trig: 'graph.trig',
  nt: 'graph.nt',
  jsonld: 'graph.jsonld',
  json: 'graph.json',
  gexf: 'graph.gexf',
  graphml: 'graph.graphml',
};

export interface BuildOptions {
  paths: string[];
  /** Articles given in memory ({ text, title?, url?, published?, source? }), built after those read from paths. */
  articles?: RawArticle[];
  out: string;
  base: string;
  /** Outputs to write; default DEFAULT_FORMATS (graph.ttl, graph.trig, graph.json). */
  formats?: readonly OutputFormat[];
  modelPath?: string;
  /** Worker threads for the per-article stages; 0 or 1 runs them in this thread. Default: one per core. */
  workers?: number;
  /** Keep the worker threads, with their loaded models, for the next build in this process. */
  keepWorkers?: boolean;
  /** Add the articles to the build already in `out` (articles it has are skipped) instead of replacing it. */
  add?: boolean;
  /** Articles whose text is longer than this many UTF-8 bytes are refused (default DEFAULT_MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
  /** Keep every resolved article and quad in the result (`resolved`, `dataset`): for small builds and tests; memory grows with the build. */
  collect?: boolean;
  /** Called once the inputs are read, with the number of articles to build. */
  onStart?: (articles: number) => void;
  /** Called after each article (or problem) with the count so far. */
  onArticle?: (done: number, origin: string) => void;
  /** Called as each phase after the articles begins ("graph", "write", "layout"). */
  onPhase?: (phase: string) => void;
}

export interface BuildResult {
  /** Articles in the build (with --add, those it had and those added). */
  articles: number;
  /** Articles read and resolved by this run. */
  added: number;
  /** Articles skipped because the build had them already (--add). */
  skipped: number;
  entities: EntityNode[];
  events: EventNode[];
  relations: number;
  posts: number;
  graph: EntityGraph;
  problems: IngestProblem[];
  files: string[];
  quads: number;
  /** With `collect`: every article as resolved (after events are unified across articles). */
  resolved?: ResolvedArticle[];
  /** With `collect`: the RDF of the build, every quad (with its named graph), default graph first. */
  dataset?: Quad[];
  /** Wall-clock milliseconds per phase (read, articles, graph, rdf, layout wait, graph files). */
  timings: Record<string, number>;
}

/** A sink that writes to a file in chunks of about a megabyte, so no output is held whole in memory. */
function fileSink(path: string): TextSink {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(chunk) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) flush();
    },
    end() {
      flush();
      closeSync(fd);
    },
  };
}

function whole(sink: TextSink, text: string): void {
  sink.write(text);
  sink.end();
}

/** Removes temporary files that a killed earlier build left behind (never a finished output). */
function removeStaleTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) if (/^(graph\.[a-z]+|articles\.jsonl\.gz)\.\d+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

/** Where the resolved articles wait between the two passes: the store file, or memory for a build that writes nothing. */
interface Holding {
  add(r: ResolvedArticle): void;
  close(): void;
  read(): AsyncIterable<ResolvedArticle>;
}

function memoryHolding(): Holding {
  const held: ResolvedArticle[] = [];
  return {
    add: (r) => held.push(r),
    close: () => undefined,
    read: async function* () {
      yield* held;
    },
  };
}

function fileHolding(path: string, base: string): Holding {
  const writer = new ArticleStoreWriter(path, base);
  return { add: (r) => writer.add(r), close: () => writer.close(), read: () => readArticleStore(path, base) };
}

/**
 * Builds in passes over the articles, holding none of them in memory. The first resolves each
 * article (on the worker threads), merges its entities into the build's index and puts it in the
 * article store. Then the store is read back twice, each article's events given the IRI of the
 * named event they report (which needs the whole build): once for the graph, whose layout then
 * runs on another thread, and once to stream each article's RDF to the outputs, the default
 * graph (entities, events, direct facts) last. The laid-out graph files follow. With --add the
 * first pass starts from the folder's article store, so the result is what one build of all the
 * articles would give.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  if (!isValidBase(opts.base)) throw new NewskgError('build', `base IRI "${opts.base}" must be absolute and end with / or #`);
  const formats = opts.formats ?? DEFAULT_FORMATS;
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const time = (phase: string) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + now - lap;
    lap = now;
  };
  const progress = { done: 0 };
  const { articles, problems } = await readInputs(opts, progress);
  time('read');
  const outputs = new Outputs(opts.out, formats.length > 0);
  try {
    const store = outputs.writing ? outputs.temporary(join(opts.out, ARTICLE_STORE)) : undefined;
    const holding = store ? fileHolding(store, opts.base) : memoryHolding();
    const first = await resolvePass(opts, articles, problems, holding, progress);
    const entities = first.entities.entities();
    time('articles');
    // The graph first, so that ForceAtlas2 runs on its own thread while this one writes the RDF.
    opts.onPhase?.('graph');
    const { graph, events } = await graphPass(first, entities, holding);
    const laidOut = first.kept > 0 ? layoutAsync(graph) : Promise.resolve(0);
    laidOut.catch(() => undefined); // awaited below; a failed write must not leave it unhandled
    time('graph');
    opts.onPhase?.('write');
    const second = await writePass(opts, formats, first, entities, events, holding, outputs);
    time('rdf');
    opts.onPhase?.('layout');
    await laidOut;
    time('layout wait');
    const render: Partial<Record<OutputFormat, (sink: TextSink) => void>> = {
      json: (sink) => writeGraphJson(graph, sink),
      gexf: (sink) => whole(sink, toGexf(graph)),
      graphml: (sink) => whole(sink, toGraphMl(graph)),
    };
    for (const f of formats) if (GRAPH_FORMATS.has(f)) render[f]!(fileSink(outputs.temporary(join(opts.out, FILES[f]))));
    time('graph files');
    const files = first.kept > 0 ? outputs.commit(store) : (outputs.discard(), []);
    return {
      articles: first.kept,
      added: first.kept - first.had,
      skipped: first.skipped,
      entities,
      events,
      relations: second.relations,
      posts: second.posts,
      graph,
      problems,
      files,
      quads: second.quads,
      ...(second.collected ? { resolved: second.collected.resolved, dataset: second.collected.quads } : {}),
      timings,
    };
  } catch (err) {
    outputs.discard();
    throw err;
  }
}

/** The articles to build, each once and within the size limit; what could not be read or was refused, as problems. */
async function readInputs(opts: BuildOptions, progress: { done: number }): Promise<{ articles: Article[]; problems: IngestProblem[] }> {
  const maxBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const problems: IngestProblem[] = [];
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  const refuse = (origin: string, message: string) => {
    problems.push({ origin, message });
    opts.onArticle?.(++progress.done, origin);
  };
  const take = (article: Article) => {
    const bytes = Buffer.byteLength(article.text);
    if (bytes > maxBytes) refuse(article.origin, `article text is ${bytes} bytes, above the limit of ${maxBytes} (--max-article-bytes); skipped`);
    // The same text under the same title or URL: built once, not counted twice.
    else if (seen.has(article.id)) refuse(article.origin, `same article as ${seen.get(article.id)}; skipped`);
    else {
      seen.set(article.id, article.origin);
      articles.push(article);
    }
  };
  // A build's own outputs (graph.json, graph.jsonld) are never read back as articles.
  for await (const item of readArticles(opts.paths, { skipFolders: [resolve(opts.out)] })) {
    if ('problem' in item) refuse(item.problem.origin, item.problem.message);
    else take(item.article);
  }
  (opts.articles ?? []).forEach((raw, i) => take(toArticle(raw, `<article ${i + 1}>`)));
  return { articles, problems };
}

interface FirstPass {
  entities: EntityIndex;
  named: NamedEvents;
  /** Articles in the build, and how many of them the folder had (--add). */
  kept: number;
  had: number;
  skipped: number;
}

/** The first pass: what the folder has (--add), then each new article resolved on the workers, merged into the entity index and held. */
async function resolvePass(opts: BuildOptions, articles: readonly Article[], problems: IngestProblem[], holding: Holding, progress: { done: number }): Promise<FirstPass> {
  const entities = new EntityIndex();
  const named = new NamedEvents();
  let kept = 0;
  const keep = (r: ResolvedArticle) => {
    entities.add(r);
    named.add(r);
    holding.add(r);
    kept++;
  };
  // --add: what the folder has comes first, as it would in one build of everything.
  const had = new Set<string>();
  if (opts.add) {
    const store = join(opts.out, ARTICLE_STORE);
    // A folder with a graph but no store (built before there was one) would lose its articles.
    if (!existsSync(store) && Object.values(FILES).some((f) => existsSync(join(opts.out, f)))) {
      throw new NewskgError('build', `${opts.out} has a graph but no ${ARTICLE_STORE} to add to; build it again from all its articles`);
    }
    for await (const r of readArticleStore(store, opts.base)) {
      had.add(r.article.id);
      keep(r);
    }
  }
  const fresh = articles.filter((a) => !had.has(a.id));
  opts.onStart?.(fresh.length + problems.length);
  await processEach(
    fresh,
    { base: opts.base, modelPath: opts.modelPath, workers: opts.workers, keepWorkers: opts.keepWorkers, onDone: (i) => opts.onArticle?.(++progress.done, fresh[i].origin) },
    (i, o) => {
      if ('error' in o) problems.push({ origin: fresh[i].origin, message: o.error });
      else keep(o.resolved);
    },
  );
  holding.close();
  return { entities, named, kept, had: had.size, skipped: articles.length - fresh.length };
}

/** The graph of the build: each held article, its events renamed to the build's named events, adds its edges. */
async function graphPass(first: FirstPass, entities: readonly EntityNode[], holding: Holding): Promise<{ graph: EntityGraph; events: EventNode[] }> {
  const builder = new GraphBuilder();
  const eventIndex = new EventIndex();
  for await (const stored of holding.read()) {
    // The same event reported by several articles, named in some, is one node.
    const r = first.named.rename(stored);
    eventIndex.add(r);
    builder.addArticle(r);
  }
  const events = eventIndex.events();
  return { graph: builder.finish(entities, events, { layout: false }), events };
}

interface SecondPass {
  quads: number;
  relations: number;
  posts: number;
  collected?: { resolved: ResolvedArticle[]; quads: Quad[] };
}

/** The RDF: each held article (renamed as for the graph) streamed to the outputs, then the default graph. */
async function writePass(opts: BuildOptions, formats: readonly OutputFormat[], first: FirstPass, entities: readonly EntityNode[], events: readonly EventNode[], holding: Holding, outputs: Outputs): Promise<SecondPass> {
  const rdf = new RdfBuilder(opts.base);
  const streams = formats.flatMap((f) => (RDF_FORMATS[f] ? [openQuadStream(RDF_FORMATS[f]!, fileSink(outputs.temporary(join(opts.out, FILES[f]))))] : []));
  // The query side's index is written with every build, so `newskg query` need not parse graph.trig.
  if (outputs.writing) streams.push(openQueryIndex(outputs.temporary(join(opts.out, QUERY_INDEX_FILE))));
  const collected = opts.collect ? { resolved: [] as ResolvedArticle[], quads: [] as Quad[] } : undefined;
  let quads = 0;
  let relations = 0;
  let posts = 0;
  for await (const stored of holding.read()) {
    const r = first.named.rename(stored);
    const qs = rdf.article(r);
    for (const s of streams) s.add(qs);
    quads += qs.length;
    relations += r.relations.length;
    posts += r.posts.length;
    if (collected) {
      collected.resolved.push(r);
      collected.quads.push(...qs);
    }
  }
  const shared = rdf.shared(entities, events);
  for (const s of streams) {
    s.add(shared);
    s.end();
  }
  if (collected) collected.quads = [...shared, ...collected.quads];
  return { quads: quads + shared.length, relations, posts, collected };
}

/**
 * The files of a build, each written to a temporary file first and renamed when all are done, the
 * article store last: a build that dies leaves the previous outputs whole, and a repeated --add
 * puts right any mix the last few renames left.
 */
class Outputs {
  private readonly temporaries: [string, string][] = [];
  /** A folder this build makes is removed again if nothing could be built into it. */
  private readonly made: boolean;

  constructor(
    private readonly dir: string,
    readonly writing: boolean,
  ) {
    this.made = writing && !existsSync(dir);
    if (writing) {
      mkdirSync(dir, { recursive: true });
      removeStaleTemporaries(dir);
    }
  }

  temporary(path: string): string {
    const tmp = `${path}.${process.pid}.tmp`;
    this.temporaries.push([tmp, path]);
    return tmp;
  }

  /** Renames every temporary file to its final name, `last` last; the final paths, but for `last`. */
  commit(last?: string): string[] {
    const files: string[] = [];
    for (const [tmp, path] of this.temporaries) {
      if (tmp === last) continue;
      renameSync(tmp, path);
      files.push(path);
    }
    const store = this.temporaries.find(([tmp]) => tmp === last);
    if (store) renameSync(...store);
    return files;
  }

  discard(): void {
    for (const [tmp] of this.temporaries) rmSync(tmp, { force: true });
    if (this.made) rmSync(this.dir, { recursive: true, force: true });
  }
}
