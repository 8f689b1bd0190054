/**
 * Viewer benchmark (run on demand with `npm run bench`): in headless chromium (software WebGL:
 * compare runs, not absolute figures), for the seed graph and generated graphs of 10,000 nodes /
 * 50,000 edges and 15,000 nodes / 45,000 edges:
 * - time from navigation to the first frame and to interactive, and where it goes (the load's
 *   steps: script, response, JSON parse, graph import, sigma's constructor, the page's wiring);
 * - frames per second while the graph is dragged;
 * - the cost of a hover and of a selection change, through their own handlers.
 * Medians of 5 page loads. `BENCH_VIEWER_BUILD=DIR` adds a build folder of your own (a real
 * build of 15,000 nodes, say: eight retitled copies of ../shared's Wikinews make one).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from '../../src/pipeline/index.js';
import { generatedGraph } from '../helpers/generated-graph.js';
import { serve } from '../../src/server/index.js';
import { launchChromium } from '../helpers/chromium.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seedOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
await build({ paths: [join(root, 'seeds')], out: seedOut, base: 'https://newskg.org/id/', formats: ['json'] });
const bigOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
writeFileSync(join(bigOut, 'graph.json'), JSON.stringify(generatedGraph(10_000, 50_000)));
const wideOut = mkdtempSync(join(tmpdir(), 'newskg-viewer-bench-'));
writeFileSync(join(wideOut, 'graph.json'), JSON.stringify(generatedGraph(15_000, 45_000)));

const browser = await launchChromium();
type Probe = { timings: { firstFrame: number; interactive: number; steps: Record<string, number> }; nodes: number; hubs?: () => string[]; hoverMs: (n: string) => number; selectMs: (n: string) => number; refreshMs: () => number };
const STEPS = ['script', 'response', 'parse', 'import', 'sizes', 'renderer', 'wired'];

/** Frames the page paints per second while the mouse drags the graph across the canvas for about two seconds. */
async function dragFps(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.frames_ = 0;
    w.counting = true;
    const tick = () => {
      w.frames_++;
      if (w.counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.mouse.move(500, 450);
  await page.mouse.down();
  for (let i = 0; Date.now() - t0 < 2000; i++) await page.mouse.move(500 + 200 * Math.sin(i / 8), 450 + 120 * Math.cos(i / 8));
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.counting = false;
    return w.frames_;
  });
  return (frames * 1000) / (Date.now() - t0);
}

console.log('viewer benchmark (headless chromium, software rendering; medians of 5 loads)');
const graphs: [string, string][] = [['seed graph', seedOut], ['generated 10k nodes / 50k edges', bigOut], ['generated 15k nodes / 45k edges', wideOut]];
if (process.env.BENCH_VIEWER_BUILD) graphs.push([`the build in ${process.env.BENCH_VIEWER_BUILD}`, process.env.BENCH_VIEWER_BUILD]);
for (const [name, dir] of graphs) {
  const server = await serve({ dir, port: 0 });
  const runs: { first: number; interactive: number; steps: Record<string, number>; hover: number; select: number; fps: number; nodes: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const p = (window as unknown as { newskg: Probe }).newskg;
      // The busiest nodes: a hover and a selection touch the most there.
      const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // A viewer from before these probes: a full refresh is what its hover and selection cost.
      if (!p.hubs) return { ...p.timings, steps: p.timings.steps ?? {}, nodes: p.nodes, hover: mid([0, 1, 2].map(() => p.refreshMs())), select: mid([0, 1, 2].map(() => p.refreshMs())) };
      const hubs = p.hubs();
      return { ...p.timings, nodes: p.nodes, hover: mid(hubs.map((n) => p.hoverMs(n))), select: mid(hubs.map((n) => p.selectMs(n))) };
    });
    const fps = await dragFps(page);
    runs.push({ first: r.firstFrame, interactive: r.interactive, steps: r.steps, hover: r.hover, select: r.select, fps, nodes: r.nodes });
    await page.close();
  }
  const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const steps = STEPS.map((s, i) => `${s} ${m((r) => r.steps[s] - (i ? r.steps[STEPS[i - 1]] : 0)).toFixed(0)}`).join(', ');
  console.log(`${name} (${runs[0].nodes} nodes): first frame ${m((r) => r.first).toFixed(0)} ms, interactive ${m((r) => r.interactive).toFixed(0)} ms; dragging ${m((r) => r.fps).toFixed(1)} frames/s; hover ${m((r) => r.hover).toFixed(1)} ms, selection ${m((r) => r.select).toFixed(1)} ms`);
  console.log(`  where the load goes (ms per step): ${steps}  [first frames ${runs.map((r) => r.first.toFixed(0)).join(', ')}]`);
  await server.close();
}
await browser.close();
