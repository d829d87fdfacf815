/**
 * npm start: builds the extension, serves the demo article on localhost and opens it
 * in Chromium with the extension loaded. Without a display it runs headless, prints
 * the claims it drew with their verdicts and saves a screenshot.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBadges, waitForBadges } from './lib/badges';
import { findChromium, launchWithExtension } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO_PATH = '/world/2025/08/19/leaders-weigh-security-guarantees';

async function main(): Promise<number> {
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  execSync('npm run -s build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startStaticServer(join(ROOT, 'demo'), { [DEMO_PATH]: join(ROOT, 'demo/summit-2025-08-19.html') });
  const headed = Boolean(process.env.DISPLAY);
  const browser = await launchWithExtension({ headed });
  try {
    const page = await browser.context.newPage();
    const url = server.origin + DEMO_PATH;
    await page.goto(url);
    await waitForBadges(page);
    console.log(`\nClaims on ${url}:`);
    for (const badge of await readBadges(page)) console.log(`  ${badge.verdict.padEnd(10)}  ${badge.claim}`);
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    const shot = join(ROOT, 'artifacts/demo.png');
    const mismatch = page.locator('factcheck-badge').filter({ has: page.locator('button[data-verdict="mismatch"]') }).first();
    await mismatch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
    console.log(`\nScreenshot: ${shot}`);
    if (headed) {
      console.log('Chromium is open with the extension loaded; close the window to finish.');
      await new Promise((resolve) => browser.context.on('close', resolve));
    }
    return 0;
  } finally {
    if (!headed) await browser.close();
    await server.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
