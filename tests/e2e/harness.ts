import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_PATH = '/world/2025/08/19/leaders-weigh-security-guarantees';

/** The demo site and a Chromium with the built extension, for one test file. */
export async function openDemo(): Promise<{ browser: ExtensionBrowser; server: StaticServer; url: string; close: () => Promise<void> }> {
  const server = await startStaticServer(join(ROOT, 'tests/e2e/pages'), { [DEMO_PATH]: join(ROOT, 'demo/summit-2025-08-19.html') });
  const browser = await launchWithExtension();
  return {
    browser,
    server,
    url: server.origin + DEMO_PATH,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Page object for the badges and the card, through the public test contract. */
export class AnnotatedPage {
  constructor(readonly page: Page) {}

  badge(claim: string) {
    return this.page.locator(`factcheck-badge button[data-claim="${claim}"]`);
  }

  get card() {
    return this.page.locator('[data-testid="claim-detail"]');
  }

  async waitForBadges(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelectorAll('factcheck-badge').length > 0, undefined, { timeout: 20_000 });
  }
}
