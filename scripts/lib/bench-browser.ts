/**
 * Chromium for the benchmark: the same flags as scripts/lib/chromium.ts, but the
 * built extension is copied first, so a build running alongside cannot change it mid-run.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { within } from './bench-measure';
import { copyOfExtension, launchWithExtension } from './chromium';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser = await launchWithExtension({ extensionDir: copyOfExtension('factcheck-bench-ext-') });
  return { context: browser.context, extensionId: browser.extensionId, close: browser.close };
}

/**
 * Stops the extension's service worker through the DevTools protocol of one of its
 * own pages (same storage partition), so the next page check starts it cold.
 */
export async function stopExtensionWorker(extPage: Page): Promise<void> {
  const limited = <T>(call: Promise<T>) => within(5000, 'stopping the extension worker', call);
  const cdp = await limited(extPage.context().newCDPSession(extPage));
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ runningStatus: string }> }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await limited(cdp.send('ServiceWorker.enable'));
  await limited(cdp.send('ServiceWorker.stopAllWorkers'));
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 3000))]);
  await limited(cdp.send('ServiceWorker.disable'));
  await limited(cdp.detach());
}
