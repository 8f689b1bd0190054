/**
 * Reading RDF back: a TriG file as a stream of its graphs (for pushing a build to a store without
 * loading it whole), and the triples of a Turtle text.
 */
import { createReadStream } from 'node:fs';
import { Parser, StreamParser, type Quad } from 'n3';
import { NewskgError } from '../errors.js';

/** The number of triples in a Turtle text; a NewskgError naming `origin` if it does not parse. */
export function countTurtleTriples(text: string, origin: string): number {
  try {
    return new Parser({ format: 'text/turtle' }).parse(text).length;
  } catch (err) {
    throw new NewskgError('rdf', `${origin}: Turtle that does not parse: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * The quads of a TriG file as they are parsed, in batches. (n3's StreamParser is read through its
 * events: its async iterator depends on which stream implementation the bundler picks.)
 */
async function* quadsOf(path: string): AsyncGenerator<Quad[]> {
  const input = createReadStream(path);
  const parser = new StreamParser({ format: 'application/trig' });
  let pending: Quad[] = [];
  let ended = false;
  let error: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  parser.on('data', (q: Quad) => {
    pending.push(q);
    if (pending.length >= 10_000) input.pause();
    notify();
  });
  parser.on('end', () => ((ended = true), notify()));
  parser.on('error', (err: Error) => ((error = err), notify()));
  input.on('error', (err: Error) => ((error = err), notify()));
  input.pipe(parser);
  for (;;) {
    if (error) throw error;
    if (pending.length) {
      const batch = pending;
      pending = [];
      input.resume();
      yield batch;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** The quads of a TriG file, a graph at a time (the build writes each graph's quads together). */
export async function* graphsOfTriG(path: string): AsyncGenerator<{ graph: string; quads: Quad[] }> {
  let current: { graph: string; quads: Quad[] } | undefined;
  const seen = new Set<string>();
  try {
    for await (const batch of quadsOf(path)) for (const q of batch) {
      const graph = q.graph.termType === 'DefaultGraph' ? '' : q.graph.value;
      if (current && current.graph !== graph) {
        yield current;
        current = undefined;
      }
      if (!current) {
        // A graph in two places would be replaced by its second part: the build never writes one.
        if (seen.has(graph)) throw new NewskgError('rdf', `${path}: graph ${graph || '(default)'} is written in two places, not as one block`);
        seen.add(graph);
        current = { graph, quads: [] };
      }
      current.quads.push(q);
    }
  } catch (err) {
    if (err instanceof NewskgError) throw err;
    throw new NewskgError('rdf', `${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (current) yield current;
}

