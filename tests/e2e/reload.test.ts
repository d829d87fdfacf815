import { afterAll, beforeAll, expect, test } from 'vitest';
import { AnnotatedPage, openDemo } from './harness';

let env: Awaited<ReturnType<typeof openDemo>>;

beforeAll(async () => {
  env = await openDemo();
});
afterAll(async () => {
  await env?.close();
});

test('when the extension is reloaded under an open page, the old content script stops quietly', async () => {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(env.url);
  const annotated = new AnnotatedPage(page);
  await annotated.waitForBadges();
  const textBefore = await page.evaluate(() => document.querySelector('article')?.textContent);

  // The extension updates or reloads: this page's content script loses its connection.
  await env.browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload: () => void } } }).chrome.runtime.reload()).catch(() => {
    // the worker itself goes away while answering
  });
  await page.waitForTimeout(1500);
  // The page keeps changing; the old script must not throw into it while it notices.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'German Chancellor Friedrich Merz spoke again.';
    document.querySelector('article')!.append(p);
  });
  await page.waitForTimeout(2000);
  // The stopped script draws nothing more (the new paragraph's claim gets no badge).
  const claims = await page.evaluate(() =>
    [...document.querySelectorAll('factcheck-badge')].map((b) => b.shadowRoot?.querySelector('button')?.getAttribute('data-claim')),
  );
  expect(claims).not.toContain('German Chancellor Friedrich Merz');

  expect(errors).toEqual([]);
  const textAfter = await page.evaluate(() => {
    const article = document.querySelector('article')!.cloneNode(true) as HTMLElement;
    article.querySelectorAll('factcheck-badge').forEach((b) => b.remove());
    article.lastElementChild?.remove();
    return article.textContent;
  });
  expect(textAfter).toBe(textBefore);
});
