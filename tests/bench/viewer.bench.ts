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
import { generatedGraph } from '../helpers/generated-graph.js';
import { serve } from '../../src/server/index.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seedOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
await build({ paths: [join(root, 'seeds')], out: seedOut, base: 'https://newskg.org/id/', formats: ['json'] });
const bigOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
writeFileSync(join(bigOut, 'graph.json'), JSON.stringify(generatedGraph(10_000, 50_000)));

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
