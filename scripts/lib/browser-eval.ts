import { join } from 'node:path';
import type { Verdict } from '../../lib/verify/types';
import { readBadges } from './badges';
import { launchWithExtension } from './chromium';
import type { FoundClaim, LabeledCase } from './scoring';
import { startStaticServer } from './static-server';

/**
 * Serves each case under its own URL path on localhost, loads it in Chromium with the
 * built extension and reads back the badges it drew, with the page date they report.
 */
export async function runInBrowser(dir: string, cases: LabeledCase[]) {
  const routes = Object.fromEntries(cases.map((c) => [new URL(c.url).pathname, join(dir, c.page)]));
  const server = await startStaticServer(dir, routes);
  const browser = await launchWithExtension();
  const results = new Map<string, { claims: FoundClaim[]; pageDate: string | null; visibleText: string }>();
  try {
    const page = await browser.context.newPage();
    for (const c of cases) {
      const u = new URL(c.url);
      await page.goto(server.origin + u.pathname + u.search);
      // The content script draws after the background answers; wait for the count to settle.
      await page.waitForTimeout(300);
      let previous = -1;
      for (let i = 0; i < 20; i++) {
        const n = await page.evaluate(() => document.querySelectorAll('factcheck-badge').length);
        if (n === previous && n > 0) break;
        previous = n;
        await page.waitForTimeout(250);
      }
      const badges = await readBadges(page);
      const visibleText = await page.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('factcheck-badge, factcheck-card, script, style').forEach((e) => e.remove());
        return clone.textContent ?? '';
      });
      results.set(c.page, {
        pageDate: badges[0]?.pageDate || null,
        visibleText,
        claims: badges.map((b) => ({ text: b.claim, person: b.person || null, verdict: b.verdict as Verdict, context: b.claim, offset: 0 })),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
