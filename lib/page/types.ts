/** Where a page's publication date (or a live-blog entry's date) was read from. */
export type PageDateSource =
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'url'
  | 'byline'
  | 'live-entry';

/** The date a page (or one entry of a live blog) is about. */
export interface PageDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  date: string;
  source: PageDateSource;
  /** The text the date was read from, for the detail card ("2025-08-19T06:00:00Z"). */
  raw: string;
}

export type BlockKind = 'headline' | 'heading' | 'paragraph' | 'caption' | 'list-item' | 'quote';

/** One block of the article's visible text, as sent to the background. */
export interface Segment {
  index: number;
  /** The block's text, exactly the concatenation of its text nodes' data (not trimmed or collapsed). */
  text: string;
  kind: BlockKind;
  /** For a live-blog entry: the entry's own timestamp, which overrides the page date. */
  date?: PageDate;
}

/** A segment plus where each piece of its text lives in the DOM (kept in the content script). */
export interface DomSegment extends Segment {
  /** Text nodes in document order; `start` is the node's offset inside `text`. */
  nodes: Array<{ node: Text; start: number }>;
}
