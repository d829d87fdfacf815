/**
 * Finding the story on a page: the element that holds the article body, and the
 * headline (which often sits in a header just outside that element).
 */
import { finish, type Steps } from '../scheduling/slices.ts';
import { attrOf, bodyOf, hasAttrsOf, headOf, inDesignMode, parentElementOf, queryAll, queryOne, textContentOf } from './safe-dom.ts';
import { boilerplateKind, classTokens, isFurniture, isHardExcluded, isHidden, isWithin, localName, walkInSteps } from './dom-rules.ts';

export interface ArticleRoot {
  /** The element whose text is the article body. */
  root: Element;
  /** The story's headline element, inside or outside `root`. */
  headline: Element | null;
  /**
   * Non-link text length counted under each element, with boilerplate boxes not
   * counted towards their ancestors. Lets the reader tell a small share bar from
   * a content wrapper that merely has "share" in its class.
   */
  textLength: Map<Element, number>;
}

const CANDIDATE_SELECTOR = 'article, main, [role="main"], [itemprop="articleBody"]';

/** Block-level tags: text inside them is a paragraph of its own. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** A semantic container holding less than this share of the page's text is not the story. */
const MIN_CANDIDATE_SHARE = 0.25;
/** `<main>` gives way to an `<article>` inside it that holds most of its text. */
const ARTICLE_IN_MAIN_SHARE = 0.6;

/**
 * One pass over the page counting visible, non-link text, then the choice:
 * the `article` / `main` / `[itemprop=articleBody]` with the most text, else the
 * element whose child blocks hold the most text (the classic density heuristic).
 */
export function findArticleRoot(
  doc: Document,
  isVisible?: (el: Element) => boolean,
): ArticleRoot | null {
  return finish(findArticleRootInSteps(doc, isVisible));
}

/** {@link findArticleRoot} as stepwise work, for reading a huge page in slices. */
export function* findArticleRootInSteps(
  doc: Document,
  isVisible?: (el: Element) => boolean,
): Steps<ArticleRoot | null> {
  // A document in design mode is one big editor: all of it is the reader's own words.
  if (inDesignMode(doc)) return null;
  const start = bodyOf(doc);
  if (!start || isHardExcluded(start)) return null;

  const candidates = queryAll(start, CANDIDATE_SELECTOR);
  const sheltered = ancestorsOf(candidates, start);
  const counts = yield* countText(start, sheltered, isVisible);

  const root = chooseCandidate(candidates, counts.textLength, counts.total) ?? counts.densest ?? start;
  return { root, headline: findHeadline(doc, root, counts.headings), textLength: counts.textLength };
}

/** Candidates and all their ancestors: a layout wrapper around `<main>` is never boilerplate. */
function ancestorsOf(elements: Element[], stop: Element): Set<Element> {
  const set = new Set<Element>([stop]);
  for (const el of elements) {
    for (let cur: Element | null = el; cur && !set.has(cur); cur = parentElementOf(cur)) set.add(cur);
  }
  return set;
}

interface TextCounts {
  textLength: Map<Element, number>;
  total: number;
  densest: Element | null;
  /** Possible headlines in document order, gathered on the way to save more scans. */
  headings: Element[];
}

function* countText(
  start: Element,
  sheltered: Set<Element>,
  isVisible?: (el: Element) => boolean,
): Steps<TextCounts> {
  // Parallel stacks over the open elements: text counted under each so far, and
  // whether it is a boilerplate box.
  const sums: number[] = [0];
  const blocks: Element[] = [start];
  const boilerplate: boolean[] = [false];
  const links: Element[] = [];
  let boilerDepth = 0;
  const textLength = new Map<Element, number>();
  const density = new Map<Element, number>();
  const headings: Element[] = [];

  yield* walkInSteps(start, {
    enter(el) {
      const tag = localName(el);
      const block = BLOCK_TAGS.has(tag);
      // The browser's visibility test is the costly one; blocks are enough for choosing a root.
      if (isHidden(el, block ? isVisible : undefined, tag)) return false;
      // A banner may be the story's own header holding the headline: keep looking
      // inside it for headings, but count its text like boilerplate.
      const banner = isBanner(el);
      if (!banner && isFurniture(el, tag)) return false;
      const boiler = banner || (!sheltered.has(el) && boilerplateKind(el, tag) !== null);
      sums.push(0);
      boilerplate.push(boiler);
      if (boiler) boilerDepth++;
      if (block) blocks.push(el);
      if (tag === 'a') links.push(el);
      if (mayBeHeadline(el, tag)) headings.push(el);
      return true;
    },
    exit(el) {
      const sum = sums.pop() ?? 0;
      const boiler = boilerplate.pop() ?? false;
      if (boiler) boilerDepth--;
      if (blocks[blocks.length - 1] === el) blocks.pop();
      if (links[links.length - 1] === el) links.pop();
      if (sum > 0) textLength.set(el, sum);
      // Boilerplate text stays with its box and does not make the box's ancestors look like the story.
      if (!boiler) sums[sums.length - 1] = (sums[sums.length - 1] ?? 0) + sum;
    },
    text(node) {
      if (links.length > 0) return;
      const len = node.data.trim().length;
      if (len === 0) return;
      sums[sums.length - 1] = (sums[sums.length - 1] ?? 0) + len;
      if (boilerDepth > 0) return;
      // Density: a paragraph's text scores for the container holding the paragraphs.
      const owner = blocks[blocks.length - 1];
      const container = owner && owner !== start ? parentElementOf(owner) : owner;
      if (container) density.set(container, (density.get(container) ?? 0) + len);
    },
  });

  const total = sums[0] ?? 0;
  textLength.set(start, total);
  let densest: Element | null = null;
  let best = 0;
  for (const [el, score] of density) {
    if (score > best) {
      best = score;
      densest = el;
    }
  }
  return { textLength, total, densest, headings };
}

function chooseCandidate(candidates: Element[], textLength: Map<Element, number>, total: number): Element | null {
  let best: Element | null = null;
  let bestLen = 0;
  // Strictly greater, so on a tie the outer element (earlier in document order) wins:
  // an `<article>` keeps its headline, byline and figures when its body has all the text.
  for (const el of candidates) {
    const len = textLength.get(el) ?? 0;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  if (!best || bestLen < total * MIN_CANDIDATE_SHARE) return null;
  if (localName(best) !== 'article') {
    // A `<main>` holding the story plus teasers: prefer the story's own `<article>`.
    let inner: Element | null = null;
    let innerLen = bestLen * ARTICLE_IN_MAIN_SHARE;
    for (const el of candidates) {
      const len = textLength.get(el) ?? 0;
      if (el !== best && localName(el) === 'article' && isWithin(el, best) && len >= innerLen) {
        inner = el;
        innerLen = len;
      }
    }
    if (inner) return inner;
  }
  return best;
}

/** Tokens of a site's name block: its `<h1>` is the logo, not the story. */
const LOGO_TOKENS: ReadonlySet<string> = new Set(['logo', 'brand', 'branding', 'masthead', 'site']);
const HEADLINE_TOKENS: ReadonlySet<string> = new Set(['headline', 'title', 'hed', 'heading']);

function mayBeHeadline(el: Element, tag = localName(el)): boolean {
  return tag === 'h1' || tag === 'h2' || classTokens(el).some((t) => HEADLINE_TOKENS.has(t));
}

/**
 * The story's headline: the first usable `<h1>` inside the root; else the
 * heading whose text is the page's title (`og:title` / `<title>`), which finds
 * the headline in a header before the body and `<p class="headline">` on old
 * table layouts; else the page's only non-logo `<h1>`.
 * `headings` are the page's `h1`, `h2` and headline-classed elements in document order.
 */
export function findHeadline(doc: Document, root: Element, headings?: Element[]): Element | null {
  const scope = bodyOf(doc);
  if (!scope) return null;
  const all = headings ?? queryAll(scope, '*').filter((el) => mayBeHeadline(el));
  for (const el of all) {
    if (localName(el) === 'h1' && isWithin(el, root) && hasText(el) && !isInsideHidden(el, root)) return el;
  }
  const titles = pageTitles(doc);
  const usableH1s: Element[] = [];
  for (const el of all) {
    if (!hasText(el) || isInsideHidden(el, null) || isWithin(root, el)) continue;
    if (classTokens(el).some((t) => LOGO_TOKENS.has(t))) continue;
    if (matchesTitle(textContentOf(el), titles)) return el;
    if (localName(el) === 'h1') usableH1s.push(el);
  }
  return usableH1s.length === 1 ? (usableH1s[0] ?? null) : null;
}

function isBanner(el: Element): boolean {
  return hasAttrsOf(el) && (attrOf(el, 'role') ?? '').trim().toLowerCase() === 'banner';
}

function hasText(el: Element): boolean {
  return textContentOf(el).trim().length > 0;
}

/**
 * Hidden or in site furniture, except that a banner header may hold the story's
 * own headline (many sites mark the article header up as `role=banner`).
 */
function isInsideHidden(el: Element, stop: Element | null): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = parentElementOf(cur)) {
    if (isBanner(cur)) continue;
    if (isHardExcluded(cur) || (boilerplateKind(cur) !== null && localName(cur) !== 'form')) return true;
  }
  return false;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function pageTitles(doc: Document): string[] {
  const titles: string[] = [];
  // The head is small; searching the whole document for a missing <title> is not.
  const head = headOf(doc);
  if (!head) return titles;
  const og = queryOne(head, 'meta[property="og:title"], meta[name="twitter:title"]');
  const ogTitle = og ? attrOf(og, 'content') : null;
  if (ogTitle) titles.push(normalize(ogTitle));
  const titleEl = queryOne(head, 'title');
  const title = titleEl ? textContentOf(titleEl) : null;
  if (title) titles.push(normalize(title));
  return titles.filter(Boolean);
}

/** "Headline | Site" and "Site - Headline" titles contain the headline as most of their text. */
function matchesTitle(text: string, titles: string[]): boolean {
  const t = normalize(text);
  if (t.length < 8) return false;
  return titles.some((title) => title === t || (title.includes(t) && t.length >= title.length * 0.5));
}
