/**
 * The viewer's map in chromium: the seed graph's places as dots, in step with the graph's filters
 * and selection, and a generated graph of 6,000 nodes whose countries and cities all have
 * coordinates. Skipped without chromium except in CI, as the other viewer tests are.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';
import { generatedGraph } from '../helpers/generated-graph.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const found = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const shots = join(root, 'tests', 'viewer', 'screenshots');
const IRAQ = 'https://newskg.org/id/place/iraq';

type Dot = { node: string; x: number; y: number; r: number };
type JsonNode = { key: string; attributes: { label: string; class: string; articles: number; lat?: number; lon?: number } };
type JsonGraph = { nodes: JsonNode[]; edges: { source: string; target: string }[] };
const mapDots = (page: Page) => page.evaluate(() => (window as unknown as { newskg: { mapDots: () => Dot[] } }).newskg.mapDots());
const placed = (g: JsonGraph) => g.nodes.filter((n) => n.attributes.lat !== undefined && n.attributes.lon !== undefined);

/** The canvas's pixel at a page point, as [r, g, b, a]. */
const pixel = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([px, py]) => {
      const canvas = document.getElementById('map-canvas') as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const dpr = canvas.width / box.width;
      return [...canvas.getContext('2d')!.getImageData(Math.round((px - box.left) * dpr), Math.round((py - box.top) * dpr), 1, 1).data];
    },
    [x, y],
  );

async function openIn(browser: Browser, url: string, query = ''): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return { page, requests, errors };
}

async function selectBySearch(page: Page, name: string): Promise<void> {
  await page.fill('#search', name);
  await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain(name);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
}

describe.skipIf(!found && !inCi)('the map of the seed graph in chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let graph: JsonGraph;
  const keyOf = (label: string) => graph.nodes.find((n) => n.attributes.label === label)!.key;
  const neighboursOf = (node: string) => new Set(graph.edges.flatMap((e) => (e.source === node ? [e.target] : e.target === node ? [e.source] : [])));
  const open = (query = '') => openIn(browser, server.url, query);

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'newskg-map-'));
    await build({ paths: [join(root, 'seeds')], out, base: 'https://newskg.org/id/', formats: ['json'] });
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    server = await serve({ dir: out, port: 0 });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Map opens a map with a dot for every place with coordinates, asking nothing of another host; the URL keeps it open', async () => {
    const { page, requests, errors } = await open();
    expect(await page.isHidden('#map')).toBe(true);
    expect(await page.getAttribute('#map-toggle', 'aria-pressed')).toBe('false');
    await page.click('#map-toggle');
    expect(await page.isVisible('#map')).toBe(true);
    expect(await page.getAttribute('#map-toggle', 'aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('map')).toBe('1');
    const dots = await mapDots(page);
    expect(placed(graph).length).toBeGreaterThan(20);
    expect(dots.map((d) => d.node).sort()).toEqual(placed(graph).map((n) => n.key).sort());
    // The outlines are drawn: a blank canvas compresses to almost nothing.
    expect((await page.locator('#map-canvas').screenshot()).length).toBeGreaterThan(15_000);
    // The map must not cover the search box.
    const map = (await page.locator('#map').boundingBox())!;
    const search = (await page.locator('#search').boundingBox())!;
    expect(map.y).toBeGreaterThan(search.y + search.height);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    const shared = await open('?map=1');
    expect(await shared.page.isVisible('#map')).toBe(true);
    expect((await mapDots(shared.page)).length).toBe(placed(graph).length);
    await shared.page.click('#map-close');
    expect(await shared.page.isHidden('#map')).toBe(true);
    expect(await shared.page.getAttribute('#map-toggle', 'aria-pressed')).toBe('false');
    expect(new URL(shared.page.url()).searchParams.has('map')).toBe(false);
    expect(await mapDots(shared.page)).toEqual([]);
    await shared.page.close();
  });

  test('a class hidden in the legend leaves the map too', async () => {
    const { page } = await open('?map=1');
    await page.uncheck('#legend input[data-class="City"]');
    const dots = await mapDots(page);
    const countries = placed(graph).filter((n) => n.attributes.class !== 'City');
    expect(countries.length).toBeGreaterThan(5);
    expect(dots.map((d) => d.node).sort()).toEqual(countries.map((n) => n.key).sort());
    await page.close();
  });

  test('a place selected in the graph is ringed and on top; a person selected brings out the places of their facts', async () => {
    const { page } = await open('?map=1');
    await selectBySearch(page, 'Iraq');
    const dots = await mapDots(page);
    const top = dots[dots.length - 1];
    expect(top.node).toBe(IRAQ);
    // Just outside the dot: the dark ring, not the land or sea.
    const [r, g, b] = await pixel(page, top.x, top.y - top.r - 4);
    expect(Math.max(r, g, b)).toBeLessThan(90);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'map.png') });
    await page.close();

    const salah = keyOf('Abdeslam Salah');
    const { page: p2 } = await open(`?map=1&node=${encodeURIComponent(salah)}`);
    await p2.waitForSelector('#panel:not([hidden]) #panel-title');
    const places = placed(graph).filter((n) => neighboursOf(salah).has(n.key));
    expect(places.length).toBeGreaterThan(0);
    expect(await p2.textContent('#map-caption')).toBe(`${placed(graph).length} places (${places.length} linked to Abdeslam Salah)`);
    // The linked places are drawn last (over the faded rest), in their class colours.
    const drawn = await mapDots(p2);
    expect(new Set(drawn.slice(-places.length).map((d) => d.node))).toEqual(new Set(places.map((n) => n.key)));
    await p2.close();
  });

  test('hovering a dot names it; clicking it selects its entity and opens its details', async () => {
    const { page } = await open('?map=1');
    const dots = await mapDots(page);
    const australia = dots.find((d) => d.node === keyOf('Australia'))!;
    await page.mouse.move(australia.x, australia.y);
    expect(await page.isVisible('#map-tip')).toBe(true);
    expect(await page.textContent('#map-tip')).toBe('Australia');
    await page.mouse.click(australia.x, australia.y);
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await page.textContent('#panel-title')).toBe('Australia');
    expect(new URL(page.url()).searchParams.get('node')).toBe(australia.node);
    expect((await mapDots(page)).at(-1)!.node).toBe(australia.node);
    await page.close();
  });
});

describe.skipIf(!found && !inCi)('the map of a large graph in chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const graph = generatedGraph(6_000, 20_000) as unknown as JsonGraph;

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'newskg-map-large-'));
    writeFileSync(join(out, 'graph.json'), JSON.stringify(graph));
    server = await serve({ dir: out, port: 0 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the dots are the nodes with coordinates the graph shows, through the articles slider and a class hidden', async () => {
    const { page, errors } = await openIn(browser, server.url, '?map=1');
    const shownWithCoordinates = () =>
      page.evaluate(() => {
        const p = (window as unknown as { newskg: { shown: (cls: string) => number } }).newskg;
        return p.shown('Country') + p.shown('City');
      });
    expect(placed(graph).length).toBe(2_000);
    expect((await mapDots(page)).length).toBe(2_000);
    await page.locator('#min-articles').fill('3');
    const atLeast3 = placed(graph).filter((n) => n.attributes.articles >= 3);
    expect((await mapDots(page)).length).toBe(atLeast3.length);
    expect(atLeast3.length).toBe(await shownWithCoordinates());
    await page.uncheck('#legend input[data-class="City"]');
    const dots = await mapDots(page);
    expect(dots.length).toBe(atLeast3.filter((n) => n.attributes.class === 'Country').length);
    expect(dots.length).toBe(await shownWithCoordinates());
    expect(errors).toEqual([]);
    await page.close();
  });
});
