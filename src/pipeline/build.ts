/**
 * `newskg build`: runs the stages in order — ingest → nlp → extract → resolve → rdf/graph —
 * and writes every output atomically. A bad article is reported and skipped; nothing already
 * built is lost.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticles, toArticle, type IngestProblem } from '../ingest/index.js';
import { mergeEntities, mergeEvents, unifyEvents } from '../resolve/index.js';
import { buildQuads, isValidBase, writeJsonLd, writeNTriples, writeTriG, writeTurtle, type Quad, type TextSink } from '../rdf/index.js';
import { buildGraph, layoutAsync, toGexf, toGraphJson, toGraphMl, type EntityGraph } from '../graph/index.js';
import { NewskgError } from '../errors.js';
import type { Article, Entity, EventNode, RawArticle, ResolvedArticle } from '../types.js';
import { processAll } from './pool.js';

export const FORMATS = ['ttl', 'trig', 'nt', 'jsonld', 'json', 'gexf', 'graphml'] as const;
export type OutputFormat = (typeof FORMATS)[number];
/** Outputs that carry the layout's positions, written once it is done. */
const GRAPH_FORMATS = new Set<OutputFormat>(['json', 'gexf', 'graphml']);

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
  formats?: readonly OutputFormat[];
  modelPath?: string;
  /** Worker threads for the per-article stages; 0 or 1 runs them in this thread. Default: one per core. */
  workers?: number;
  /** Keep the worker threads, with their loaded models, for the next build in this process. */
  keepWorkers?: boolean;
  /** Called once the inputs are read, with the number of articles to build. */
  onStart?: (articles: number) => void;
  /** Called after each article (or problem) with the count so far. */
  onArticle?: (done: number, origin: string) => void;
}

export interface BuildResult {
  resolved: ResolvedArticle[];
  entities: Entity[];
  events: EventNode[];
  graph: EntityGraph;
  problems: IngestProblem[];
  files: string[];
  quads: number;
  /** The RDF of the build, every quad (with its named graph). */
  dataset: Quad[];
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
  for (const name of readdirSync(dir)) if (/^graph\.[a-z]+\.\d+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  if (!isValidBase(opts.base)) throw new NewskgError('build', `base IRI "${opts.base}" must be absolute and end with / or #`);
  const formats = opts.formats ?? FORMATS;
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const time = (phase: string) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + now - lap;
    lap = now;
  };
  const problems: IngestProblem[] = [];
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  let done = 0;
  // A build's own outputs (graph.json, graph.jsonld) are never read back as articles.
  for await (const item of readArticles(opts.paths, { skipFolders: [resolve(opts.out)] })) {
    if ('problem' in item) {
      problems.push(item.problem);
      opts.onArticle?.(++done, item.problem.origin);
    } else if (seen.has(item.article.id)) {
      // The same text under the same title or URL: built once, not counted twice.
      problems.push({ origin: item.article.origin, message: `same article as ${seen.get(item.article.id)}; skipped` });
      opts.onArticle?.(++done, item.article.origin);
    } else {
      seen.set(item.article.id, item.article.origin);
      articles.push(item.article);
    }
  }
  (opts.articles ?? []).forEach((raw, i) => {
    const article = toArticle(raw, `<article ${i + 1}>`);
    if (!seen.has(article.id)) {
      seen.set(article.id, article.origin);
      articles.push(article);
    }
  });
  time('read');
  opts.onStart?.(articles.length + problems.length);
  const outcomes = await processAll(articles, {
    base: opts.base,
    modelPath: opts.modelPath,
    workers: opts.workers,
    keepWorkers: opts.keepWorkers,
    onDone: (i) => opts.onArticle?.(++done, articles[i].origin),
  });
  const built: ResolvedArticle[] = [];
  outcomes.forEach((o, i) => {
    if ('error' in o) problems.push({ origin: articles[i].origin, message: o.error });
    else built.push(o.resolved);
  });
  // The same event reported by several articles, named in some, is one node.
  const resolved = unifyEvents(built);

  time('articles');
  const entities = mergeEntities(resolved);
  const events = mergeEvents(resolved);
  const graph = buildGraph(entities, resolved, { layout: false, events });
  // The layout runs on another thread while this one writes the RDF.
  const laidOut = layoutAsync(graph);
  time('graph');
  const quads = buildQuads(resolved, entities, opts.base, events);
  time('quads');
  const files: string[] = [];
  const render: Record<OutputFormat, (sink: TextSink) => void> = {
    ttl: (sink) => writeTurtle(quads, sink),
    trig: (sink) => writeTriG(quads, sink),
    nt: (sink) => writeNTriples(quads, sink),
    jsonld: (sink) => writeJsonLd(quads, sink),
    json: (sink) => whole(sink, toGraphJson(graph)),
    gexf: (sink) => whole(sink, toGexf(graph)),
    graphml: (sink) => whole(sink, toGraphMl(graph)),
  };
  // Every output goes to a temporary file first and all are renamed at the end: a build that
  // dies leaves the previous outputs whole, and never a mix beyond the last few renames.
  const written: [string, string][] = [];
  const write = (f: OutputFormat) => {
    const path = join(opts.out, FILES[f]);
    const tmp = `${path}.${process.pid}.tmp`;
    written.push([tmp, path]);
    render[f](fileSink(tmp));
    time(f);
  };
  try {
    if (resolved.length > 0 && formats.length > 0) {
      mkdirSync(opts.out, { recursive: true });
      removeStaleTemporaries(opts.out);
      for (const f of formats) if (!GRAPH_FORMATS.has(f)) write(f);
    }
    await laidOut;
    time('layout wait');
    if (resolved.length > 0) for (const f of formats) if (GRAPH_FORMATS.has(f)) write(f);
  } catch (err) {
    laidOut.catch(() => undefined); // the build failed already; the layout's outcome no longer matters
    for (const [tmp] of written) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, path] of written) {
    renameSync(tmp, path);
    files.push(path);
  }
  return { resolved, entities, events, graph, problems, files, quads: quads.length, dataset: quads, timings };
}
