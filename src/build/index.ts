/**
 * `newskg build`: runs the stages in order — ingest → nlp → extract → resolve → rdf/graph —
 * and writes every output atomically. A bad article is reported and skipped; nothing already
 * built is lost.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeMentions, type PlaceLookup } from '../extract/index.js';
import { readArticles, type IngestProblem } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import { countryOfDemonym, findCity, findCountry, mergeEntities, resolveArticle, type Entity, type ResolvedArticle } from '../resolve/index.js';
import { buildQuads, isValidBase, toJsonLd, toNTriples, toTriG, toTurtle } from '../rdf/index.js';
import { buildGraph, toGexf, toGraphJson, toGraphMl, type KnowledgeGraph } from '../graph/index.js';
import { NewskgError } from '../errors.js';

export const FORMATS = ['ttl', 'trig', 'nt', 'jsonld', 'json', 'gexf', 'graphml'] as const;
export type OutputFormat = (typeof FORMATS)[number];

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
  out: string;
  base: string;
  formats?: readonly OutputFormat[];
  modelPath?: string;
  /** Called after each article (or problem) with the count so far. */
  onArticle?: (done: number, origin: string) => void;
}

export interface BuildResult {
  resolved: ResolvedArticle[];
  entities: Entity[];
  graph: KnowledgeGraph;
  problems: IngestProblem[];
  files: string[];
  quads: number;
}

/** Places as the typing stage sees them: world-countries names and codes, GeoNames cities. */
export const places: PlaceLookup = {
  isCountry: (n) => findCountry(n) !== undefined,
  isCity: (n) => findCity(n) !== undefined,
  isDemonym: (w) => countryOfDemonym(w) !== undefined,
};

/** Writes a file so that readers see either the old content or the new, never a truncated one. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  if (!isValidBase(opts.base)) throw new NewskgError('build', `base IRI "${opts.base}" must be absolute and end with / or #`);
  const formats = opts.formats ?? FORMATS;
  const resolved: ResolvedArticle[] = [];
  const problems: IngestProblem[] = [];
  let done = 0;
  for await (const item of readArticles(opts.paths)) {
    done++;
    if ('problem' in item) {
      problems.push(item.problem);
      opts.onArticle?.(done, item.problem.origin);
      continue;
    }
    const { article } = item;
    try {
      const doc = analyze(article.text, { modelPath: opts.modelPath });
      resolved.push(resolveArticle(article, doc, typeMentions(doc, places), opts.base));
    } catch (err) {
      problems.push({ origin: article.origin, message: (err as Error).message.split('\n')[0] });
    }
    opts.onArticle?.(done, article.origin);
  }
  const entities = mergeEntities(resolved);
  const graph = buildGraph(entities, resolved);
  const quads = buildQuads(resolved, entities, opts.base);
  const files: string[] = [];
  if (resolved.length > 0) {
    mkdirSync(opts.out, { recursive: true });
    const render: Record<OutputFormat, () => string> = {
      ttl: () => toTurtle(quads),
      trig: () => toTriG(quads),
      nt: () => toNTriples(quads),
      jsonld: () => toJsonLd(quads),
      json: () => toGraphJson(graph),
      gexf: () => toGexf(graph),
      graphml: () => toGraphMl(graph),
    };
    for (const f of formats) {
      const path = join(opts.out, FILES[f]);
      writeAtomic(path, render[f]());
      files.push(path);
    }
  }
  return { resolved, entities, graph, problems, files, quads: quads.length };
}
