/**
 * Which blocks of a page have been checked already. A page that grows (infinite
 * scroll, live blogs) is read again and again; only blocks not seen before may go
 * to the background, and a block that merely moved keeps its index so the claim
 * ids built from it (`segment:start`, which flags refer to) stay the same.
 *
 * DOM-free: a block is known by an object key (the content script uses its first
 * text node, which stays in place when a badge splits the node after it).
 */

export interface ReadBlock<K extends object> {
  key: K;
  text: string;
  /** What else the check depends on (the block's own date, the page date). */
  context: string;
}

export interface FreshBlock<B, R> {
  block: B;
  /** The index to send or draw this block under: unique on this page. */
  index: number;
  /** The earlier check of the same text in the same context, if any: no need to send it again. */
  cached: R | undefined;
  /** The index this block had before its text changed (its old badges are stale). */
  replaces: number | undefined;
}

export interface Sorted<B, R> {
  /** Blocks checked before, with their indexes. */
  known: Array<{ block: B; index: number }>;
  fresh: Array<FreshBlock<B, R>>;
}

/** Results kept for repeated text; old entries go first. */
const DEFAULT_CACHE_LIMIT = 5000;

export class SegmentLedger<K extends object, R> {
  private byKey = new WeakMap<K, { index: number; text: string; context: string }>();
  private nextIndex = 0;
  private readonly results = new Map<string, R>();

  constructor(private readonly cacheLimit = DEFAULT_CACHE_LIMIT) {}

  /**
   * Sorts a fresh reading of the page into blocks already checked and new ones,
   * giving each new block the next unused index (so, on a first reading, the
   * indexes are simply 0, 1, 2 … in document order).
   */
  sort<B extends ReadBlock<K>>(blocks: Iterable<B>): Sorted<B, R> {
    const sorted: Sorted<B, R> = { known: [], fresh: [] };
    for (const block of blocks) {
      const seen = this.byKey.get(block.key);
      if (seen && seen.text === block.text && seen.context === block.context) {
        sorted.known.push({ block, index: seen.index });
        continue;
      }
      const index = this.nextIndex++;
      this.byKey.set(block.key, { index, text: block.text, context: block.context });
      sorted.fresh.push({ block, index, cached: this.results.get(cacheKey(block)), replaces: seen?.index });
    }
    return sorted;
  }

  /** The check's result for a block's text, for the next time the same text turns up. */
  remember(block: ReadBlock<K>, result: R): void {
    const key = cacheKey(block);
    this.results.delete(key);
    this.results.set(key, result);
    if (this.results.size > this.cacheLimit) this.results.delete(this.results.keys().next().value as string);
  }

  /** Forgets one block, so the next reading sends it again (its check failed). */
  forget(key: K): void {
    this.byKey.delete(key);
  }

  /** A new page (SPA navigation): indexes start again from 0; results for known text are kept. */
  restart(): void {
    this.byKey = new WeakMap();
    this.nextIndex = 0;
  }
}

function cacheKey(block: { text: string; context: string }): string {
  return `${block.context}\u0000${block.text}`;
}
