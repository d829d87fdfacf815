import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readBadges } from '../../scripts/lib/badges';
import { AnnotatedPage, openDemo } from './harness';

/**
 * The reader's side end to end: the card, flags, the popup, the site switch, the options
 * page's export and import, and axe-core over our UI. Screenshots for the README are
 * written to docs/screenshots/ as the tests pass through each state.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'docs/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const SCHOLZ = 'German Chancellor Olaf Scholz';
const MACRON = 'French President Emmanuel Macron';

let env: Awaited<ReturnType<typeof openDemo>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await openDemo();
});
afterAll(async () => {
  await env?.close();
});
// Each test starts with only the browser's first (blank) tab, so "the article's tab" is never ambiguous.
afterEach(async () => {
  for (const page of env.browser.context.pages().slice(1)) await page.close();
});

async function demoPage(url = env.url) {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const annotated = new AnnotatedPage(page);
  await annotated.waitForBadges();
  return { page, annotated, errors };
}

/** The claim of the badge button that has focus, through its shadow root. */
const focusedBadge = (page: Page) => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-claim') ?? null);
const cardCount = (page: Page) => page.evaluate(() => document.querySelectorAll('factcheck-card').length);

/**
 * The popup asks about the active tab of its window; opened as a page of its own it would
 * find itself. So the test finds the article's tab id the way any extension page could
 * (ask each tab's content script which page it shows) and passes it as `?tab=<id>`,
 * an override the popup accepts.
 */
async function openPopupFor(articleUrl: string): Promise<Page> {
  const tabId = await env.browser.worker.evaluate(async (url) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<Array<{ id?: number }>>; sendMessage: (id: number, m: unknown) => Promise<{ url?: string }> } } }).chrome.tabs;
    const found: number[] = [];
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = await tabs.sendMessage(tab.id, { tabCall: 'listClaims', request: {} }).catch(() => null);
      if (answer?.url === url) found.push(tab.id);
    }
    return found;
  }, articleUrl);
  expect(tabId).toHaveLength(1);
  const popup = await env.browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId[0]}`);
  await popup.locator('[data-testid="popup-count-mismatch"]').waitFor();
  return popup;
}

const VERDICTS = ['consistent', 'mismatch', 'unknown'] as const;
async function verdictCounts(page: Page): Promise<Record<(typeof VERDICTS)[number], number>> {
  const counts = { consistent: 0, mismatch: 0, unknown: 0 };
  for (const b of await readBadges(page)) counts[b.verdict as keyof typeof counts] += 1;
  return counts;
}

const AXE_SOURCE = readFileSync(AXE, 'utf8');
async function runAxe(page: Page, include: unknown) {
  // Evaluated over the DevTools protocol, which extension pages' CSP (no inline scripts) does not block.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}
/** axe over a whole extension page. */
const WHOLE_PAGE = { include: [['html']] };
const serious = (violations: Array<{ impact: string | null }>) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('the detail card', () => {
  test('opens by click: the mismatch card says who held the office, with dates, sources and a timeline', async () => {
    const { page, annotated, errors } = await demoPage();
    const paragraph = page.locator('p', { hasText: SCHOLZ });
    await paragraph.screenshot({ path: join(SHOTS, 'badge.png') });

    await annotated.badge(SCHOLZ).click();
    await annotated.card.waitFor();
    expect(await annotated.badge(SCHOLZ).getAttribute('aria-expanded')).toBe('true');
    const card = annotated.card;
    expect(await card.getAttribute('data-verdict')).toBe('mismatch');
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.locator('[data-testid="claim-text"]').textContent()).toBe(SCHOLZ);
    expect(await card.locator('[data-testid="claim-verdict"]').textContent()).toContain('Mismatch');
    expect(await card.locator('[data-testid="claim-holder"]').textContent()).toMatch(/Friedrich Merz \(2025-05-06 – /);
    expect(await card.locator('[data-testid="claim-office"]').textContent()).toMatch(/Chancellor/i);
    expect((await card.locator('[data-testid="claim-jurisdiction"]').textContent())?.trim()).not.toBe('');
    expect(await card.locator('[data-testid="claim-date"]').textContent()).toBe("published 2025-08-19, from the page's metadata");
    const timeline = (await card.locator('[data-testid="claim-timeline"] li').allTextContents()).join('\n');
    // Scholz's own term, the date checked after it, and Merz's term around that date, in order.
    expect(timeline).toMatch(/Olaf Scholz: 2021-12-08 – 2025-05-06[\s\S]*Friedrich Merz: 2025-05-06[\s\S]*2025-08-19: the date checked/);
    const links = await card.locator('a[href^="https://www.wikidata.org/wiki/Q"]').count();
    expect(links).toBeGreaterThanOrEqual(3);
    // Focus moved into the card, to its title.
    expect(await page.evaluate(() => document.querySelector('factcheck-card')?.shadowRoot?.activeElement?.id)).toBe('fc-title');
    await card.screenshot({ path: join(SHOTS, 'card.png') });

    // A click elsewhere on the page closes it (focus goes where the reader clicked).
    await page.mouse.click(5, 850);
    await card.waitFor({ state: 'detached' });
    expect(await annotated.badge(SCHOLZ).getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  });

  test('opens by keyboard (Space), keeps one card at a time, and Escape returns focus', async () => {
    const { page, annotated } = await demoPage();
    await annotated.badge(MACRON).focus();
    await page.keyboard.press('Space');
    await annotated.card.waitFor();
    expect(await annotated.card.getAttribute('data-verdict')).toBe('consistent');
    // Tab moves on inside the card, from its title to the first link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('factcheck-card')?.shadowRoot?.activeElement?.tagName)).toMatch(/^(A|BUTTON)$/);

    await annotated.badge(SCHOLZ).click();
    await page.waitForFunction(() => document.querySelector('factcheck-card')?.shadowRoot?.querySelector('[data-verdict="mismatch"]'));
    expect(await cardCount(page)).toBe(1);
    expect(await annotated.badge(MACRON).getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Escape');
    await annotated.card.waitFor({ state: 'detached' });
    expect(await focusedBadge(page)).toBe(SCHOLZ);
  });

  test('axe-core finds no serious or critical problems in the badges and the open card, light or dark', async () => {
    const { page, annotated } = await demoPage();
    await annotated.badge(SCHOLZ).click();
    await annotated.card.waitFor();
    const scope = { include: [{ fromShadowDom: ['factcheck-card', '.card'] }, ...(await page.locator('factcheck-badge').count() > 0 ? [{ fromShadowDom: ['factcheck-badge', 'button'] }] : [])] };
    const light = await runAxe(page, scope);
    expect(serious(light)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await runAxe(page, scope);
    expect(serious(dark)).toEqual([]);
    await annotated.card.screenshot({ path: join(SHOTS, 'card-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('flags', () => {
  test('flag with a reason → reload → still flagged, listed and exported as Web Annotations → undo → reload → not flagged', async () => {
    const { page, annotated } = await demoPage();
    await annotated.badge(SCHOLZ).click();
    await page.locator('[data-testid="flag-reason"]').selectOption('wrong-person');
    await page.locator('[data-testid="flag-note"]').fill('Merz has led the government since May.');
    await page.locator('[data-testid="flag-submit"]').click();
    await page.locator('[data-testid="flag-status"]').waitFor();
    expect(await page.locator('[data-testid="flag-status"]').textContent()).toContain('Wrong person');
    // Focus stays in the card, on the button that takes the flag back.
    await expect.poll(() => page.evaluate(() => document.querySelector('factcheck-card')?.shadowRoot?.activeElement?.getAttribute('data-testid'))).toBe('undo-flag');

    await page.reload();
    await annotated.waitForBadges();
    const badge = annotated.badge(SCHOLZ);
    expect(await badge.getAttribute('data-flagged')).toBe('true');
    expect(await badge.getAttribute('aria-label')).toContain('flagged as disputed by you');
    expect(await badge.textContent()).toContain('⚑');
    await page.locator('p', { hasText: SCHOLZ }).screenshot({ path: join(SHOTS, 'badge-flagged.png') });

    // The options page lists it and exports it as W3C Web Annotation JSON-LD.
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const row = options.locator('[data-testid="flag-row"]', { hasText: SCHOLZ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Merz has led the government since May.');
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-testid="export-jsonld"]').click()]);
    const file = join(tmpdir(), `flags-${Date.now()}.jsonld`);
    await download.saveAs(file);
    type Annotation = { '@context': string; type: string; motivation: string; body: unknown[]; target: { source: string; selector: { type: string; exact: string; prefix: string; suffix: string } } };
    const annotations = JSON.parse(readFileSync(file, 'utf8')) as Annotation[];
    expect(annotations).toHaveLength(1);
    const a = annotations[0]!;
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.type).toBe('Annotation');
    expect(a.motivation).toBe('assessing');
    expect(a.target.source).toBe(env.url);
    expect(a.target.selector).toMatchObject({ type: 'TextQuoteSelector', exact: SCHOLZ });
    // The quote with its context is the page's own text, so it can be found again.
    const { prefix, exact, suffix } = a.target.selector;
    expect(suffix).toMatch(/^ urged the group/);
    expect(await page.locator('p', { hasText: SCHOLZ }).evaluate((p) => p.textContent)).toContain(prefix + exact + suffix);
    expect(a.body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: 'Merz has led the government since May.' }));

    // Importing the same file again skips the duplicate; a file that is not annotations is refused, nothing written.
    await options.locator('[data-testid="import-jsonld"]').setInputFiles(file);
    await expect.poll(() => options.locator('[data-testid="flags-notice"]').textContent()).toMatch(/Imported 0 flags .*skipped 1 already here/);
    const bad = join(tmpdir(), `not-flags-${Date.now()}.jsonld`);
    writeFileSync(bad, JSON.stringify([{ ...a, id: 'urn:x:1', target: { ...a.target, selector: { type: 'TextQuoteSelector', exact: 'x' } } }, { ...a, motivation: 'bookmarking' }]));
    await options.locator('[data-testid="import-jsonld"]').setInputFiles(bad);
    await expect.poll(() => options.locator('[data-testid="flags-notice"]').getAttribute('data-kind')).toBe('error');
    expect(await options.locator('[data-testid="flags-notice"]').textContent()).toMatch(/Annotation 2: .*"bookmarking".*Nothing was imported/);
    expect(await options.locator('[data-testid="flag-row"]').count()).toBe(1);
    expect(serious(await runAxe(options, WHOLE_PAGE))).toEqual([]);

    // Undo in the card; the options list follows the database live.
    await page.bringToFront();
    await annotated.badge(SCHOLZ).click();
    await page.locator('[data-testid="undo-flag"]').click();
    await page.locator('[data-testid="flag-submit"]').waitFor();
    expect(await annotated.badge(SCHOLZ).getAttribute('data-flagged')).toBe('false');
    await options.locator('[data-testid="flags-empty"]').waitFor();
    await page.reload();
    await annotated.waitForBadges();
    expect(await annotated.badge(SCHOLZ).getAttribute('data-flagged')).toBe('false');
    await options.close();
  });
});

describe('the popup', () => {
  test('counts match the badges on the page, and a claim in it opens its card on the page', async () => {
    const { page } = await demoPage();
    const counts = await verdictCounts(page);
    expect(counts.mismatch + counts.consistent).toBeGreaterThan(0);
    const popup = await openPopupFor(env.url);
    for (const verdict of VERDICTS) {
      expect(Number(await popup.locator(`[data-testid="popup-count-${verdict}"]`).textContent()), verdict).toBe(counts[verdict]);
      expect(await popup.locator(`[data-testid="popup-group-${verdict}"] [data-testid="popup-claim"]`).count()).toBe(counts[verdict]);
    }
    expect(Number(await popup.locator('[data-testid="popup-total"]').textContent())).toBe((await readBadges(page)).length);
    await popup.locator('[data-testid="popup"]').screenshot({ path: join(SHOTS, 'popup.png') });
    expect(serious(await runAxe(popup, WHOLE_PAGE))).toEqual([]);

    await popup.locator('[data-testid="popup-claim"]', { hasText: SCHOLZ }).click();
    await new AnnotatedPage(page).card.waitFor();
    expect(await new AnnotatedPage(page).card.getAttribute('data-verdict')).toBe('mismatch');
    await popup.close();
  });

  test('switching the site off removes the badges; on again draws them back without a reload', async () => {
    const { page } = await demoPage();
    const before = (await readBadges(page)).length;
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const popup = await openPopupFor(env.url);
    const toggle = popup.locator('[data-testid="site-switch"]');
    expect(await toggle.isChecked()).toBe(true);

    await toggle.click();
    await page.waitForFunction(() => document.querySelectorAll('factcheck-badge').length === 0);
    expect(await toggle.isChecked()).toBe(false);
    // Remembered: a page opened now stays unmarked.
    const other = await env.browser.context.newPage();
    await other.goto(env.url);
    await other.waitForTimeout(1500);
    expect(await other.evaluate(() => document.querySelectorAll('factcheck-badge').length)).toBe(0);
    await other.close();

    await toggle.click();
    await page.waitForFunction((n) => document.querySelectorAll('factcheck-badge').length === n, before, { timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    await expect.poll(() => popup.locator('[data-testid="popup-total"]').textContent()).toBe(String(before));
    await popup.close();
  });
});
