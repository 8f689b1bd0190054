/**
 * Viewer benchmark (run on demand with `npm run bench`): in headless chromium, time from
 * navigation to the first rendered frame and to interactive (graph loaded, legend, search and
 * panel wired), and the cost of one state change (all reducers and a render), for the seed graph
 * and a generated graph of 10,000 nodes and 50,000 edges. Medians of 5 page loads.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../../src/pipeline/index.js';
import { mulberry32 } from '../../src/nlp/hash.js';
import { serve } from '../../src/server/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const KINDS = ['Person', 'Organization', 'GovernmentOrganization', 'Country', 'City', 'Event'];

/** A graph of `order` nodes in clusters, with `size` edges mostly inside clusters, laid out as blobs. */
function generated(order: number, size: number): unknown {
  const rand = mulberry32(11);
  const clusters = Math.round(Math.sqrt(order));
  const nodes = Array.from({ length: order }, (_, i) => {
    const c = i % clusters;
    const angle = (2 * Math.PI * c) / clusters;
    return {
      key: `https://example.org/n/${i}`,
      attributes: { label: `Entity ${i}`, class: KINDS[i % KINDS.length], category: 'person', aliases: [], handles: [], mentionCount: 1 + (i % 7), articles: 1, x: Math.cos(angle) * 1000 + (rand() - 0.5) * 120, y: Math.sin(angle) * 1000 + (rand() - 0.5) * 120, size: 3, ...(i % 6 === 5 ? { dateEarliest: `20${10 + (i % 10)}-01-01`, dateLatest: `20${10 + (i % 10)}-01-31` } : {}) },
    };
  });
  const edges = Array.from({ length: size }, (_, e) => {
    const a = Math.floor(rand() * order);
    const b = rand() < 0.85 ? (a + clusters * (1 + Math.floor(rand() * 5))) % order : Math.floor(rand() * order);
    return { key: `e${e}`, source: nodes[a].key, target: nodes[b === a ? (a + 1) % order : b].key, attributes: { predicate: 'coMentionedWith', family: e % 3 ? 'co-mention' : 'lead', weak: e % 3 !== 0, confidence: 0.2 + (e % 5) / 10, evidenceCount: 1, evidence: [] } };
  });
  return { attributes: { articles: {} }, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges };
}

const seedOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
await build({ paths: [join(root, 'seeds')], out: seedOut, base: 'https://newskg.org/id/', formats: ['json'] });
const bigOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
writeFileSync(join(bigOut, 'graph.json'), JSON.stringify(generated(10_000, 50_000)));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
console.log('viewer benchmark (headless chromium, software rendering; medians of 5 loads)');
for (const [name, dir] of [['seed graph', seedOut], ['generated 10k nodes / 50k edges', bigOut]] as const) {
  const server = await serve({ dir, port: 0 });
  const first: number[] = [];
  const interactive: number[] = [];
  const refresh: number[] = [];
  let order = 0;
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await page.waitForTimeout(100);
    const r = await page.evaluate(() => {
      const p = (window as unknown as { newskg: { timings: { firstFrame: number; interactive: number }; nodes: number; refreshMs: () => number } }).newskg;
      const refreshes = [p.refreshMs(), p.refreshMs(), p.refreshMs()].sort((a, b) => a - b);
      return { ...p.timings, nodes: p.nodes, refresh: refreshes[1] };
    });
    first.push(r.firstFrame);
    interactive.push(r.interactive);
    refresh.push(r.refresh);
    order = r.nodes;
    await page.close();
  }
  console.log(`${name} (${order} nodes): first frame ${median(first).toFixed(0)} ms, interactive ${median(interactive).toFixed(0)} ms, one state change (reducers + render) ${median(refresh).toFixed(1)} ms  [first frame ${first.map((x) => x.toFixed(0)).join(', ')}]`);
  await server.close();
}
await browser.close();
