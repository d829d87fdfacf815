/**
 * Loads hostile pages in one Chromium (a few tabs at a time) and records, per page, what
 * the issue asks for: uncaught errors from our code, errors in the page's console, page
 * text that changed, badges that should have appeared and did not, badges inside editors,
 * form fields or hidden text, and crashes.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, copyOfExtension, EXTENSION_DIR, findChromium } from '../chromium';
import { readerText } from './claims';
import type { HostilePage, Origins, Route } from './kinds';
import { PROBE_SOURCE, type ProbeReport } from './probe';
import { startHostileServer } from './server';

export interface PageOutcome {
  id: number;
  kind: string;
  variant: string;
  /** Exceptions thrown by our content script or service worker and not caught. */
  uncaughtErrors: string[];
  /** Errors that showed up in the page's console (page scripts never throw on their own). */
  pageErrors: string[];
  /** One entry per frame whose text outside our elements changed. */
  textChanged: string[];
  expected: number;
  missing: string[];
  bonusTotal: number;
  bonusFound: number;
  /** Badges drawn inside an editor, a form field or hidden text. */
  inZones: string[];
  badges: number;
  /** Times the page removed one of our badges (pages that fight us). */
  removals: number;
  /** Whether clicking the first badge opened our card; null when there was no badge. */
  cardOpened: boolean | null;
  crash: string | null;
  /** Problems of the harness itself (not counted against the extension). */
  harness: string[];
  ms: number;
}

export interface RunOptions {
  /** Load the built extension (false: a baseline run of the same pages without it). */
  extension: boolean;
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Fuzzer {
  origins: Origins;
  /** The browser, for checks beyond the page loop. */
  context: BrowserContext;
  /** The extension's id ('' without the extension). */
  extensionId: string;
  /** Serves a document on the main origin until `close`. */
  serve(path: string, route: Route): void;
  run(pages: Iterable<HostilePage>, total: number): Promise<PageOutcome[]>;
  close(): Promise<void>;
}

const OUR_CODE = /chrome-extension:\/\/|moz-extension:\/\//;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/**
 * Evaluates in the top document's main world through the DevTools protocol: the value
 * comes back by V8's own serializer, so pages that replaced JSON, Array or Promise
 * methods cannot break the measurement (page.evaluate runs page-visible helpers).
 */
async function inPage<T>(cdp: CDPSession, expression: string, what: string): Promise<T> {
  const answer = await withTimeout(cdp.send('Runtime.evaluate', { expression, returnByValue: true }), 10_000, `${what} (page unresponsive)`);
  if (answer.exceptionDetails) throw new Error(`${what}: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
  return answer.result.value as T;
}

/**
 * Console messages the harness itself causes: Playwright's init scripts are refused in
 * sandboxed documents. Seen in the baseline run without the extension too.
 */
const HARNESS_NOISE = /^Blocked script execution in '.*' because the document's frame is sandboxed/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts of each claim as a reader reads it. */
function tally(claims: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(readerText(c), (counts.get(readerText(c)) ?? 0) + 1);
  return counts;
}

/** The build is complete when its manifest and every script it names exist (another build may be half-way). */
async function waitForCompleteBuild(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const manifestPath = join(EXTENSION_DIR, 'manifest.json');
    if (existsSync(manifestPath)) {
      try {
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { background?: { service_worker?: string }; content_scripts?: Array<{ js?: string[] }> };
        const files = [manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])].filter((f): f is string => !!f);
        if (files.every((f) => existsSync(join(EXTENSION_DIR, f)))) return;
      } catch {
        // Half-written manifest: try again.
      }
    }
    if (attempt >= 120) throw new Error(`No complete build in ${EXTENSION_DIR}: run npm run build`);
    await sleep(500);
  }
}

/**
 * Chromium as `launchWithExtension` starts it, but loading a private copy of the build:
 * other builds rewrite .output/chrome-mv3 while a long run is under way.
 */
async function launch(withExtension: boolean): Promise<BrowserContext> {
  const args = [...CHROMIUM_ARGS];
  if (withExtension) {
    await waitForCompleteBuild();
    const copy = copyOfExtension('factcheck-fuzz-ext-');
    args.unshift(`--disable-extensions-except=${copy}`, `--load-extension=${copy}`);
  }
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'factcheck-fuzz-')), {
    executablePath: findChromium(),
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
}

/** Errors in the service worker: its own `error`/`unhandledrejection` events, kept until read. */
const WORKER_HOOK = `(() => {
  if (self.__fuzzErrors) return true;
  self.__fuzzErrors = [];
  self.addEventListener('error', (e) => { self.__fuzzErrors.push('worker: ' + e.message + ' at ' + e.filename + ':' + e.lineno); });
  self.addEventListener('unhandledrejection', (e) => { const r = e.reason; self.__fuzzErrors.push('worker: unhandled rejection: ' + (r && r.stack ? r.stack : String(r))); });
  return true;
})()`;

export async function startFuzzer(options: RunOptions): Promise<Fuzzer> {
  const main = await startHostileServer();
  const other = await startHostileServer();
  const origins: Origins = { main: main.origin, other: other.origin, otherSite: `http://localhost:${other.port}` };
  const context = await launch(options.extension);
  await context.addInitScript({ content: PROBE_SOURCE });
  const firstWorker = options.extension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))) : null;

  const workerErrors: string[] = [];
  const workerLogged: string[] = [];
  const hooked = new WeakSet<Worker>();
  const hook = async (worker: Worker) => {
    if (hooked.has(worker)) return;
    hooked.add(worker);
    worker.on('console', (msg) => {
      if (msg.type() === 'error') workerLogged.push(`worker console.error: ${msg.text()}`);
    });
    await worker.evaluate(WORKER_HOOK).catch(() => undefined);
  };
  if (firstWorker) await hook(firstWorker);
  // A service worker that stopped and started again is a new worker: hook it too.
  context.on('serviceworker', (w) => void hook(w));
  const drainWorker = async (): Promise<string[]> => {
    const found = [...workerErrors.splice(0), ...workerLogged.splice(0)];
    for (const w of context.serviceWorkers()) {
      await hook(w);
      const errors = await withTimeout(w.evaluate('self.__fuzzErrors ? self.__fuzzErrors.splice(0) : []') as Promise<string[]>, 3000, 'worker errors').catch(() => []);
      found.push(...errors);
    }
    return found;
  };

  async function one(page: HostilePage): Promise<PageOutcome> {
    const started = Date.now();
    const outcome: PageOutcome = {
      id: page.id,
      kind: page.kind,
      variant: page.variant,
      uncaughtErrors: [],
      pageErrors: [],
      textChanged: [],
      expected: page.expected.length,
      missing: [],
      bonusTotal: page.bonus.length,
      bonusFound: 0,
      inZones: [],
      badges: 0,
      removals: 0,
      cardOpened: null,
      crash: null,
      harness: [],
      ms: 0,
    };
    main.routes.set(page.path, page.route);
    for (const e of page.extra) (e.server === 'main' ? main : other).routes.set(e.path, e.route);

    let tab: Page | null = null;
    try {
      tab = await context.newPage();
      tab.on('pageerror', (error) => {
        const text = `${error.name}: ${error.message}\n${error.stack ?? ''}`.trim();
        (OUR_CODE.test(text) ? outcome.uncaughtErrors : outcome.pageErrors).push(text.slice(0, 600));
      });
      tab.on('console', (msg) => {
        if (msg.type() !== 'error' || HARNESS_NOISE.test(msg.text())) return;
        const from = msg.location().url;
        outcome.pageErrors.push(`${OUR_CODE.test(from) ? 'ours' : 'page'} console.error: ${msg.text().slice(0, 400)} (${from})`);
      });
      tab.on('crash', () => {
        outcome.crash = 'renderer crashed';
      });

      const cdp = await context.newCDPSession(tab);
      const t0 = Date.now();
      try {
        await tab.goto(main.origin + page.path, { waitUntil: 'load', timeout: 20_000 });
      } catch (error) {
        // Slow under load is not hung: only a page that no longer answers counts as a hang.
        const answers = await inPage<number>(cdp, '1 + 1', 'responsive').catch(() => 0);
        if (answers !== 2) throw new Error(`hang: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        outcome.harness.push('slow: the load event took over 20 s, but the page still answers');
      }
      const t1 = Date.now();
      await settle(cdp, page, outcome, options.extension);
      const t2 = Date.now();
      await interact(tab, cdp, outcome);
      const t3 = Date.now();
      await measure(tab, cdp, page, outcome);
      if (process.env.FUZZ_TIMING) console.error(`#${page.id} ${page.kind} open ${t0 - started} load ${t1 - t0} settle ${t2 - t1} interact ${t3 - t2} measure ${Date.now() - t3}`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      if (outcome.crash || /crash|Target closed|unresponsive|^hang/i.test(message)) outcome.crash ??= message;
      else outcome.harness.push(message);
    } finally {
      await tab?.close().catch(() => undefined);
      main.routes.delete(page.path);
      for (const e of page.extra) (e.server === 'main' ? main : other).routes.delete(e.path);
    }
    outcome.uncaughtErrors.push(...(await drainWorker()));
    outcome.ms = Date.now() - started;
    return outcome;
  }

  return {
    origins,
    context,
    extensionId: firstWorker ? new URL(firstWorker.url()).host : '',
    serve: (path, route) => main.routes.set(path, route),
    async run(pages, total) {
      const outcomes: PageOutcome[] = [];
      const iterator = pages[Symbol.iterator]();
      let done = 0;
      const lane = async () => {
        for (let next = iterator.next(); !next.done; next = iterator.next()) {
          outcomes.push(await one(next.value));
          options.onProgress?.(++done, total);
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, lane));
      return outcomes.sort((a, b) => a.id - b.id);
    },
    async close() {
      await context.close().catch(() => undefined);
      await main.close();
      await other.close();
    },
  };
}

const STATUS = 'window.__fuzz ? window.__fuzz.status() : null';

/**
 * Waits until every expected badge is there (or a deadline passes), a page that acts on
 * our badges says it is done, and the number of badges has stopped changing.
 */
async function settle(cdp: CDPSession, page: HostilePage, outcome: PageOutcome, extension: boolean): Promise<void> {
  const started = Date.now();
  const expected = tally(page.expected);
  // Without the extension no badge will come: wait only as long as a page script needs.
  const deadline = started + (!extension ? (page.scripted ? 4500 : 0) : page.expected.length || page.scripted ? 7000 : 2500);
  const minimum = page.expected.length ? 300 : 900;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const status = await inPage<{ claims: string[]; done: boolean } | null>(cdp, STATUS, 'status');
    const claims = status?.claims ?? [];
    outcome.badges = claims.length;
    const found = tally(claims);
    const complete = [...expected].every(([claim, n]) => (found.get(claim) ?? 0) >= n);
    if (claims.length !== last) {
      last = claims.length;
      stableSince = Date.now();
    }
    const now = Date.now();
    const quiet = now - stableSince >= 300;
    const finished = !page.scripted || status?.done === true;
    const ready = complete && finished && quiet && now - started >= minimum;
    // Some badges drawn, then nothing more for a while: the extension has given what it will.
    const gaveUp = claims.length > 0 && finished && now - stableSince >= 1500;
    if (gaveUp) break;
    if (ready || now > deadline || !status) break;
    await sleep(120);
  }
}

/** Opens the card of the first badge and closes it with Escape, as a reader would. */
async function interact(tab: Page, cdp: CDPSession, outcome: PageOutcome): Promise<void> {
  if (outcome.badges === 0 || outcome.crash) return;
  if (!(await inPage<boolean>(cdp, 'window.__fuzz.clickFirstBadge()', 'click'))) return;
  await sleep(120);
  outcome.cardOpened = (await inPage<number>(cdp, 'window.__fuzz.cards()', 'cards')) > 0;
  await tab.keyboard.press('Escape');
  await sleep(100);
}

async function measure(tab: Page, cdp: CDPSession, page: HostilePage, outcome: PageOutcome): Promise<void> {
  // Expected claims are in the top document; badges in frames only count towards the bonus.
  const inMain = new Map<string, number>();
  const inFrames = new Map<string, number>();
  let mainReport: ProbeReport | null = null;
  let badges = 0;
  for (const frame of tab.frames()) {
    const isMain = frame === tab.mainFrame();
    const expression = 'window.__fuzz ? window.__fuzz.report() : null';
    const report = await (isMain ? inPage<ProbeReport | null>(cdp, expression, 'report') : (withTimeout(frame.evaluate(expression), 10_000, 'frame report') as Promise<ProbeReport | null>)).catch(
      (e: Error) => {
        outcome.harness.push(`frame ${frame.url()}: ${e.message.split('\n')[0]}`);
        return null;
      },
    );
    if (!report) continue;
    if (isMain) mainReport = report;
    if (!report.textSame) outcome.textChanged.push(`${isMain ? 'page' : frame.url()}: ${report.diff}`);
    const counts = isMain ? inMain : inFrames;
    for (const b of report.badges) {
      const claim = readerText(b.claim);
      counts.set(claim, (counts.get(claim) ?? 0) + 1);
      if (b.zone) outcome.inZones.push(`${b.zone}: ${b.claim}`);
    }
    badges += report.badges.length;
    outcome.removals += report.removals;
  }
  outcome.badges = badges;
  if (!mainReport) outcome.harness.push('no probe in the main frame');
  for (const [claim, n] of tally(page.expected)) {
    const got = inMain.get(claim) ?? 0;
    for (let i = got; i < n; i++) outcome.missing.push(claim);
    inMain.set(claim, Math.max(0, got - n));
  }
  for (const [claim, n] of tally(page.bonus)) outcome.bonusFound += Math.min(n, (inMain.get(claim) ?? 0) + (inFrames.get(claim) ?? 0));
}
