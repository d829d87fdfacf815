import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's Chromium, or CHROMIUM_PATH; a clear message when neither is there. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH). Install it with: sudo apt-get install -y chromium',
    );
  }
  return found;
}

/** Flags every headless run here needs: no sandbox as root, and no background network traffic on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A private copy of the build, for long runs while other builds rewrite .output/chrome-mv3. */
export function copyOfExtension(prefix: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), prefix)), 'extension');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  return copy;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

/** Chromium with the built extension loaded; headless unless `headed` and a display exists. */
export async function launchWithExtension(
  options: { headed?: boolean; userDataDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run npm run build`);
  const extension = options.extensionDir ?? EXTENSION_DIR;
  const headless = !(options.headed && process.env.DISPLAY);
  const context = await chromium.launchPersistentContext(options.userDataDir ?? mkdtempSync(join(tmpdir(), 'factcheck-profile-')), {
    executablePath: findChromium(),
    headless,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}
