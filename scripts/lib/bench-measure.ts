/**
 * Loads one page with the extension and reads what its content script cost, from
 * inside the page: the content script's own User Timing mark (`factcheck`: its
 * main-thread work and when the last badge was drawn), the navigation timing, and
 * a long-task observer installed before the page's first script.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface PageRun {
  badges: number;
  /** Main-thread time the content script reports for its own slices. */
  workMs: number;
  slices: number;
  longestSliceMs: number;
  messages: number;
  /** DOMContentLoaded → last badge drawn. */
  timeToBadgesMs: number;
  /** DOMContentLoaded → first badge drawn. */
  firstBadgeMs: number;
  startedAfterDclMs: number;
  /** Longest long task (≥ 50 ms, the only ones the browser reports) overlapping the content script's work. */
  longestTaskMs: number;
  /**
   * Longest animation frame (≥ 50 ms) while the content script worked, rendering included:
   * unlike a long task it counts the page's relayout after badges are inserted.
   */
  longestFrameMs: number;
  /** The page's own long tasks before the content script started (parsing, first layout). */
  pageLongTasks: string;
}

interface Stats {
  startedAt: number;
  workMs: number;
  slices: number;
  longestSliceMs: number;
  messages: number;
  badges: number;
  firstDrawnAt: number;
  lastDrawnAt: number;
  failures: number;
  lastFailure: string;
}

/** A new tab: a renderer process that has not run the content script before. */
export async function measurePage(context: BrowserContext, url: string, expected: number, timeoutMs = 30_000): Promise<PageRun> {
  const page = await openMeasuredTab(context);
  try {
    return await measureLoad(page, url, expected, timeoutMs);
  } finally {
    await within(10_000, 'closing a tab', page.close());
  }
}

/** A tab whose every page load is observed for long tasks and long animation frames. */
export async function openMeasuredTab(context: BrowserContext): Promise<Page> {
  const page = await within(10_000, 'opening a tab', context.newPage());
  await within(10_000, 'preparing a tab', page.addInitScript(() => {
    // No named functions in here: the page has no bundler helpers to name them with.
    const g = globalThis as unknown as { benchLongTasks: Array<[number, number]>; benchLongFrames: Array<[number, number]> };
    g.benchLongTasks = [];
    g.benchLongFrames = [];
    for (const [type, into] of [['longtask', g.benchLongTasks], ['long-animation-frame', g.benchLongFrames]] as const) {
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) into.push([e.startTime, e.duration]);
        }).observe({ type, buffered: true });
      } catch {
        // not supported here: the figure stays 0 and the slices tell
      }
    }
  }));
  return page;
}

/** Loads `url` in `page` and reads what the content script cost there. */
export async function measureLoad(page: Page, url: string, expected: number, timeoutMs = 30_000): Promise<PageRun> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let stats: Stats | null = null;
  // Wait for the content script to report every claim drawn, then for its figures to settle.
  for (let last = ''; Date.now() < deadline; ) {
    await page.waitForTimeout(200);
    stats = await within(5000, `reading the figures on ${url}`, page.evaluate(() => (performance.getEntriesByName('factcheck').at(-1) as PerformanceMark | undefined)?.detail ?? null));
    const key = JSON.stringify(stats);
    if (stats && stats.badges >= expected && key === last) break;
    last = key;
  }
  if (!stats) throw new Error(`the content script reported nothing on ${url}`);
  // Figures of a page that did not get its badges would be meaningless (and look fast).
  if (stats.badges < expected) {
    const failed = stats.failures > 0 ? ` (${stats.failures} looks failed, the last with: ${stats.lastFailure})` : '';
    throw new Error(`${url}: the content script drew ${stats.badges} of ${expected} badges in ${timeoutMs / 1000} s${failed}`);
  }
  // The frame that lays out the last badges comes just after the last one is drawn.
  await page.waitForTimeout(300);
  const { dcl, tasks, frames } = await within(5000, `reading the timings on ${url}`, page.evaluate(() => ({
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    tasks: (globalThis as unknown as { benchLongTasks: Array<[number, number]> }).benchLongTasks,
    frames: (globalThis as unknown as { benchLongFrames: Array<[number, number]> }).benchLongFrames,
  })));
  const overlapping = (until: number) => ([start, duration]: [number, number]) => start + duration > stats.startedAt && start < until;
  const ours = tasks.filter(overlapping(stats.lastDrawnAt));
  const before = tasks.filter(([start]) => start < stats.startedAt);
  return {
    badges: stats.badges,
    workMs: stats.workMs,
    slices: stats.slices,
    longestSliceMs: stats.longestSliceMs,
    messages: stats.messages,
    timeToBadgesMs: stats.lastDrawnAt - dcl,
    firstBadgeMs: stats.firstDrawnAt - dcl,
    startedAfterDclMs: stats.startedAt - dcl,
    longestTaskMs: Math.max(0, ...ours.map(([, d]) => d)),
    longestFrameMs: Math.max(0, ...frames.filter(overlapping(stats.lastDrawnAt + 100)).map(([, d]) => d)),
    pageLongTasks: before.length === 0 ? 'none' : before.map(([, d]) => `${Math.round(d)} ms`).join(', '),
  };
}

/** A benchmark that waits forever is worse than one that fails: every wait on the browser has a limit. */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the browser in ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
