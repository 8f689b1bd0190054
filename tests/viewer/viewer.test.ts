/**
 * The viewer in a real browser (Debian's chromium driven by playwright-core) against
 * `newskg serve` on the seed graph. Without chromium the tests are skipped, except in CI (CI set),
 * where they fail. Screenshots go to tests/viewer/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { KnowledgeGraph } from '../../src/query/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const found = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!found && !inCi) console.warn('skipping tests/viewer: no /usr/bin/chromium (apt-get install chromium); with CI set they fail instead');
const shots = join(root, 'tests', 'viewer', 'screenshots');
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_ID = 'https://newskg.org/id/person/hostile';

let server: RunningServer;
let outDir: string;
let browser: Browser;
let nodes: number;
let persons: number;
let graphJson: { nodes: { key: string; attributes: { label: string } }[]; edges: { source: string; target: string }[] };
const IRAQ = 'https://newskg.org/id/place/iraq';
/** A node's neighbours in graph.json, by a plain scan of its edges (both directions). */
const neighboursOf = (node: string) => new Set(graphJson.edges.flatMap((e) => (e.source === node ? [e.target] : e.target === node ? [e.source] : [])));
const keyOf = (label: string) => graphJson.nodes.find((n) => n.attributes.label === label)!.key;
const shown = (page: Page, cls?: string) => page.evaluate((c) => (window as unknown as { newskg: { shown: (cls?: string) => number } }).newskg.shown(c), cls);

describe.skipIf(!found && !inCi)('the viewer in chromium', () => {
  beforeAll(async () => {
    const out = (outDir = mkdtempSync(join(tmpdir(), 'newskg-viewer-')));
    await build({ paths: [join(root, 'seeds')], out, base: 'https://newskg.org/id/', formats: ['json'] });
    // An entity whose label is markup: it must show as text and run nothing.
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    graph.nodes.push({ key: HOSTILE_ID, attributes: { label: HOSTILE, class: 'Person', category: 'person', aliases: ['"><script>alert(2)</script>'], handles: [], mentionCount: 1, articles: 1, x: 0, y: 0, size: 3 } });
    writeFileSync(join(out, 'graph.json'), JSON.stringify(graph));
    nodes = graph.nodes.length;
    graphJson = graph;
    persons = graph.nodes.filter((n: { attributes: { class: string } }) => n.attributes.class === 'Person').length;
    server = await serve({ dir: out, port: 0 });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = ''): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return { page, requests, dialogs, errors };
  }

  test('renders a non-empty canvas with every node of graph.json, asking nothing of any other host', async () => {
    const { page, requests, errors } = await open();
    expect(await page.evaluate(() => (window as unknown as { newskg: { nodes: number; shown: () => number } }).newskg.nodes)).toBe(nodes);
    expect(await page.evaluate(() => (window as unknown as { newskg: { shown: () => number } }).newskg.shown())).toBe(nodes);
    const png = await page.locator('#graph').screenshot();
    // A blank canvas compresses to a few kilobytes; a drawn graph does not.
    expect(png.length).toBeGreaterThan(40_000);
    await page.screenshot({ path: join(shots, 'default.png') });
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('"/" focuses the search, arrow keys move through suggestions, Esc closes them and clears the box', async () => {
    const { page } = await open();
    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('Par');
    await expect.poll(() => page.locator('#suggestions li').count()).toBeGreaterThan(1);
    const second = await page.locator('#suggestions li').nth(1).textContent();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#suggestions li[aria-selected="true"]').textContent()).toBe(second);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#suggestions')).toBe(true);
    expect(await page.inputValue('#search')).toBe('');
    // "/" typed into the search is a character, not a shortcut.
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#search')).toBe('a/b');
    await page.close();
  });

  test('searching "Iraq" and choosing it opens the panel with its warning to France and the evidence sentence; the URL keeps it', async () => {
    const { page } = await open();
    await page.fill('#search', 'Iraq');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain('Iraq');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await page.textContent('#panel-title')).toBe('Iraq');
    const warned = page.locator('#panel section', { hasText: /^warned/ });
    expect(await warned.locator('.entity-link').allTextContents()).toContain('France');
    expect(await warned.locator('blockquote').first().textContent()).toContain('Iraq warned France of planned attacks by ISIS');
    expect(await warned.locator('mark').first().textContent()).toMatch(/^Iraq warned France/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'panel.png') });
    expect(new URL(page.url()).searchParams.get('node')).toBe('https://newskg.org/id/place/iraq');
    // The same URL, opened afresh, shows the same selection.
    const again = await open(new URL(page.url()).search);
    expect(await again.page.textContent('#panel:not([hidden]) #panel-title')).toBe('Iraq');
    await again.page.close();
    // Escape closes the panel and gives the keyboard back to the search box.
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#panel')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.close();
  });

  test('?node=…&depth=1 shows only the neighbourhood; Expand widens it by one node\'s ring; back and forward step through; Show all ends it', async () => {
    const { page, errors } = await open(`?node=${encodeURIComponent(IRAQ)}&depth=1`);
    const ring = new Set([IRAQ, ...neighboursOf(IRAQ)]);
    expect(ring.size).toBeGreaterThan(2);
    expect(ring.size).toBeLessThan(nodes);
    expect(await shown(page)).toBe(ring.size);
    expect(await page.textContent('#explore-summary')).toBe(`Around Iraq: ${ring.size} entities`);
    expect(await page.getAttribute('#explore-depth-1', 'aria-pressed')).toBe('true');
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(shots, 'ego.png') });
    // Select France (a neighbour) from the search box, then expand it.
    const france = keyOf('France');
    expect(ring.has(france)).toBe(true);
    await page.fill('#search', 'France');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain('France');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) #action-expand');
    await page.click('#action-expand');
    const widened = new Set([...ring, ...neighboursOf(france)]);
    await expect.poll(() => shown(page)).toBe(widened.size);
    expect(new URL(page.url()).searchParams.getAll('expand')).toEqual([france]);
    // Back: the neighbourhood before the expansion; forward: after it.
    await page.goBack();
    await expect.poll(() => shown(page)).toBe(ring.size);
    await page.goForward();
    await expect.poll(() => shown(page)).toBe(widened.size);
    // Two steps from Iraq hold at least the expanded view.
    await page.click('#explore-depth-2');
    expect(await shown(page)).toBeGreaterThanOrEqual(widened.size);
    await page.click('#explore-clear');
    await expect.poll(() => shown(page)).toBe(nodes);
    expect(new URL(page.url()).searchParams.has('depth')).toBe(false);
    await page.goBack();
    await expect.poll(() => shown(page)).toBeGreaterThanOrEqual(widened.size);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a click selects and fades what is not next to it; Show neighbourhood hides the rest', async () => {
    const { page } = await open(`?node=${encodeURIComponent(IRAQ)}`);
    await page.waitForSelector('#panel:not([hidden]) #action-explore');
    // Selecting fades, it does not hide.
    expect(await shown(page)).toBe(nodes);
    await page.click('#action-explore');
    await expect.poll(() => shown(page)).toBe(new Set([IRAQ, ...neighboursOf(IRAQ)]).size);
    expect(new URL(page.url()).searchParams.get('depth')).toBe('1');
    await page.close();
  }, 60_000);

  test('Path from here… and Path … to here highlight the shortest chains of stated relations, the chain `newskg path` gives among them', async () => {
    const salah = keyOf('Abdeslam Salah');
    const { page, errors } = await open(`?node=${encodeURIComponent(salah)}`);
    await page.waitForSelector('#panel:not([hidden]) #action-path-from');
    await page.click('#action-path-from');
    expect(await page.textContent('#action-path-from')).toBe('Now select the other end');
    await page.fill('#search', 'France');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain('France');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) #action-path-to');
    expect(await page.textContent('#action-path-to')).toBe('Path from Abdeslam Salah to here');
    await page.click('#action-path-to');
    await page.waitForSelector('#path-summary');
    expect(await page.textContent('#path-summary')).toMatch(/^From Abdeslam Salah to France: \d+ shortest chains? of 3 steps$/);
    const labels = await page.evaluate(() => (window as unknown as { newskg: { pathLabels: () => string[] } }).newskg.pathLabels());
    for (const step of ['Abdeslam Salah', 'Paris attacks', 'Paris', 'France']) expect(labels).toContain(step);
    // The chain the query side (`newskg path`) gives is one of the chains shown.
    const [cliChain] = (await KnowledgeGraph.load(outDir)).paths(salah, keyOf('France'));
    expect(cliChain.nodes.length).toBe(4);
    for (const n of cliChain.nodes) expect(labels).toContain(n.label);
    expect(new URL(page.url()).searchParams.getAll('path')).toEqual([salah, keyOf('France')]);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(shots, 'path.png') });
    // The URL alone shows the same path.
    const again = await open(new URL(page.url()).search);
    expect(await again.page.textContent('#path-summary')).toBe(await page.textContent('#path-summary'));
    await again.page.close();
    await page.click('#path-clear');
    expect(await page.isHidden('#path-summary')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('the Person filter hides every person, and the legend says so', async () => {
    const { page } = await open();
    await page.uncheck('#legend input[data-class="Person"]');
    expect(await page.textContent('#legend .count[data-class="Person"]')).toBe(`${persons} (hidden)`);
    expect(await page.evaluate(() => (window as unknown as { newskg: { shown: (k: string) => number } }).newskg.shown('Person'))).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { newskg: { shown: (k: string) => number } }).newskg.shown('Country'))).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('Person');
    await page.close();
  });

  test('Layout runs ForceAtlas2 in a web worker and stops it; Export saves a PNG of the view', async () => {
    const { page, errors } = await open();
    const positions = () => page.evaluate(() => (window as unknown as { newskg: { positions: () => number[] } }).newskg.positions());
    const before = await positions();
    await page.click('#layout');
    expect(await page.getAttribute('#layout', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#layout')).toBe('Stop layout');
    await page.waitForTimeout(600);
    await page.click('#layout');
    expect(await page.getAttribute('#layout', 'aria-pressed')).toBe('false');
    const after = await positions();
    expect(after).toHaveLength(nodes);
    expect(after.filter((p, i) => p !== before[i]).length).toBeGreaterThan(nodes / 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toBe('newskg-graph.png');
    const file = join(shots, 'export.png');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the histogram counts every dated event; brushing bars keeps the events of that span and lists them with type and participants; the URL keeps it; All dates ends it', async () => {
    const { page, errors } = await open();
    type Attrs = { class?: string; dateEarliest?: string; dateLatest?: string; label: string };
    const events = graphJson.nodes.filter((n) => (n.attributes as Attrs).class === 'Event');
    const dated = events.filter((n) => (n.attributes as Attrs).dateEarliest);
    const counts = (await page.$$eval('#histogram rect', (rs) => rs.map((r) => Number(r.getAttribute('data-count')))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(dated.length);
    expect(await shown(page, 'Event')).toBe(events.length);
    // Drag from the busiest bar to the next one.
    const busiest = counts.indexOf(Math.max(...counts));
    const [a, b] = busiest + 1 < counts.length ? [busiest, busiest + 1] : [busiest - 1, busiest];
    const box = (await page.locator('#histogram').boundingBox())!;
    const xOf = (i: number) => box.x + ((i + 0.5) * box.width) / counts.length;
    await page.mouse.move(xOf(a), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(b), box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(await page.locator('#histogram rect.selected').count()).toBe(2);
    const url = new URL(page.url()).searchParams;
    const from = url.get('from');
    const to = url.get('to');
    expect(from ?? to).toBeTruthy();
    // What stays: undated events, and those whose dates meet the span.
    const kept = events.filter((n) => {
      const x = n.attributes as Attrs;
      return !x.dateEarliest || !((from && x.dateLatest! < from) || (to && x.dateEarliest > to));
    });
    expect(await shown(page, 'Event')).toBe(kept.length);
    const listed = await page.locator('#timeline-events button').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(8);
    expect(await page.textContent('#timeline-range')).toMatch(/^\d+ events?, /);
    await page.screenshot({ path: join(shots, 'timeline.png') });
    const first = page.locator('#timeline-events button').first();
    const firstId = (await first.getAttribute('data-id'))!;
    expect(dated.map((n) => n.key)).toContain(firstId);
    await first.click();
    await expect.poll(() => page.textContent('#panel-title')).toBe(graphJson.nodes.find((n) => n.key === firstId)!.attributes.label);
    // The same URL, opened afresh, brushes the same bars.
    const again = await open(new URL(page.url()).search);
    expect(await again.page.locator('#histogram rect.selected').count()).toBe(2);
    await again.page.close();
    await page.click('#timeline-clear');
    expect(await shown(page, 'Event')).toBe(events.length);
    expect(new URL(page.url()).searchParams.has('from') || new URL(page.url()).searchParams.has('to')).toBe(false);
    // From the keyboard: the right arrow keeps the first bar.
    await page.focus('#histogram');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#histogram rect.selected').count()).toBe(1);
    expect(await page.locator('#histogram rect').first().getAttribute('class')).toBe('selected');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('at 1280×720 the tools fit one row; in a narrow window they scroll sideways on one row, the legend starts folded, and search still selects', async () => {
    // One row: every tool's top within a control's height of the others'.
    const rows = (page: Page) => page.$$eval('.toolbar > *', (els) => { const tops = els.map((e) => e.getBoundingClientRect().top); return Math.max(...tops) - Math.min(...tops) < 20 ? 1 : 2; });
    const wide = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await wide.goto(server.url);
    await wide.waitForSelector('body[data-ready="true"]');
    expect(await rows(wide)).toBe(1);
    expect(await wide.isVisible('#legend .legend-item')).toBe(true);
    await wide.close();
    const narrow = await browser.newPage({ viewport: { width: 400, height: 800 } });
    await narrow.goto(`${server.url}?map=1`);
    await narrow.waitForSelector('body[data-ready="true"]');
    expect(await rows(narrow)).toBe(1);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    expect(await narrow.isVisible('#legend .legend-item')).toBe(false);
    await narrow.click('.legend-toggle');
    expect(await narrow.isVisible('#legend .legend-item')).toBe(true);
    await narrow.click('.legend-toggle');
    await narrow.screenshot({ path: join(shots, 'narrow.png') });
    await narrow.fill('#search', 'Iraq');
    await expect.poll(() => narrow.locator('#suggestions li').first().textContent()).toContain('Iraq');
    await narrow.keyboard.press('Enter');
    await narrow.waitForSelector('#panel:not([hidden]) #panel-title');
    const panel = (await narrow.locator('#panel').boundingBox())!;
    expect(panel.width).toBe(400);
    await narrow.close();
  });

  test('Read on an evidence opens its article with names highlighted by class and the sentence marked; a name selects its entity; the URL keeps it; Esc closes it', async () => {
    const { page, errors } = await open(`?node=${encodeURIComponent(IRAQ)}`);
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    const warned = page.locator('#panel section', { hasText: /^warned/ });
    const sentence = (await warned.locator('blockquote q').first().textContent())!;
    await warned.locator('.read-article').first().click();
    await page.waitForSelector('#reader:not([hidden]) .reader-text');
    expect(await page.textContent('#reader .sentence.marked')).toBe(sentence);
    // Every linked name carries its entity's class, and the selected entity's names are marked as such.
    const names = await page.$$eval('#reader .ent[data-node]', (els) => els.map((e) => ({ node: (e as HTMLElement).dataset.node!, cls: (e as HTMLElement).dataset.class!, current: e.classList.contains('current') })));
    expect(names.length).toBeGreaterThan(10);
    const classOf = new Map(graphJson.nodes.map((n) => [n.key, (n.attributes as { class?: string }).class]));
    for (const n of names) {
      expect(classOf.get(n.node)).toBe(n.cls);
      expect(n.current).toBe(n.node === IRAQ);
    }
    expect(names.some((n) => n.node === IRAQ)).toBe(true);
    const url = new URL(page.url()).searchParams;
    expect(url.get('article')).toBeTruthy();
    expect(Number(url.get('at'))).toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'article.png') });
    // A name selects its entity: the panel follows, the article stays open.
    const france = 'https://newskg.org/id/place/france';
    await page.locator(`#reader .ent[data-node="${france}"]`).first().click();
    await expect.poll(() => page.textContent('#panel-title')).toBe('France');
    expect(await page.locator('#reader .ent.current').first().getAttribute('data-node')).toBe(france);
    expect(await page.isVisible('#reader')).toBe(true);
    // The same URL, opened afresh, opens the article at the same sentence.
    const again = await open(new URL(page.url()).search);
    await again.page.waitForSelector('#reader:not([hidden]) .sentence.marked');
    expect(await again.page.textContent('#reader .sentence.marked')).toBe(sentence);
    await again.page.close();
    // Esc closes the article first, then the panel.
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#reader')).toBe(true);
    expect(await page.isVisible('#panel')).toBe(true);
    expect(new URL(page.url()).searchParams.has('article')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test(`an entity labelled ${HOSTILE} shows as literal text and runs nothing`, async () => {
    const { page, dialogs, errors } = await open(`?node=${encodeURIComponent(HOSTILE_ID)}`);
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await page.textContent('#panel-title')).toBe(HOSTILE);
    expect(await page.locator('#panel img, #panel script').count()).toBe(0);
    await page.fill('#search', '<img');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain(HOSTILE);
    expect(await page.locator('#suggestions img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
