/**
 * The article view in chromium on articles whose text, title and URL hold markup (the hostile
 * fixtures): it all shows as text and runs nothing. Skipped without chromium except in CI.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { serve, type RunningServer } from '../../src/server/index.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const found = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);

describe.skipIf(!found && !inCi)('the article view of hostile articles in chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), 'newskg-reader-in-'));
    for (const f of ['quotes-and-markup.txt', 'metadata.json']) copyFileSync(join(root, 'tests/fixtures/hostile', f), join(input, f));
    const out = mkdtempSync(join(tmpdir(), 'newskg-reader-'));
    await build({ paths: [input], out, base: 'https://newskg.org/id/', formats: ['json'] });
    server = await serve({ dir: out, port: 0 });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('markup in an article, its title and its URL reaches the page as characters: no element, no script, no dialog', async () => {
    const graph = (await (await fetch(`${server.url}api/graph`)).json()) as { attributes: { articles: Record<string, { title?: string }> } };
    const ids = Object.keys(graph.attributes.articles);
    expect(ids.length).toBeGreaterThan(1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const seen: string[] = [];
    for (const id of ids) {
      await page.goto(`${server.url}?article=${encodeURIComponent(id)}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      await page.waitForSelector('#reader:not([hidden]) .reader-text');
      const text = (await page.textContent('#reader .reader-text'))!;
      const view = (await (await fetch(`${server.url}api/article?id=${encodeURIComponent(id)}`)).json()) as { text: string; title?: string };
      // The page's text is the article's, character for character; the title too.
      expect(text).toBe(view.text);
      seen.push(text);
      if (view.title) expect(await page.textContent('#reader-title')).toBe(view.title);
      expect(await page.locator('#reader script, #reader img, #reader b, #reader iframe').count()).toBe(0);
      for (const href of await page.$$eval('#reader a', (as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^https?:/);
    }
    expect(seen.some((t) => t.includes('<script>alert(1)</script>'))).toBe(true);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
