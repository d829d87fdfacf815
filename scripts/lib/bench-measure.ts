/**
 * Loads one page with the extension and reads what its content script cost, from
 * inside the page: the content script's own User Timing mark (`factcheck`: its
 * main-thread work and when the last badge was drawn), the navigation timing, and
 * a long-task observer installed before the page's first script.
 */
import type { BrowserContext } from 'playwright-core';

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
}

export async function measurePage(context: BrowserContext, url: string, expected: number, timeoutMs = 30_000): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const tasks: Array<[number, number]> = [];
      (globalThis as unknown as { benchLongTasks: Array<[number, number]> }).benchLongTasks = tasks;
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no long-task support: the figure stays 0 and the slices tell
      }
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const deadline = Date.now() + timeoutMs;
    let stats: Stats | null = null;
    // Wait for the content script to report every claim drawn, then for its figures to settle.
    for (let last = ''; Date.now() < deadline; ) {
      await page.waitForTimeout(200);
      stats = await page.evaluate(() => (performance.getEntriesByName('factcheck').at(-1) as PerformanceMark | undefined)?.detail ?? null);
      const key = JSON.stringify(stats);
      if (stats && stats.badges >= expected && key === last) break;
      last = key;
    }
    if (!stats) throw new Error(`the content script reported nothing on ${url}`);
    const { dcl, tasks } = await page.evaluate(() => ({
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
      tasks: (globalThis as unknown as { benchLongTasks: Array<[number, number]> }).benchLongTasks,
    }));
    const ours = tasks.filter(([start, duration]) => start + duration > stats.startedAt && start < stats.lastDrawnAt);
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
      pageLongTasks: before.length === 0 ? 'none' : before.map(([, d]) => `${Math.round(d)} ms`).join(', '),
    };
  } finally {
    await page.close();
  }
}
