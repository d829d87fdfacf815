/**
 * Main-thread work in small slices. A content script shares the page's only
 * thread: any task longer than a few milliseconds delays the reader's clicks and
 * scrolling, so long jobs are cut into slices with a yield to the browser between them.
 * Nothing here touches the DOM or a timer: the caller hands in the clock and the yield.
 */

/** Hands the thread back to the browser and resumes later (scheduler.yield, a MessageChannel, setTimeout). */
export type YieldToHost = () => Promise<void>;

export interface SliceOptions {
  /** Milliseconds, monotonic (performance.now). */
  now: () => number;
  yieldToHost: YieldToHost;
  /** Work this long, then yield. One item always runs, however long it takes. */
  budgetMs: number;
  /** Stops between items (the page navigated, the extension was reloaded). */
  signal?: AbortSignal;
  /** Told the length of every finished slice, for the work meter. */
  onSlice?: (ms: number) => void;
}

export interface SliceReport {
  /** Items processed. */
  done: number;
  slices: number;
  /** Main-thread milliseconds spent inside `work`, yields excluded. */
  workMs: number;
  longestSliceMs: number;
  aborted: boolean;
}

/** Runs `work` on each item, yielding whenever a slice has used up its budget. */
export async function runInSlices<T>(items: Iterable<T>, work: (item: T) => void, options: SliceOptions): Promise<SliceReport> {
  const report: SliceReport = { done: 0, slices: 0, workMs: 0, longestSliceMs: 0, aborted: false };
  let sliceStart = options.now();
  let inSlice = 0;
  const close = (end: number) => {
    const ms = end - sliceStart;
    report.slices++;
    report.workMs += ms;
    report.longestSliceMs = Math.max(report.longestSliceMs, ms);
    options.onSlice?.(ms);
    inSlice = 0;
  };
  for (const item of items) {
    if (options.signal?.aborted) {
      report.aborted = true;
      break;
    }
    if (inSlice === 0) sliceStart = options.now();
    work(item);
    report.done++;
    inSlice++;
    const end = options.now();
    if (end - sliceStart >= options.budgetMs) {
      close(end);
      await options.yieldToHost();
    }
  }
  if (inSlice > 0) close(options.now());
  return report;
}

/**
 * A long synchronous job written as a generator that yields now and then (every few
 * hundred DOM nodes): `finish` runs it to the end at once, `runStepsInSlices` a slice at a time.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs stepwise work to the end in one go (Node, tests, small jobs). */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs stepwise work in slices of about `budgetMs`, yielding to the host between them. */
export async function runStepsInSlices<T>(steps: Steps<T>, options: Omit<SliceOptions, 'signal'>): Promise<T> {
  for (;;) {
    const start = options.now();
    let next = steps.next();
    while (!next.done && options.now() - start < options.budgetMs) next = steps.next();
    options.onSlice?.(options.now() - start);
    if (next.done) return next.value;
    await options.yieldToHost();
  }
}

/**
 * Adds up the main-thread time of a job that runs in several pieces (synchronous
 * steps and sliced loops), so the extension can report what it cost the page.
 */
export class WorkMeter {
  workMs = 0;
  slices = 0;
  longestSliceMs = 0;
  /** Milliseconds by the phase named when timing (where the time goes). */
  readonly phaseMs: Record<string, number> = {};

  constructor(private readonly now: () => number) {}

  /** Runs a synchronous step of `phase` and counts it as one slice. */
  time<T>(phase: string, step: () => T): T {
    const start = this.now();
    try {
      return step();
    } finally {
      this.add(phase, this.now() - start);
    }
  }

  add(phase: string, ms: number): void {
    this.workMs += ms;
    this.slices++;
    this.longestSliceMs = Math.max(this.longestSliceMs, ms);
    this.phaseMs[phase] = (this.phaseMs[phase] ?? 0) + ms;
  }
}
