/**
 * The overview of a large graph in chromium: a generated graph.json of 6,000 nodes (past the size
 * where co-mentions start hidden), its filters and colouring. Skipped without chromium except in CI.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type RunningServer } from '../../src/server/index.js';
import { generatedGraph } from '../helpers/generated-graph.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const found = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const shots = new URL('./screenshots/', import.meta.url).pathname;

type Probe = { hovered: () => string | null; enter: (n: string) => void; shown: (cls?: string) => number; color: (n: string) => string | undefined; edgesShown: (weak: boolean) => number; hubs: () => string[]; display: () => string; refreshMs: () => number; select: (n: string | null) => Promise<void> };
const newskg = () => (window as unknown as { newskg: Probe }).newskg;
const edgesShown = (page: Page, weak: boolean) => page.evaluate(`(${newskg})().edgesShown(${weak})`) as Promise<number>;
const shown = (page: Page) => page.evaluate(`(${newskg})().shown()`) as Promise<number>;

describe.skipIf(!found && !inCi)('the overview of a large graph in chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const graph = generatedGraph(6_000, 20_000);
  const weak = graph.edges.filter((e) => e.attributes.weak).length;
  const stated = graph.edges.length - weak;

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'newskg-overview-'));
    writeFileSync(join(out, 'graph.json'), JSON.stringify(graph));
    server = await serve({ dir: out, port: 0 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    return page;
  }

  test('no hover starts while the mouse button is down: nodes passing under the pointer of a drag are not hovered', async () => {
    const page = await open();
    const [hub] = (await page.evaluate(`(${newskg})().hubs()`)) as string[];
    const box = (await page.locator('#graph').boundingBox())!;
    // The bottom-left corner of the canvas: no panel or overlay there.
    await page.mouse.move(box.x + 6, box.y + box.height - 6);
    const before = await page.evaluate(`(${newskg})().hovered()`);
    expect(before).not.toBe(hub);
    await page.mouse.down();
    await page.evaluate(`(${newskg})().enter(${JSON.stringify(hub)})`);
    expect(await page.evaluate(`(${newskg})().hovered()`)).toBe(before);
    await page.mouse.up();
    // Once the button is up, the same report is a hover.
    await page.evaluate(`(${newskg})().enter(${JSON.stringify(hub)})`);
    expect(await page.evaluate(`(${newskg})().hovered()`)).toBe(hub);
    await page.close();
  });

  test('co-mentions start hidden past a few thousand nodes; the toggle shows them, and the URL keeps the choice', async () => {
    const page = await open();
    expect(await page.isChecked('#weak-edges')).toBe(false);
    expect(await edgesShown(page, true)).toBe(0);
    expect(await edgesShown(page, false)).toBe(stated);
    await page.screenshot({ path: join(shots, 'overview.png') });
    await page.check('#weak-edges');
    expect(await edgesShown(page, true)).toBe(weak);
    expect(new URL(page.url()).searchParams.get('weak')).toBe('1');
    await page.close();
    const again = await open('?weak=1');
    expect(await again.isChecked('#weak-edges')).toBe(true);
    await again.close();
  });

  test('a selection brings out its neighbours without fading the rest, and redrawing only what it touches leaves what a full redraw would', async () => {
    const page = await open();
    const [a, b] = (await page.evaluate(`(${newskg})().hubs()`)) as string[];
    const idle = (await page.evaluate(`(${newskg})().color(${JSON.stringify(a)})`)) as string;
    const nodeColours = (display: string) => display.split('\n').slice(0, graph.nodes.length).map((line) => line.split(',')[1]);
    const before = nodeColours((await page.evaluate(`(${newskg})().display()`)) as string);
    // Select one hub, then another (the first's neighbourhood must be undone), then none.
    for (const node of [a, b, null]) {
      await page.evaluate(`(${newskg})().select(${JSON.stringify(node)})`);
      const partial = (await page.evaluate(`(${newskg})().display()`)) as string;
      await page.evaluate(`(${newskg})().refreshMs()`);
      const full = (await page.evaluate(`(${newskg})().display()`)) as string;
      expect(partial.split('\n').length).toBe(graph.nodes.length + graph.edges.length);
      expect(partial).toBe(full);
      // Nothing fades: every node keeps its colour.
      expect(nodeColours(partial)).toEqual(before);
    }
    expect(await page.evaluate(`(${newskg})().color(${JSON.stringify(a)})`)).toBe(idle);
    await page.close();
  });

  test('the articles slider hides every entity named in fewer articles, and the URL keeps it', async () => {
    const page = await open();
    const atLeast = (n: number) => graph.nodes.filter((x) => (x.attributes.articles as number) >= n).length;
    expect(await shown(page)).toBe(graph.nodes.length);
    await page.locator('#min-articles').fill('3');
    expect(await shown(page)).toBe(atLeast(3));
    expect(await page.textContent('#min-articles-value')).toBe('3');
    expect(new URL(page.url()).searchParams.get('articles')).toBe('3');
    await page.close();
    const shared = await open('?articles=5');
    expect(await shown(shared)).toBe(atLeast(5));
    await shared.close();
  });

  test('Colour by community paints the members of one community alike and of two others apart; back to class colours after', async () => {
    const page = await open();
    const inCommunity = (c: number) => graph.nodes.filter((x) => x.attributes.community === c).map((x) => x.key);
    const [a0, a1] = inCommunity(0);
    const [b0] = inCommunity(1);
    const person = graph.nodes.find((x) => x.attributes.class === 'Person')!.key;
    const colourOf = (n: string) => page.evaluate((key) => (window as unknown as { newskg: Probe }).newskg.color(key), n);
    const before = await colourOf(person);
    await page.selectOption('#colour-by', 'community');
    expect(await colourOf(a0)).toBe(await colourOf(a1));
    expect(await colourOf(a0)).not.toBe(await colourOf(b0));
    expect(new URL(page.url()).searchParams.get('colour')).toBe('community');
    expect(await page.locator('#legend .swatch').first().isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'communities.png') });
    await page.selectOption('#colour-by', 'class');
    expect(await colourOf(person)).toBe(before);
    await page.close();
  });

  test('the histogram has a bar a year over the events; dragging across three keeps exactly the events of those years', async () => {
    const page = await open();
    const events = graph.nodes.filter((x) => x.attributes.class === 'Event');
    const dated = events.map((x) => Number((x.attributes.dateEarliest as string).slice(0, 4)));
    // Every year from the first to the last, those without events too.
    const years = Array.from({ length: Math.max(...dated) - Math.min(...dated) + 1 }, (_, i) => String(Math.min(...dated) + i));
    expect(years.length).toBeGreaterThan(4);
    const bins = await page.$$eval('#histogram rect', (rs) => rs.map((r) => [r.getAttribute('data-bin'), Number(r.getAttribute('data-count'))] as const));
    expect(bins.map(([b]) => b)).toEqual(years);
    expect(bins.reduce((a, [, n]) => a + n, 0)).toBe(events.length);
    const box = (await page.locator('#histogram').boundingBox())!;
    const xOf = (i: number) => box.x + ((i + 0.5) * box.width) / bins.length;
    await page.mouse.move(xOf(0), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(2), box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    const kept = dated.filter((y) => String(y) <= years[2]).length;
    expect(await page.evaluate(`(${newskg})().shown('Event')`)).toBe(kept);
    expect(await page.textContent('#timeline-range')).toBe(`${kept} events, ${years[0]} to ${years[2]}`);
    expect(await page.locator('#timeline-events li').count()).toBe(9);
    await page.close();
  });
});
