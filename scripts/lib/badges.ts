import type { Page } from 'playwright-core';

export interface DrawnBadge {
  claim: string;
  verdict: string;
  person: string;
  date: string;
  dateSource: string;
  pageDate: string;
}

/** The badges on a page, read through the public test contract (factcheck-badge > shadow > button). */
export async function readBadges(page: Page): Promise<DrawnBadge[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('factcheck-badge')].map((host) => {
      const button = host.shadowRoot?.querySelector('button');
      // No helper functions in here: the page runs this source as is, without the bundler's helpers.
      return {
        claim: button?.getAttribute('data-claim') ?? '',
        verdict: button?.getAttribute('data-verdict') ?? '',
        person: button?.getAttribute('data-person') ?? '',
        date: button?.getAttribute('data-date') ?? '',
        dateSource: button?.getAttribute('data-date-source') ?? '',
        pageDate: button?.getAttribute('data-page-date') ?? '',
      };
    }),
  );
}

/** Waits until at least `min` badges are drawn and their number stops changing. */
export async function waitForBadges(page: Page, min = 1, timeoutMs = 15_000): Promise<DrawnBadge[]> {
  await page.waitForFunction((n) => document.querySelectorAll('factcheck-badge').length >= n, min, { timeout: timeoutMs });
  let last = -1;
  for (;;) {
    const badges = await readBadges(page);
    if (badges.length === last) return badges;
    last = badges.length;
    await page.waitForTimeout(150);
  }
}
