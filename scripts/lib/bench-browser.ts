/**
 * Chromium for the benchmark: the same flags as scripts/lib/chromium.ts, but the
 * built extension is copied first, so a build running alongside cannot change it mid-run.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, findChromium } from './chromium';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const ext = mkdtempSync(join(tmpdir(), 'factcheck-bench-ext-'));
  cpSync(EXTENSION_DIR, ext, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'factcheck-bench-profile-')), {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, extensionId: new URL(worker.url()).host, close: () => context.close() };
}

/**
 * Stops the extension's service worker through the DevTools protocol of one of its
 * own pages (same storage partition), so the next page check starts it cold.
 */
export async function stopExtensionWorker(extPage: Page): Promise<void> {
  const cdp = await extPage.context().newCDPSession(extPage);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ runningStatus: string }> }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 3000))]);
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}
