import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { AnnotatedPage } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests/e2e/pages'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.origin + path);
  const annotated = new AnnotatedPage(page);
  await annotated.waitForBadges();
  return { page, annotated, errors };
}

/** The claims that have badges, in page order. */
function badgedClaims(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('factcheck-badge')].map((b) => b.shadowRoot?.querySelector('button')?.getAttribute('data-claim') ?? ''));
}

/** What the content script reports about its own cost (its User Timing mark). */
function extensionStats(page: Page): Promise<{ workMs: number; checks: number; messages: number; segmentsSent: number; badges: number }> {
  return page.evaluate(() => (performance.getEntriesByName('factcheck').at(-1) as PerformanceMark).detail);
}

describe('pages that change after loading', () => {
  test('claims that arrive as the reader scrolls get badges, and earlier text is not sent again', async () => {
    const { page, annotated, errors } = await open('/dynamic/infinite-scroll.html');
    expect(await badgedClaims(page)).toEqual(['French President Emmanuel Macron']);
    const before = await extensionStats(page);

    await page.mouse.wheel(0, 3000);
    await annotated.badge('German Chancellor Olaf Scholz').waitFor({ timeout: 15_000 });
    await expect(annotated.badge('German Chancellor Olaf Scholz').getAttribute('data-verdict')).resolves.toBe('mismatch');
    await page.mouse.wheel(0, 3000);
    await annotated.badge('British Prime Minister Keir Starmer').waitFor({ timeout: 15_000 });

    expect(await badgedClaims(page)).toEqual(['French President Emmanuel Macron', 'German Chancellor Olaf Scholz', 'British Prime Minister Keir Starmer']);
    const after = await extensionStats(page);
    // Two parts arrived with three paragraphs: only those went to the background, never the first ones again.
    expect(after.segmentsSent - before.segmentsSent).toBe(3);
    // The earlier badge still works.
    await annotated.badge('French President Emmanuel Macron').click();
    await annotated.card.waitFor();
    expect(errors).toEqual([]);
  });

  test('a single-page-app navigation reads the new story with its own date', async () => {
    const { page, annotated } = await open('/dynamic/spa.html');
    await expect(annotated.badge('Italian Prime Minister Giorgia Meloni').getAttribute('data-verdict')).resolves.toBe('consistent');

    await page.click('#next');
    await annotated.badge('German Chancellor Olaf Scholz').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/dynamic/stories/energy-talks-2023');
    // In March 2023 Scholz was chancellor: the new story's own date was read, not the first story's.
    await expect(annotated.badge('German Chancellor Olaf Scholz').getAttribute('data-verdict')).resolves.toBe('consistent');
    await expect(annotated.badge('German Chancellor Olaf Scholz').getAttribute('data-page-date')).resolves.toBe('2023-03-02');
    // The first story's badges left with its text.
    expect(await badgedClaims(page)).toEqual(['German Chancellor Olaf Scholz']);
  });

  test('a page rewriting thousands of nodes a second keeps running smoothly, and new claims still get badges', async () => {
    const { page, annotated, errors } = await open('/dynamic/storm.html');
    await annotated.badge('US Secretary of State Marco Rubio').waitFor();
    const start = await page.evaluate(() => ({ t: performance.now(), ticks: (window as unknown as { clockTicks: number }).clockTicks, mutations: (window as unknown as { stormMutations: number }).stormMutations }));
    const statsBefore = await extensionStats(page);

    await page.evaluate(() => (window as unknown as { addStory: (t: string) => void }).addStory('Separately, Italian Prime Minister Giorgia Meloni called for calm.'));
    await annotated.badge('Italian Prime Minister Giorgia Meloni').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(3000);

    const end = await page.evaluate(() => ({ t: performance.now(), ticks: (window as unknown as { clockTicks: number }).clockTicks, mutations: (window as unknown as { stormMutations: number }).stormMutations }));
    const statsAfter = await extensionStats(page);
    const seconds = (end.t - start.t) / 1000;
    // The storm really raged (thousands of nodes a second)…
    expect((end.mutations - start.mutations) / seconds).toBeGreaterThan(1000);
    // …the page's own 50 ms clock kept ticking (a frozen page would show a handful of ticks)…
    expect(end.ticks - start.ticks).toBeGreaterThan(seconds * 20 * 0.25);
    // …and the extension looked again about once a second, using a small share of the main thread.
    expect(statsAfter.checks - statsBefore.checks).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    expect((statsAfter.workMs - statsBefore.workMs) / (end.t - start.t)).toBeLessThan(0.15);
    // Each badge is drawn once, however often the page was re-read.
    expect((await badgedClaims(page)).filter((c) => c === 'US Secretary of State Marco Rubio')).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
