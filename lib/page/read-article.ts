/**
 * Reads a news page's article text as blocks, keeping for each block the text
 * nodes it came from so badges can later be placed next to a claim.
 */
import { type ArticleRoot, BLOCK_TAGS, findArticleRoot } from './article-root.ts';
import { boilerplateKind, isHardExcluded, isHidden, isWithin, localName, walkInSteps } from './dom-rules.ts';
import { finish, type Steps } from '../scheduling/slices.ts';
import { findEntryDates } from './live-entries.ts';
import { parentElementOf } from './safe-dom.ts';
import type { BlockKind, DomSegment, PageDate } from './types.ts';

export interface ReadArticleOptions {
  /**
   * Extra visibility test; the content script passes one built on
   * `Element.checkVisibility()`. Node has no layout, so tests rely on markup only.
   */
  isVisible?: (el: Element) => boolean;
}

/**
 * The article's blocks in document order: headline first, then headings,
 * paragraphs, list items, quotes and captions from the article root. Never throws:
 * a page we cannot make sense of simply has no article text.
 */
export function readArticle(doc: Document, options: ReadArticleOptions = {}): DomSegment[] {
  try {
    return read(doc, options);
  } catch {
    // Odd documents (XML, half-built DOMs) must not break the content script.
    return [];
  }
}

function read(doc: Document, options: ReadArticleOptions): DomSegment[] {
  const found = findArticleRoot(doc, options.isVisible);
  return found ? readArticleAt(found, options) : [];
}

/** {@link readArticle} for an article root already found (shared with the page-date search). */
export function readArticleAt(found: ArticleRoot, options: ReadArticleOptions = {}): DomSegment[] {
  return finish(readArticleAtInSteps(found, options));
}

/** {@link readArticleAt} as stepwise work, for reading a huge page in slices. */
export function* readArticleAtInSteps(found: ArticleRoot, options: ReadArticleOptions = {}): Steps<DomSegment[]> {
  const { root, headline, textLength } = found;

  const reader = new BlockReader(headline, textLength.get(root) ?? 0, textLength, options.isVisible);
  const segments: DomSegment[] = [];
  if (headline && !isWithin(headline, root) && !isWithin(root, headline)) {
    yield* reader.read(headline, findEntryDates(headline), segments);
  }
  yield* reader.read(root, findEntryDates(root), segments);

  const kept = segments.filter((s) => s.text.trim().length > 0);
  kept.forEach((s, i) => (s.index = i));
  return kept;
}

interface BlockFrame {
  el: Element;
  kind: BlockKind;
  /** The segment collecting this block's current run of text, until a child block interrupts it. */
  run: DomSegment | null;
}

/** Kinds that every block nested inside takes over ("<blockquote><p>" is a quote). */
const DOMINANT_KINDS: ReadonlySet<BlockKind> = new Set(['headline', 'quote']);

class BlockReader {
  /** The headline and its ancestors: never skipped as a banner or boilerplate box. */
  private readonly headlinePath = new Set<Element>();

  constructor(
    private readonly headline: Element | null,
    private readonly rootLength: number,
    private readonly textLength: Map<Element, number>,
    private readonly isVisible?: (el: Element) => boolean,
  ) {
    for (let el = headline; el && !this.headlinePath.has(el); el = parentElementOf(el)) this.headlinePath.add(el);
  }

  /**
   * Appends the blocks under `top` (itself included) to `out`. Each text node
   * belongs to its innermost block; a block's text before and after a nested
   * block are separate segments, so no text is read twice or joined across blocks.
   */
  *read(top: Element, entryDates: Map<Element, PageDate>, out: DomSegment[]): Steps<void> {
    const frames: BlockFrame[] = [{ el: top, kind: this.kindOf(top, null), run: null }];
    const entries: Array<{ el: Element; date: PageDate }> = [];
    const topEntry = entryDates.get(top);
    if (topEntry) entries.push({ el: top, date: topEntry });

    yield* walkInSteps(top, {
      enter: (el) => {
        const tag = localName(el);
        if (this.skip(el, tag)) return false;
        const date = entryDates.get(el);
        if (date) entries.push({ el, date });
        if (BLOCK_TAGS.has(tag)) {
          const parent = frames[frames.length - 1] ?? null;
          if (parent) parent.run = null;
          frames.push({ el, kind: this.kindOf(el, parent), run: null });
        }
        return true;
      },
      exit: (el) => {
        if (frames.length > 1 && frames[frames.length - 1]?.el === el) frames.pop();
        if (entries[entries.length - 1]?.el === el) entries.pop();
      },
      text: (node) => {
        const frame = frames[frames.length - 1];
        if (!frame) return;
        if (!frame.run) {
          frame.run = { index: 0, text: '', kind: frame.kind, nodes: [] };
          const entry = entries[entries.length - 1];
          if (entry) frame.run.date = entry.date;
          out.push(frame.run);
        }
        frame.run.nodes.push({ node, start: frame.run.text.length });
        frame.run.text += node.data;
      },
    });
  }

  private skip(el: Element, tag: string): boolean {
    if (this.headlinePath.has(el)) return isHidden(el, this.isVisible, tag);
    if (isHardExcluded(el, this.isVisible, tag)) return true;
    const kind = boilerplateKind(el, tag);
    if (kind === 'box') return true;
    if (kind === 'bar') {
      // A share bar is small; a wrapper that happens to carry "share" holds the story.
      const inside = this.textLength.get(el) ?? 0;
      return inside < this.rootLength;
    }
    return false;
  }

  private kindOf(el: Element, parent: BlockFrame | null): BlockKind {
    if (el === this.headline) return 'headline';
    if (parent && DOMINANT_KINDS.has(parent.kind)) return parent.kind;
    const own = tagKind(localName(el));
    if (own !== 'paragraph') return own;
    // A paragraph inside a list item or caption is still part of that item or caption.
    return parent && parent.kind !== 'heading' ? parent.kind : 'paragraph';
  }
}

function tagKind(tag: string): BlockKind {
  switch (tag) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return 'heading';
    case 'li': case 'dt': case 'dd':
      return 'list-item';
    case 'figcaption': case 'caption':
      return 'caption';
    case 'blockquote':
      return 'quote';
    default:
      return 'paragraph';
  }
}
