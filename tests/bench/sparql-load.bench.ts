/**
 * SPARQL endpoint under load (run on demand with `npm run bench`, never inside unit tests): 1, 10
 * and 50 clients, each asking a small COUNT over the seed graph again as soon as it has its answer,
 * for `BENCH_SECONDS` (default 10) at each level, over keep-alive connections. Prints answers/s,
 * the median and p99 latency of the answers, and how many requests were refused (503) or failed.
 * The endpoint has the limits a user gets by default (a query worker per core).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/pipeline/index.js';
import { DEFAULT_LIMITS, SparqlService } from '../../src/server/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const levels = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const QUERY = 'SELECT (COUNT(*) AS ?n) WHERE { ?s a nkg:Person }';

const dir = mkdtempSync(join(tmpdir(), 'newskg-load-bench-'));
await build({ paths: [join(root, 'seeds')], out: dir, base: 'https://newskg.org/id/' });
const endpoint = new SparqlService(dir, DEFAULT_LIMITS);
const server = createServer((req, res) => void endpoint.handle(req, res, {}));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const path = `/sparql?query=${encodeURIComponent(QUERY)}`;

function ask(agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { Accept: 'application/sparql-results+json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

// Every worker loads the graph and warms up before the clock starts: two seconds of 50 clients.
await endpoint.ready();
const warm = new Agent({ keepAlive: true, maxSockets: 50 });
const warmEnd = performance.now() + 2000;
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (performance.now() < warmEnd) await ask(warm);
  }),
);
warm.destroy();
console.log(`SPARQL load benchmark: ${QUERY} on the seed graph, ${seconds} s per level, keep-alive connections, ${DEFAULT_LIMITS.workers} query workers`);
console.log('clients | answers/s | median ms | p99 ms | refused (503) | failed');
for (const clients of levels) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let refused = 0;
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await ask(agent);
      if (status === 200) latencies.push(performance.now() - t0);
      else if (status === 503) refused++;
      else failed++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : NaN);
  console.log(
    `${String(clients).padStart(7)} | ${(latencies.length / elapsed).toFixed(0).padStart(9)} | ${pct(0.5).toFixed(1).padStart(9)} | ${pct(0.99).toFixed(1).padStart(6)} | ${String(refused).padStart(13)} | ${failed}`,
  );
  agent.destroy();
}
endpoint.close();
server.close();
rmSync(dir, { recursive: true, force: true });
