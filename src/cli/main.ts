#!/usr/bin/env node
/**
 * The newskg command line: argument parsing only, then calls the library.
 */
import { Command, InvalidArgumentError } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { KnowledgeGraph, SparqlEndpoint, queryForm } from '../query/index.js';
import { formatEntity, formatResultTable } from './query.js';
import { join, resolve } from 'node:path';
import { serve } from '../server/index.js';
import { NewskgError } from '../errors.js';
import { analyze, buildModel, buildParser, defaultModelPath, defaultParserModelPath, defaultRelationModelPath, docToConllu, evaluateConll, evaluateUd, formatConllevalReport, formatUdReport } from '../nlp/index.js';
import cliProgress from 'cli-progress';
import { DEFAULT_BASE, DEFAULT_FORMATS, DEFAULT_MAX_ARTICLE_BYTES, FORMATS, build, evaluateCoref, evaluateFacts, evaluateGum, evaluateRelations, factsFiles, loadRelationModel, places, push, buildBounded, totalOf, trainRelationModel, writeRelationModel, type OutputFormat } from '../pipeline/index.js';
import { readArticles } from '../ingest/index.js';
import { formatCorefScores, formatDoc, formatFactsReport, formatRelationsReport } from './format.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

// A closed pipe (`newskg tag | head`) ends the output quietly, not with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command();
program
  .name('newskg')
  .description('Build knowledge graphs from English news articles.')
  .showHelpAfterError();

program
  .command('tag')
  .description('Tag sentences and named entities in articles (files or folders of .txt .md .html .json .jsonl, or - for stdin).')
  .argument('[paths...]', 'files or folders; - reads standard input', ['seeds'])
  .option('--json', 'print one JSON document per article instead of text')
  .option('--conllu', 'print CoNLL-U: every token with its lemma, UPOS, Penn tag, head and relation')
  .option('--model <file>', 'model file', undefined)
  .action(async (paths: string[], opts: { json?: boolean; conllu?: boolean; model?: string }) => {
    if (opts.json && opts.conllu) throw new InvalidArgumentError('choose --json or --conllu');
    let failures = 0;
    let done = 0;
    for await (const result of readArticles(paths)) {
      if ('problem' in result) {
        failures++;
        process.stderr.write(`newskg: ${result.problem.origin}: ${result.problem.message}\n`);
        continue;
      }
      const { article } = result;
      try {
        const doc = analyze(article.text, { modelPath: opts.model });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ id: article.id, origin: article.origin, title: article.title, published: article.published, publishedInferred: article.publishedInferred, url: article.url, sentences: doc.sentences.length, tokens: doc.tokens.length, mentions: doc.mentions, words: doc.tokens.map((t, i) => ({ text: t.text, start: t.start, end: t.end, lemma: doc.lemmas[i], pos: doc.pos[i], head: doc.heads[i], deprel: doc.deprels[i] })) })}\n`
            : opts.conllu
              ? `# newdoc id = ${article.id}\n${docToConllu(doc, article.id)}`
              : formatDoc(article, doc),
        );
        done++;
      } catch (err) {
        failures++;
        process.stderr.write(`newskg: ${article.origin}: ${(err as Error).message.split('\n')[0]}\n`);
      }
    }
    if (done === 0 && failures > 0) process.exitCode = 1;
  });

program
  .command('build')
  .description('Build the knowledge graph of articles: RDF (Turtle, TriG; N-Triples, JSON-LD on request) and graph.json (GEXF, GraphML on request).')
  .argument('[paths...]', 'files or folders of articles; - reads standard input', ['seeds'])
  .option('--out <dir>', 'output folder', 'out')
  .option('--base <iri>', 'base IRI of minted entity, article and mention IRIs', DEFAULT_BASE)
  .option('--format <list>', `comma-separated outputs, of ${FORMATS.join(',')}`, DEFAULT_FORMATS.join(','))
  .option('--add', 'add the articles to the build already in --out (articles it has are skipped)')
  .option('--max-article-bytes <n>', 'refuse an article whose text is longer than this many bytes', positiveInt, DEFAULT_MAX_ARTICLE_BYTES)
  .option('--json', 'print the summary as one JSON object')
  .option('--model <file>', 'model file', undefined)
  .option('--workers <n>', 'worker threads for reading articles (default: one per core; 1 reads in the main thread)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
    return n;
  })
  .action(async (paths: string[], opts: { out: string; base: string; format: string; add?: boolean; maxArticleBytes: number; json?: boolean; model?: string; workers?: number }) => {
    const formats = opts.format.split(',').map((f) => f.trim());
    const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (unknown.length) throw new InvalidArgumentError(`unknown format ${unknown.join(', ')} (use ${FORMATS.join(', ')})`);
    const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${opts.add ? 'adding' : 'building'} {bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted} | {origin}`, clearOnComplete: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic) : null;
    const t0 = performance.now();
    const rate = (done: number) => (done / Math.max(0.001, (performance.now() - t0) / 1000)).toFixed(0);
    bar?.start(0, 0, { origin: 'reading', rate: 0 });
    const result = await buildBounded({
      paths,
      out: opts.out,
      base: opts.base,
      formats: formats as OutputFormat[],
      add: opts.add,
      maxArticleBytes: opts.maxArticleBytes,
      modelPath: opts.model,
      workers: opts.workers,
      onStart: (total) => bar?.setTotal(total),
      onArticle: (done, origin) => bar?.update(done, { origin, rate: rate(done) }),
      onPhase: (phase) => bar?.update({ origin: `${phase}…` }),
    }).finally(() => bar?.stop());
    const seconds = (performance.now() - t0) / 1000;
    for (const p of result.problems) process.stderr.write(`newskg: ${p.origin}: ${p.message}\n`);
    const phases = Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v) / 1000]));
    if (opts.json) {
      const summary = { articles: result.articles, added: result.added, skipped: result.skipped, seconds: Math.round(seconds * 1000) / 1000, articlesPerSecond: Math.round((result.added / seconds) * 10) / 10, entities: result.entities, entityClasses: result.entityClasses, events: result.events, relations: result.relations, posts: result.posts, edges: result.edges, quads: result.quads, phases, warnings: result.problems.length, files: result.files };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const types = Object.entries(result.entityClasses).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${t}`).join(', ');
      const what = opts.add ? `added ${result.added} articles (${result.skipped} already there; ${result.articles} in all)` : `built ${result.articles} articles`;
      process.stdout.write(
        `${what} in ${seconds.toFixed(1)} s: ${result.entities} entities (${types}), ${result.events} events, ${result.relations} relations, ${result.posts} posts, ${result.edges} edges, ${result.quads} quads; ${result.problems.length} warnings\n`,
      );
      process.stdout.write(`  time: ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}\n`);
      for (const f of result.files) process.stdout.write(`  ${f}\n`);
    }
    if (result.articles === 0) process.exitCode = 1;
  });

program
  .command('serve')
  .description('Serve the viewer and a built graph (building seeds/ into DIR first when DIR has no graph.json).')
  .argument('[dir]', 'a build output folder', 'out')
  .option('--port <n>', 'port', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
    return n;
  }, 5173)
  .option('--host <host>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
  .option('--query-workers <n>', 'SPARQL query threads, each holding the whole graph in memory (default: one per core)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64');
    return n;
  })
  .action(async (dir: string, opts: { port: number; host: string; queryWorkers?: number }) => {
    if (!existsSync(join(dir, 'graph.json'))) {
      process.stderr.write(`newskg: ${dir} has no graph.json; building seeds/ into it first\n`);
      const result = await build({ paths: ['seeds'], out: dir, base: DEFAULT_BASE });
      for (const p of result.problems) process.stderr.write(`newskg: ${p.origin}: ${p.message}\n`);
    }
    const running = await serve({ dir, host: opts.host, port: opts.port, sparql: opts.queryWorkers ? { workers: opts.queryWorkers } : undefined });
    process.stdout.write(`newskg: serving ${resolve(dir)} at ${running.url}\n`);
    if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') process.stderr.write(`newskg: bound to ${opts.host}: other machines can reach this server\n`);
  });

/** The graph a query command reads: a build folder or file (default out/). */
async function loadGraph(data: string): Promise<KnowledgeGraph> {
  if (!existsSync(data)) throw new NewskgError('query', `${data}: no such build folder or file (build one first: newskg build --out ${data})`);
  return KnowledgeGraph.load(data);
}

const QUERY_FORMATS = ['table', 'json', 'csv', 'tsv', 'xml', 'ttl', 'nt', 'jsonld'] as const;
const RESULT_MEDIA: Record<string, string> = { json: 'application/sparql-results+json', csv: 'text/csv', tsv: 'text/tab-separated-values', xml: 'application/sparql-results+xml' };
// A graph has its own JSON and XML: JSON-LD and RDF/XML.
const GRAPH_MEDIA: Record<string, string> = { ttl: 'text/turtle', nt: 'application/n-triples', jsonld: 'application/ld+json', json: 'application/ld+json', xml: 'application/rdf+xml' };

program
  .command('query')
  .description('Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE; the ontology prefixes are declared) over a built graph or a SPARQL endpoint.')
  .argument('<sparql>', 'the query, or @FILE to read it from a file')
  .option('--data <path>', 'build folder or RDF file', 'out')
  .option('--endpoint <url>', 'ask this SPARQL endpoint instead of --data (a store the build was pushed into)')
  .option('--user <name>', 'user name for the endpoint')
  .option('--password <password>', 'password for the endpoint')
  .option('--format <format>', `${QUERY_FORMATS.join(', ')} (default: table on a terminal, json or ttl when piped)`)
  .action(async (sparql: string, opts: { data: string; endpoint?: string; user?: string; password?: string; format?: string }) => {
    const query = sparql.startsWith('@') ? readFileSync(sparql.slice(1), 'utf8') : sparql;
    if (opts.format && !(QUERY_FORMATS as readonly string[]).includes(opts.format)) throw new InvalidArgumentError(`--format must be one of ${QUERY_FORMATS.join(', ')}`);
    const form = queryForm(query);
    const graphResult = form === 'construct' || form === 'describe';
    const format = opts.format ?? (process.stdout.isTTY ? 'table' : graphResult ? 'ttl' : 'json');
    const media = graphResult ? GRAPH_MEDIA : RESULT_MEDIA;
    if (format !== 'table' && !media[format]) throw new InvalidArgumentError(graphResult ? 'a CONSTRUCT or DESCRIBE result is written as table, ttl, nt, xml (RDF/XML) or json/jsonld (JSON-LD)' : 'a SELECT or ASK result is written as table, json, csv, tsv or xml');
    const source = opts.endpoint ? new SparqlEndpoint(opts.endpoint, { user: opts.user, password: opts.password }) : await loadGraph(opts.data);
    if (format === 'table') {
      process.stdout.write(formatResultTable(await source.sparql(query)));
      return;
    }
    const text = await source.serialise(query, media[format]);
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  });

program
  .command('push')
  .description('Load a build into a SPARQL 1.1 store through the Graph Store HTTP Protocol: one named graph per article, the build-wide triples into --graph; each graph replaced, so pushing again never duplicates.')
  .argument('[dir]', 'a build output folder (with graph.trig)', 'out')
  .requiredOption('--store <url>', 'the Graph Store Protocol endpoint (Virtuoso: http://127.0.0.1:8890/sparql-graph-crud-auth)')
  .option('--user <name>', 'user name (Digest or Basic authentication, whichever the store asks for)')
  .option('--password <password>', 'password')
  .option('--graph <iri>', 'the graph for the build-wide triples (default: <base>graph)')
  .option('--json', 'print the summary as one JSON object')
  .action(async (dir: string, opts: { store: string; user?: string; password?: string; graph?: string; json?: boolean }) => {
    const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'pushing {bar} {value}/{total} graphs | {rate}/s | ETA {eta_formatted}', clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
    const t0 = performance.now();
    bar?.start(1, 0, { rate: 0 });
    const result = await push({
      dir,
      store: opts.store,
      user: opts.user,
      password: opts.password,
      graph: opts.graph,
      onGraph: (done, total) => {
        bar?.setTotal(total);
        bar?.update(done, { rate: (done / Math.max(0.001, (performance.now() - t0) / 1000)).toFixed(0) });
      },
      onRetry: (attempt, reason) => bar === null && process.stderr.write(`newskg: ${opts.store}: ${reason}; retry ${attempt}\n`),
    }).finally(() => bar?.stop());
    const seconds = (performance.now() - t0) / 1000;
    if (opts.json) process.stdout.write(`${JSON.stringify({ ...result, seconds: Math.round(seconds * 1000) / 1000 })}\n`);
    else process.stdout.write(`pushed ${result.graphs} graphs (${result.triples} triples; build-wide ones into <${result.defaultGraph}>) to ${opts.store} in ${seconds.toFixed(1)} s: ${result.requests} requests, ${result.retries} retries\n`);
  });

program
  .command('entity')
  .description('Show an entity (by name, alias or IRI) and its relations with their evidence.')
  .argument('<name>', 'name, alias or IRI')
  .option('--data <path>', 'build folder or RDF file', 'out')
  .option('--json', 'print JSON')
  .action(async (name: string, opts: { data: string; json?: boolean }) => {
    const kg = await loadGraph(opts.data);
    const entity = kg.entity(name);
    const relations = [...kg.relations({ subject: entity.iri }), ...kg.relations({ object: entity.iri })];
    process.stdout.write(opts.json ? `${JSON.stringify({ entity, relations }, null, 2)}\n` : formatEntity(entity, relations));
  });

program
  .command('path')
  .description('The shortest chain of stated relations between two entities.')
  .argument('<from>', 'name, alias or IRI')
  .argument('<to>', 'name, alias or IRI')
  .option('--data <path>', 'build folder or RDF file', 'out')
  .option('--max-length <n>', 'longest chain to look for', positiveInt, 4)
  .option('--json', 'print JSON')
  .action(async (from: string, to: string, opts: { data: string; maxLength: number; json?: boolean }) => {
    const kg = await loadGraph(opts.data);
    const paths = kg.paths(from, to, { maxLength: opts.maxLength });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(paths, null, 2)}\n`);
      return;
    }
    if (!paths.length) {
      process.stdout.write(`no chain of at most ${opts.maxLength} stated relations between ${kg.entity(from).label} and ${kg.entity(to).label}\n`);
      return;
    }
    for (const p of paths) process.stdout.write(`${p.nodes.map((n, i) => (i === 0 ? n.label : ` —${p.predicates[i - 1]}— ${n.label}`)).join('')}\n`);
  });

program
  .command('eval')
  .description('Score the tagger on a CoNLL file (entity P/R/F1 as conlleval computes them, POS accuracy, tokens/s), or typed entities on GUM.')
  .option('--conll <file>', 'CoNLL file (token [POS chunk] NER): tagger scores')
  .option('--gum <dir>', 'GUM Wikinews folder (text/, mentions/): typed entity scores')
  .option('--ud <file>', 'CoNLL-U file: UAS, LAS, UPOS, XPOS and lemma accuracy on its gold tokens, parser and analyze() tokens/s')
  .option('--genres <list>', 'with --ud: only documents of these genres (GUM ids, e.g. news,interview)')
  .option('--coref <dir>', 'GUM Wikinews folder (text/, mentions/): coreference chains (MUC, B³, CEAF-e, their mean; pairwise)')
  .option('--names-only', 'with --coref: chains from names alone (no pronouns or descriptions), the baseline')
  .option('--subset <name>', 'GUM documents: news, interview or all (default: news for --gum, all for --coref)')
  .option('--model <file>', 'model file', undefined)
  .option('--json', 'print the report as JSON')
  .option('--facts <path>', 'a facts file or a folder of them (see tests/fixtures/facts/README.md): relation, event and source scores')
  .option('--verbose', 'with --facts: list the missed and spurious relations')
  .option('--relations <file>', 'CoNLL04 JSON file (tokens, BILOU tags, relations): typed relations end to end from raw text, P/R/F1 per type and micro')
  .action(async (opts: { conll?: string; gum?: string; coref?: string; namesOnly?: boolean; ud?: string; genres?: string; facts?: string; relations?: string; subset?: string; model?: string; json?: boolean; verbose?: boolean }) => {
    if (opts.relations) {
      const report = evaluateRelations(opts.relations, places, loadRelationModel(opts.model));
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${opts.relations}: ${report.sentences} sentences\n${formatRelationsReport(report)}`);
      return;
    }
    if (opts.subset !== undefined && !['news', 'interview', 'all'].includes(opts.subset)) throw new InvalidArgumentError('--subset must be news, interview or all');
    if (opts.coref) {
      const subset = (opts.subset ?? 'all') as 'news' | 'interview' | 'all';
      const report = evaluateCoref(opts.coref, { subset, sieves: !opts.namesOnly });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${opts.coref}: ${report.documents} documents (${subset}), ${report.goldChains} gold chains, ${report.systemChains} system chains (people, organisations, places; singletons left out)\n${formatCorefScores(report.scores)}`);
      return;
    }
    if (opts.ud) {
      const genres = opts.genres?.split(',').map((g) => g.trim()).filter(Boolean);
      const report = evaluateUd(opts.ud, { modelPath: opts.model, docs: genres?.length ? new RegExp(`_(${genres.map((g) => g.replace(/[^a-z]/gi, '')).join('|')})_`) : undefined });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${opts.ud}: ${report.sentences} sentences\n${formatUdReport(report.scores, report)}`);
      return;
    }
    if (opts.facts) {
      const reports = [];
      for (const file of factsFiles(opts.facts)) reports.push(await evaluateFacts(file, undefined, opts.model));
      const total = totalOf(reports);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ files: reports, total }, null, 2)}\n`);
        return;
      }
      process.stdout.write(formatFactsReport(reports, total, opts.verbose ?? false));
      return;
    }
    if (opts.gum) {
      const subset = (opts.subset ?? 'news') as 'news' | 'interview' | 'all';
      const gum = evaluateGum(opts.gum, places, { subset });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(gum, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${opts.gum}: ${gum.documents} documents (${subset}), named mentions of persons, organisations, places and events (overall), and of works and laws (GUM abstract) and products (GUM object)\n`);
      for (const mode of ['strict', 'lenient'] as const) {
        process.stdout.write(`${mode} (${mode === 'strict' ? 'same span and type' : 'overlapping span, same type'}):\n`);
        for (const [type, s] of Object.entries(gum[mode])) {
          process.stdout.write(`${type.padStart(14)}: precision ${s.precision.toFixed(2).padStart(6)}%; recall ${s.recall.toFixed(2).padStart(6)}%; F1 ${s.f1.toFixed(2).padStart(6)}  (gold ${s.gold}, found ${s.predicted}, correct ${s.correct})\n`);
        }
      }
      return;
    }
    if (!opts.conll) throw new InvalidArgumentError('give --conll FILE, --ud FILE, --gum DIR, --coref DIR or --facts PATH');
    const report = await evaluateConll(opts.conll, { modelPath: opts.model });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${report.file}: ${report.documents} documents, ${report.sentences} sentences\n`);
    process.stdout.write(formatConllevalReport(report.ner));
    if (report.posAccuracy !== null) process.stdout.write(`POS accuracy: ${(100 * report.posAccuracy).toFixed(2)}%\n`);
    const rate = (x: number) => Math.round(x).toLocaleString('en-US');
    process.stdout.write(
      `throughput: ${rate(report.tokensPerSecond)} tokens/s steady state (second pass); ${rate(report.tokensPerSecondFirstPass)} tokens/s first pass (cold JIT and caches); model load ${report.modelLoadMs.toFixed(0)} ms\n`,
    );
  });

program
  .command('train')
  .description('Train the tagger, then the dependency parser and lemmatiser on its tags, from the shared data, and write the model files (reproduces the shipped models).')
  .option('--data <dir>', 'data folder with conll2003/, ud_english/ and the unlabelled corpora', '../shared/data')
  .option('--out <file>', 'tagger model file to write', defaultModelPath())
  .option('--parser-out <file>', 'parser and lemmatiser model file to write', defaultParserModelPath())
  .option('--only <model>', 'train only the tagger, only the parser (which reads the tagger model at --out) or only the relation classifier')
  .option('--relations-out <file>', 'relation classifier model file to write', defaultRelationModelPath())
  .option('--pos-from <data>', 'train the POS tagger on conll (CoNLL-2003\'s automatic POS column: the shipped model) ud (the treebanks\' gold tags) or ud+conll (both)', 'conll')
  .option('--clusters <file>', 'reuse word clusters written by an earlier run instead of inducing them')
  .option('--no-gazetteer', 'train without gazetteer features (ablation)')
  .option('--no-clusters', 'train without word-cluster features (ablation)')
  .option('--ner-epochs <n>', 'NER training epochs', positiveInt)
  .option('--pos-epochs <n>', 'POS training epochs', positiveInt)
  .option('--folds <n>', 'jackknife folds', positiveInt)
  .option('--min-count <n>', 'drop features seen fewer times in training', positiveInt)
  .option('--extra-ner <file...>', 'further NER training files (token<TAB>tag, WNUT-17 types mapped to PER/ORG/LOC/MISC)')
  .option('--title-case <fraction>', 'fraction of training sentences also seen in Title Case', Number)
  .option('--scheme <scheme>', 'NER label scheme: bilou (default) or bio')
  .option('--dev-in-model', 'after scoring on dev, train the tagger again on train + dev and write that (not the shipped recipe)')
  .action(async (opts: { data: string; out: string; parserOut: string; relationsOut: string; only?: string; posFrom: string; clusters?: string | boolean; gazetteer: boolean; devInModel?: boolean; nerEpochs?: number; posEpochs?: number; folds?: number; minCount?: number; extraNer?: string[]; titleCase?: number; scheme?: string }) => {
    const settings: Record<string, number> = {};
    if (opts.minCount) settings.minCount = opts.minCount;
    if (opts.titleCase !== undefined) settings.titleCaseFraction = opts.titleCase;
    if (opts.scheme !== undefined && opts.scheme !== 'bio' && opts.scheme !== 'bilou') throw new InvalidArgumentError('--scheme must be bio or bilou');
    if (opts.nerEpochs) settings.nerEpochs = opts.nerEpochs;
    if (opts.posEpochs) settings.posEpochs = opts.posEpochs;
    if (opts.folds) settings.folds = opts.folds;
    if (opts.only !== undefined && !['tagger', 'parser', 'relations'].includes(opts.only)) throw new InvalidArgumentError('--only must be tagger, parser or relations');
    if (!['ud', 'conll', 'ud+conll'].includes(opts.posFrom)) throw new InvalidArgumentError('--pos-from must be conll, ud or ud+conll');
    const log = (msg: string) => process.stderr.write(`${msg}\n`);
    if (opts.only === undefined || opts.only === 'tagger') await buildModel({
      dataDir: resolve(opts.data),
      out: resolve(opts.out),
      clustersFile: typeof opts.clusters === 'string' ? opts.clusters : undefined,
      noClusters: opts.clusters === false,
      noGazetteer: !opts.gazetteer,
      settings: { ...settings, ...(opts.scheme ? { nerScheme: opts.scheme as 'bio' | 'bilou' } : {}) },
      extraNer: opts.extraNer,
      posFrom: opts.posFrom as 'ud' | 'conll' | 'ud+conll',
      withDev: opts.devInModel === true,
      log,
    });
    if (opts.only === undefined || opts.only === 'parser') await buildParser({ dataDir: resolve(opts.data), out: resolve(opts.parserOut), taggerModel: resolve(opts.out), log });
    // The relation classifier reads the shipped tagger's names and the parser's trees, so it comes last.
    if (opts.only === undefined || opts.only === 'relations') {
      const train = join(resolve(opts.data), 'conll04', 'train.json');
      const model = trainRelationModel(train, { ownNames: places, log });
      const bytes = writeRelationModel(resolve(opts.relationsOut), model, { trainedOn: 'conll04/train.json', epochs: 12 });
      log(`wrote ${opts.relationsOut} (${(bytes / 1024).toFixed(0)} KB, threshold ${model.minMargin})`);
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const msg = err instanceof NewskgError ? err.message : `newskg: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(`${msg.split('\n')[0]}\n`);
  process.exitCode = 1;
});
