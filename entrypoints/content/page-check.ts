import { callBackground, type SendMessage } from '../../lib/messaging/client';
import type { Response } from '../../lib/messaging/protocol';
import { findPageDate } from '../../lib/page';
import { findArticleRootInSteps } from '../../lib/page/article-root';
import { readArticleAtInSteps } from '../../lib/page/read-article';
import { pageKey } from '../../lib/page/page-key';
import type { DomSegment, Segment } from '../../lib/page/types';
import { SegmentLedger, type ReadBlock } from '../../lib/scheduling/segment-ledger';
import { runInSlices, runStepsInSlices, WorkMeter, type Steps, type YieldToHost } from '../../lib/scheduling/slices';
import type { CheckedClaim } from '../../lib/verify/types';
import type { Annotator } from './annotator';

/** A slice of drawing: short enough that a click or a scroll is never kept waiting. */
const SLICE_MS = 4;
/** Text in the first message on big pages, so the first badges (near the viewport) come back early… */
const FIRST_BATCH_CHARS = 48_000;
/**
 * …and in each later one. Every batch drawn costs the page a relayout, which on a long page
 * is dearer than the drawing itself (on the 1 MB bench page ~45 ms a frame, however few
 * badges it adds): fewer batches finish sooner, but a frame redrawing too many paragraphs at
 * once grows long (240,000 characters made 230-330 ms frames; 96,000 keeps them near 100 ms).
 */
const BATCH_CHARS = 96_000;
/** Batches in flight: the background checks one while the page draws the other. */
const IN_FLIGHT = 2;
/** How far around the viewport counts as "near", in screen heights. */
const NEAR_SCREENS = 1;

interface Block extends ReadBlock<Text> {
  segment: DomSegment;
}

/** What the content script has cost the page so far; published as a User Timing mark for DevTools and the benchmark. */
export interface CheckStats {
  startedAt: number;
  workMs: number;
  slices: number;
  longestSliceMs: number;
  checks: number;
  messages: number;
  segmentsSent: number;
  badges: number;
  /** performance.now() when the first and the last badge were drawn. */
  firstDrawnAt: number;
  lastDrawnAt: number;
  /** Main-thread milliseconds by step: setup, find, read, date, plan, send, receive, draw. */
  phaseMs: Record<string, number>;
  /** Looks that failed, and why the last one did. */
  failures: number;
  lastFailure: string;
}

function visible(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function') return true;
  // checkVisibility() is false for `display: contents` boxes, whose children are shown all the same.
  return el.checkVisibility({ visibilityProperty: true }) || getComputedStyle(el).display === 'contents';
}

/**
 * One page's checking: reads the article, sends only blocks not checked before,
 * draws their badges in short slices, nearest the viewport first on big pages.
 */
export class PageCheck {
  private ledger = new SegmentLedger<Text, CheckedClaim[]>();
  private url: string | null = null;
  private flagsFor: string | null = null;
  /** False once the background says the reader switched this site off. */
  enabled = true;
  readonly stats: CheckStats;

  constructor(
    private readonly annotator: Annotator,
    private readonly send: SendMessage,
    private readonly now: () => number,
    private readonly yieldToHost: YieldToHost,
    private readonly isValid: () => boolean,
    startedAt: number,
  ) {
    this.stats = { startedAt, workMs: 0, slices: 0, longestSliceMs: 0, checks: 0, messages: 0, segmentsSent: 0, badges: 0, firstDrawnAt: 0, lastDrawnAt: 0, phaseMs: {}, failures: 0, lastFailure: '' };
  }

  /** Counts main-thread work done for this page outside a check (setting up); published with the next look's figures. */
  count(phase: string, ms: number): void {
    const meter = new WorkMeter(this.now);
    meter.add(phase, ms);
    this.record(meter, false);
  }

  /** A look failed (see RecheckGate): counted in the figures, for DevTools and the benchmark. */
  failed(error: unknown): void {
    this.stats.failures++;
    this.stats.lastFailure = error instanceof Error ? error.message : String(error);
    this.publish();
  }

  /** Forget everything drawn; the next run reads the page as new (site switched back on). */
  restart(): void {
    this.url = null;
    this.annotator.clear();
  }

  /** One look at the page. Resolves with the main-thread milliseconds it used. */
  async run(): Promise<number> {
    const meter = new WorkMeter(this.now);
    try {
      if (this.enabled && this.isValid()) await this.check(meter);
    } finally {
      // Underlines once the whole look is drawn: see Annotator.flushUnderlines.
      meter.time('draw', () => this.annotator.flushUnderlines());
      this.record(meter);
    }
    return meter.workMs;
  }

  private async check(meter: WorkMeter): Promise<void> {
    this.stats.checks++;
    const url = pageKey(location.href);
    // readPage's three passes; the two that walk the whole page do it in slices.
    const found = await this.sliced(meter, 'find', () => findArticleRootInSteps(document, visible), null);
    const segments = found ? await this.sliced(meter, 'read', () => readArticleAtInSteps(found, { isVisible: visible }), []) : [];
    const pageDate = await this.step(meter, 'date', () => findPageDate(document, location.href, { article: found, segments }), null);
    const { blocks, toDraw, toSend } = meter.time('plan', () => {
      if (url !== this.url) {
        // A new page (first run or SPA navigation): indexes start from 0 again, as on a fresh load.
        this.url = url;
        this.flagsFor = null;
        this.ledger.restart();
        this.annotator.clear();
      }
      const reading = { segments, pageDate };
      this.annotator.article = reading.segments.length > 0;
      this.annotator.pageDate = reading.pageDate;
      const context = reading.pageDate?.date ?? '';
      const blocks: Block[] = reading.segments.map((segment) => ({
        key: segment.nodes[0]!.node,
        text: segment.text,
        context: `${segment.date?.date ?? ''}|${context}`,
        segment,
      }));
      const sorted = this.ledger.sort(blocks);
      const stale = new Set<number>();
      for (const f of sorted.fresh) if (f.replaces !== undefined) stale.add(f.replaces);
      this.annotator.prune(stale);
      const toDraw: Array<{ segment: DomSegment; claims: CheckedClaim[] }> = [];
      const toSend: Array<{ block: Block; segment: DomSegment }> = [];
      for (const f of sorted.fresh) {
        const segment: DomSegment = { ...f.block.segment, index: f.index };
        if (f.cached) toDraw.push({ segment, claims: f.cached.map((c) => ({ ...c, segment: f.index, id: `${f.index}:${c.start}` })) });
        else toSend.push({ block: f.block, segment });
      }
      return { blocks, toDraw, toSend };
    });
    if (blocks.length === 0) return;
    await this.draw(toDraw, meter);
    if (toSend.length === 0 && this.flagsFor === url) return;

    const batches = meter.time('plan', () => batchesOf(toSend));
    let next = 0;
    const worker = async () => {
      while (next < batches.length && this.enabled && this.isValid()) {
        const batch = batches[next++]!;
        let answer: Response<'checkPage'>;
        try {
          const request = { url: location.href, segments: batch.map(({ segment }) => strip(segment)), pageDate };
          this.stats.messages++;
          this.stats.segmentsSent += batch.length;
          answer = await meter.time('send', () => callBackground(this.send, 'checkPage', request));
        } catch (error) {
          // Not checked after all: the next look at the page sends these again.
          for (const { block } of batch) this.ledger.forget(block.key);
          throw error;
        }
        if (!this.isValid() || pageKey(location.href) !== url) return;
        const drawn = meter.time('receive', () => {
          if (!answer.enabled) {
            this.enabled = false;
            this.annotator.clear();
            return [];
          }
          this.flagsFor = url;
          this.annotator.setFlags(answer.flags);
          const bySegment = new Map<number, CheckedClaim[]>();
          for (const claim of answer.claims) {
            const list = bySegment.get(claim.segment);
            if (list) list.push(claim);
            else bySegment.set(claim.segment, [claim]);
          }
          return batch.map(({ block, segment }) => {
            const claims = bySegment.get(segment.index) ?? [];
            this.ledger.remember(block, claims);
            return { segment, claims };
          });
        });
        await this.draw(drawn, meter);
      }
    };
    const workers = Array.from({ length: Math.min(IN_FLIGHT, Math.max(1, batches.length)) }, worker);
    await Promise.all(workers);
  }

  /**
   * Stepwise work in slices, then a yield; an odd page gives empty results rather than an error.
   * Should the page change between slices, the walk reads what is there then, and the change
   * brings another look.
   */
  private async sliced<T>(meter: WorkMeter, phase: string, steps: () => Steps<T>, fallback: T): Promise<T> {
    let result = fallback;
    try {
      result = await runStepsInSlices(steps(), { now: this.now, yieldToHost: this.yieldToHost, budgetMs: SLICE_MS, onSlice: (ms) => meter.add(phase, ms) });
    } catch {
      // As readPage does: a page we cannot make sense of has no article text.
    }
    await this.yieldToHost();
    return result;
  }

  /** One synchronous step, then a yield; an odd page gives empty results rather than an error. */
  private async step<T>(meter: WorkMeter, phase: string, run: () => T, fallback: T): Promise<T> {
    let result = fallback;
    try {
      result = meter.time(phase, run);
    } catch {
      // As readPage does: a page we cannot make sense of has no article text.
    }
    await this.yieldToHost();
    return result;
  }

  /** Draws in slices, a segment at a time. */
  private async draw(items: Array<{ segment: DomSegment; claims: CheckedClaim[] }>, meter: WorkMeter): Promise<void> {
    const jobs = items.filter((item) => item.claims.length > 0);
    if (jobs.length === 0) return;
    const url = this.url;
    const first = () => {
      if (this.stats.firstDrawnAt === 0 && this.annotator.size > 0) this.stats.firstDrawnAt = this.now();
    };
    await runInSlices(
      jobs,
      ({ segment, claims }) => {
        if (this.url === url && this.enabled) this.annotator.drawSegment(segment, claims);
      },
      { now: this.now, yieldToHost: this.yieldToHost, budgetMs: SLICE_MS, onSlice: (ms) => (meter.add('draw', ms), first()) },
    );
    this.stats.lastDrawnAt = this.now();
  }

  private record(meter: WorkMeter, publish = true): void {
    const s = this.stats;
    s.workMs += meter.workMs;
    s.slices += meter.slices;
    s.longestSliceMs = Math.max(s.longestSliceMs, meter.longestSliceMs);
    s.badges = this.annotator.size;
    for (const [phase, ms] of Object.entries(meter.phaseMs)) s.phaseMs[phase] = (s.phaseMs[phase] ?? 0) + ms;
    if (publish) this.publish();
  }

  private publish(): void {
    const s = this.stats;
    try {
      // One mark, replaced after every check: visible in DevTools, and bounded on pages that never stop changing.
      performance.clearMarks('factcheck');
      performance.mark('factcheck', { detail: { ...s, phaseMs: { ...s.phaseMs } } });
    } catch {
      // Performance marks are a diagnostic only.
    }
  }
}

/** Segments as the protocol carries them: no DOM nodes. */
function strip({ nodes: _nodes, ...segment }: DomSegment): Segment {
  return segment;
}

/**
 * Messages of at most FIRST_BATCH_CHARS, then BATCH_CHARS of text. A page with more text than one message
 * sends the blocks on and near the screen first, then the rest below, then above.
 */
function batchesOf<T extends { segment: DomSegment }>(items: T[]): T[][] {
  let total = 0;
  for (const item of items) total += item.segment.text.length;
  let ordered = items;
  if (total > FIRST_BATCH_CHARS) {
    const [from, to] = nearViewport(items.map((i) => i.segment));
    ordered = [...items.slice(from, to), ...items.slice(to), ...items.slice(0, from)];
  }
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of ordered) {
    if (current.length > 0 && size + item.segment.text.length > (batches.length === 0 ? FIRST_BATCH_CHARS : BATCH_CHARS)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.segment.text.length;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}

/**
 * The run of segments on or near the screen, by binary search over their (document
 * order, so vertical order) positions: a couple of dozen layout reads, not thousands.
 */
function nearViewport(segments: DomSegment[]): [number, number] {
  const margin = innerHeight * NEAR_SCREENS;
  const rect = (i: number) => segments[i]!.nodes[0]!.node.parentElement?.getBoundingClientRect();
  const firstWith = (test: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rect(mid);
      if (r && test(r)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstWith((r) => r.bottom >= -margin);
  const to = firstWith((r) => r.top > innerHeight + margin);
  return to > from ? [from, to] : [0, segments.length];
}
