import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AnnotatedPage, openDemo } from './harness';

let env: Awaited<ReturnType<typeof openDemo>>;

beforeAll(async () => {
  env = await openDemo();
});
afterAll(async () => {
  await env?.close();
});

async function demoPage() {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.url);
  const annotated = new AnnotatedPage(page);
  await annotated.waitForBadges();
  return { page, annotated, errors };
}

/** The text under each of the extension's underlines (CSS highlights), sorted. */
function underlinedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
    const text = (r: AbstractRange) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    };
    return ['factcheck-consistent', 'factcheck-mismatch'].flatMap((name) => [...(registry?.get(name) ?? [])].map(text)).sort();
  });
}

describe('the demo article', () => {
  test('marks the outdated chancellor red and names the real one in the card', async () => {
    const { annotated } = await demoPage();
    const badge = annotated.badge('German Chancellor Olaf Scholz');
    await expect(badge.getAttribute('data-verdict')).resolves.toBe('mismatch');
    await badge.click();
    await annotated.card.waitFor();
    const text = await annotated.card.textContent();
    expect(text).toContain('Friedrich Merz');
    expect(text).toContain('2025-05-06');
  });

  test.each([
    'US Secretary of State Marco Rubio',
    'Ukrainian President Volodymyr Zelenskyy',
    'British Prime Minister Keir Starmer',
    'Italian Prime Minister Giorgia Meloni',
    'then-Chancellor Angela Merkel',
  ])('marks the correct claim "%s" consistent', async (claim) => {
    const { annotated } = await demoPage();
    await expect(annotated.badge(claim).getAttribute('data-verdict')).resolves.toBe('consistent');
  });

  test('underlines exactly the text of each checked claim, several in one paragraph included', async () => {
    const { page } = await demoPage();
    await page.waitForTimeout(300);
    const underlined = await underlinedTexts(page);
    const claims = await page.evaluate(() =>
      [...document.querySelectorAll('factcheck-badge')]
        .map((b) => b.shadowRoot?.querySelector('button'))
        .filter((b) => b && b.getAttribute('data-verdict') !== 'unknown')
        .map((b) => b!.getAttribute('data-claim') ?? ''),
    );
    expect(underlined).toEqual(claims.sort());
    expect(underlined).toContain('French President Emmanuel Macron');
    expect(underlined).toContain('British Prime Minister Keir Starmer');
  });

  test('puts each badge right after its claim and underlines exactly the claim, across markup and several to a text node', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.origin}/placement.html`);
    const before = await page.evaluate(() => document.body.textContent);
    await page.waitForFunction(() => document.querySelectorAll('factcheck-badge').length >= 6, undefined, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll('factcheck-badge')].map((host) => {
        const block = host.closest('p')!;
        const range = document.createRange();
        range.setStart(block, 0);
        range.setEndBefore(host);
        const button = host.shadowRoot!.querySelector('button')!;
        return { block: block.id, claim: button.getAttribute('data-claim')!, verdict: button.getAttribute('data-verdict'), textBefore: range.toString() };
      }),
    );
    expect(placed.map(({ block, claim }) => `${block}: ${claim}`)).toEqual([
      'one-node: German Chancellor Friedrich Merz',
      'one-node: French President Emmanuel Macron',
      'one-node: British Prime Minister Keir Starmer',
      'markup: German Chancellor Friedrich Merz',
      'markup: Italian Prime Minister Giorgia Meloni',
      'adjacent: Italian Prime Minister Giorgia Meloni',
      'adjacent: German Chancellor Olaf Scholz',
    ]);
    for (const { claim, textBefore } of placed) expect(textBefore.endsWith(claim)).toBe(true);
    expect(placed.find((p) => p.claim.endsWith('Scholz'))?.verdict).toBe('mismatch');

    const underlined = await underlinedTexts(page);
    expect(underlined).toEqual(placed.map((p) => p.claim).sort());
    expect(await page.evaluate(() => document.body.textContent)).toBe(before);
  });

  test('leaves university and club titles alone and keeps the page text as it was', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.url);
    const before = await page.evaluate(() => document.body.textContent);
    await new AnnotatedPage(page).waitForBadges();
    const claims = await page.evaluate(() =>
      [...document.querySelectorAll('factcheck-badge')].map((b) => b.shadowRoot?.querySelector('button')?.getAttribute('data-claim')),
    );
    expect(claims.some((c) => /Alder|club|university/i.test(c ?? ''))).toBe(false);
    // The page's own text, with our elements taken out, is unchanged.
    const after = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('factcheck-badge, factcheck-card').forEach((e) => e.remove());
      return clone.textContent;
    });
    expect(after).toBe(before);
  });

  test('opens the card from the keyboard and closes it with Escape, returning focus', async () => {
    const { page, annotated, errors } = await demoPage();
    const badge = annotated.badge('French President Emmanuel Macron');
    await badge.focus();
    await page.keyboard.press('Enter');
    await annotated.card.waitFor();
    expect(await annotated.card.getAttribute('data-verdict')).toBe('consistent');
    await page.keyboard.press('Escape');
    await annotated.card.waitFor({ state: 'detached' });
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-claim'));
    expect(focused).toBe('French President Emmanuel Macron');
    expect(errors).toEqual([]);
  });

  test('a flag survives a reload and undo removes it', async () => {
    const { page, annotated } = await demoPage();
    await annotated.badge('Finnish President Alexander Stubb').click();
    await page.locator('[data-testid="flag-reason"]').selectOption('reference-wrong');
    await page.locator('[data-testid="flag-note"]').fill('testing');
    await page.locator('[data-testid="flag-submit"]').click();
    await page.locator('[data-testid="flag-status"]').waitFor();
    await page.reload();
    await annotated.waitForBadges();
    await expect(annotated.badge('Finnish President Alexander Stubb').getAttribute('data-flagged')).resolves.toBe('true');
    await annotated.badge('Finnish President Alexander Stubb').click();
    await page.locator('[data-testid="undo-flag"]').click();
    await page.locator('[data-testid="flag-submit"]').waitFor();
    await page.reload();
    await annotated.waitForBadges();
    await expect(annotated.badge('Finnish President Alexander Stubb').getAttribute('data-flagged')).resolves.toBe('false');
  });
});

describe('messages', () => {
  test('the background refuses malformed requests and page-only calls from extension pages are typed', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    const answers = await page.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime;
      const send = (m: unknown) => runtime.sendMessage(m);
      return [
        await send({ call: 'nope', request: {} }),
        await send({ call: 'flagClaim', request: { url: 1 } }),
        await send({ call: 'referenceInfo', request: {} }),
      ];
    });
    expect(answers[0]).toMatchObject({ ok: false, error: expect.stringContaining('Unknown call') });
    expect(answers[1]).toMatchObject({ ok: false, error: expect.stringContaining('Malformed flagClaim') });
    expect(answers[2]).toMatchObject({ ok: true, value: { offices: 68 } });
  });
});
