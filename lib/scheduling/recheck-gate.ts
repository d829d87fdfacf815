/**
 * When to look at a changing page again. Pages that load content as the reader
 * scrolls need a new check now and then; a page that rewrites thousands of nodes
 * a second must not turn that into thousands of checks. The gate waits for a
 * quiet moment (but not forever), runs one check at a time, and after each check
 * rests in proportion to what the check cost, which caps the extension's share
 * of the main thread however busy the page is.
 */

export interface RecheckGateOptions {
  /** Run once the page has been still this long (debounce)… */
  quietMs: number;
  /** …or this long after the first change, if it never goes still. */
  maxWaitMs: number;
  /**
   * Largest share of wall time the checks may take (0.05 = 5%): a check that cost
   * `c` ms of main-thread work is followed by at least `c / maxShare` ms before the next starts.
   */
  maxShare: number;
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** One check; resolves with the main-thread milliseconds it used. */
  check: () => Promise<number>;
  /** A check failed; the gate carries on, after `maxWaitMs` (doubled for each failure in a row, up to 64 times). */
  onError?: (error: unknown) => void;
  /**
   * A failed check (the background was restarting, say) is tried again without waiting for the
   * page to change: after `maxWaitMs`, then twice that, and so on, this many times in a row at most.
   */
  retries?: number;
}

export class RecheckGate {
  private firstPokeAt: number | null = null;
  private lastPokeAt = 0;
  private notBefore = 0;
  private timer: unknown = null;
  private timerDue = 0;
  private running = false;
  private stopped = false;
  /** Checks that failed since the last one that worked. */
  private failures = 0;
  /** Checks run so far (for tests and the benchmark). */
  checks = 0;

  constructor(private readonly options: RecheckGateOptions) {}

  /** Something changed. Cheap enough to call from every MutationObserver callback. */
  poke(): void {
    if (this.stopped) return;
    const now = this.options.now();
    this.firstPokeAt ??= now;
    this.lastPokeAt = now;
    if (!this.running) this.arm();
  }

  /** Check as soon as the share cap allows, without waiting for the page to go still. */
  now(): void {
    if (this.stopped) return;
    const now = this.options.now();
    this.firstPokeAt = now - this.options.maxWaitMs;
    this.lastPokeAt = now - this.options.quietMs;
    if (!this.running) this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
  }

  /** When the next check may run, or null when nothing is waiting. */
  private due(): number | null {
    if (this.firstPokeAt === null) return null;
    const settled = Math.min(this.lastPokeAt + this.options.quietMs, this.firstPokeAt + this.options.maxWaitMs);
    return Math.max(settled, this.notBefore);
  }

  /** Keeps at most one timer; a poke that moves the due time later is picked up when the timer fires. */
  private arm(): void {
    const due = this.due();
    if (due === null) return;
    if (this.timer !== null && this.timerDue <= due) return;
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timerDue = due;
    this.timer = this.options.setTimer(() => this.fire(), Math.max(0, due - this.options.now()));
  }

  private fire(): void {
    this.timer = null;
    if (this.stopped || this.running) return;
    const due = this.due();
    if (due === null) return;
    if (this.options.now() < due) {
      this.arm();
      return;
    }
    this.firstPokeAt = null;
    this.running = true;
    this.checks++;
    this.options
      .check()
      .then(
        (costMs) => {
          this.failures = 0;
          this.notBefore = this.options.now() + Math.max(0, costMs) / this.options.maxShare;
        },
        (error: unknown) => {
          this.failures++;
          const now = this.options.now();
          // Backs off while the failures go on (at most 64 times the wait), retried or not.
          this.notBefore = now + this.options.maxWaitMs * 2 ** Math.min(this.failures - 1, 6);
          // Try again as if the page had changed, unless it has failed too often in a row.
          if (this.failures <= (this.options.retries ?? 0)) this.firstPokeAt ??= now - this.options.maxWaitMs;
          this.options.onError?.(error);
        },
      )
      .finally(() => {
        this.running = false;
        if (!this.stopped) this.arm();
      });
  }
}
