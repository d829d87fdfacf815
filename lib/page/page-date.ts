/**
 * The page's publication date, from the most deliberate signal to the least:
 * structured data the publisher wrote for machines, then markup, then the URL,
 * then prose. The first source that yields a valid date wins.
 */
import { type ArticleRoot, findArticleRoot } from './article-root.ts';
import { classTokens, isHardExcluded, isInsideExcluded, isWithin, walk } from './dom-rules.ts';
import { findDateInText, formatDate, parseDateValue } from './date-text.ts';
import { findEntryDates } from './live-entries.ts';
import { readArticleAt } from './read-article.ts';
import type { DomSegment, PageDate, Segment } from './types.ts';
import { attrOf, parentElementOf, queryAll } from './safe-dom.ts';

export interface FindPageDateOptions {
  /** The article root if already found (saves a pass over the page). */
  article?: ArticleRoot | null;
  /** The article's segments if already read (saves a second read of the page). */
  segments?: Segment[];
}

export function findPageDate(doc: Document, url: string, options: FindPageDateOptions = {}): PageDate | null {
  try {
    // Finding the article costs a pass over the page; only the markup sources need it.
    let article = options.article;
    const getArticle = () => (article === undefined ? (article = findArticleRoot(doc)) : article);
    return (
      fromJsonLd(doc) ??
      fromMeta(doc) ??
      fromTimeElement(doc, getArticle()) ??
      fromUrl(url) ??
      fromByline(doc, getArticle(), options.segments)
    );
  } catch {
    // A malformed page has no date rather than breaking the content script.
    return null;
  }
}

// ---------------------------------------------------------------- JSON-LD

/** Types whose `datePublished` is the page's own (an ImageObject's is not). */
const ARTICLE_TYPE = /article|posting|report|webpage|blog/i;
/** Bounds the walk over a site's JSON-LD, which can be large. */
const MAX_JSON_NODES = 5000;

export function fromJsonLd(doc: Document): PageDate | null {
  let fallback: PageDate | null = null;
  for (const script of queryAll(doc, 'script[type]')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const data = parseJson(script.textContent ?? '');
    if (data === undefined) continue;
    // Breadth first, so the page's top-level object beats the entries nested in it.
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < MAX_JSON_NODES; i++) {
      const item = queue[i];
      if (Array.isArray(item)) {
        for (const element of item) queue.push(element);
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const obj = item as Record<string, unknown>;
      const raw = jsonDateString(obj['datePublished']);
      const date = raw ? parseDateValue(raw) : null;
      if (raw && date) {
        const found: PageDate = { date, source: 'json-ld', raw };
        if (ARTICLE_TYPE.test(String(obj['@type'] ?? ''))) return found;
        fallback ??= found;
      }
      for (const value of Object.values(obj)) if (value && typeof value === 'object') queue.push(value);
    }
  }
  return fallback;
}

function parseJson(text: string): unknown {
  // Some CMSs wrap JSON-LD in HTML comments or CDATA markers.
  const cleaned = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return undefined;
  }
}

function jsonDateString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return jsonDateString(value[0]);
  if (value && typeof value === 'object') return jsonDateString((value as Record<string, unknown>)['@value']);
  return null;
}

// ---------------------------------------------------------------- meta

/** Publication-date meta keys in use (Open Graph article, schema.org, Dublin Core, CMS and analytics tags), best first. */
const META_KEYS = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

export function fromMeta(doc: Document): PageDate | null {
  const byKey = new Map<string, string>();
  for (const meta of queryAll(doc, 'meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content') ?? '';
    if (key && content.trim() && !byKey.has(key)) byKey.set(key, content);
  }
  for (const key of META_KEYS) {
    const raw = byKey.get(key);
    const date = raw ? parseDateValue(raw) : null;
    if (raw && date) return { date, source: 'meta', raw };
  }
  return null;
}

// ---------------------------------------------------------------- <time>

/** Class tokens that mark a time as the last edit, not the publication. */
const UPDATED_TOKENS: ReadonlySet<string> = new Set(['updated', 'modified', 'update', 'lastmod']);

/**
 * A `<time datetime>` in the article's header or body (not in a rail or a live
 * entry), preferring one marked as the publication time; then a marked one
 * anywhere on the page.
 */
export function fromTimeElement(doc: Document, found = findArticleRoot(doc)): PageDate | null {
  if (found) {
    const entryDates = findEntryDates(found.root);
    const scopes = [headerOf(found.headline, found.root), found.root].filter((s): s is Element => s !== null);
    for (const scope of scopes) {
      const times = Array.from(scope.querySelectorAll('time[datetime]')).filter(
        (t) => !isInsideExcluded(t, scope) && !insideAny(t, entryDates, scope),
      );
      const ordered = [...times.filter(isMarkedPublished), ...times.filter((t) => !isMarkedUpdated(t)), ...times];
      const date = firstTimeDate(ordered);
      if (date) return date;
    }
  }
  const marked = queryAll(doc, 'time[datetime]').filter(
    (t) => isMarkedPublished(t) && !isInsideExcluded(t, null),
  );
  return firstTimeDate(marked);
}

function isMarkedPublished(time: Element): boolean {
  return time.hasAttribute('pubdate') || (time.getAttribute('itemprop') ?? '').toLowerCase() === 'datepublished';
}

function isMarkedUpdated(time: Element): boolean {
  if ((time.getAttribute('itemprop') ?? '').toLowerCase() === 'datemodified') return true;
  return classTokens(time).some((t) => UPDATED_TOKENS.has(t));
}

function firstTimeDate(times: Element[]): PageDate | null {
  for (const time of times) {
    const raw = time.getAttribute('datetime') ?? '';
    const date = parseDateValue(raw);
    if (date) return { date, source: 'time-element', raw };
  }
  return null;
}

function insideAny(el: Element, containers: Map<Element, unknown>, stop: Element): boolean {
  if (containers.size === 0) return false;
  for (let cur: Element | null = el; cur && cur !== stop; cur = parentElementOf(cur)) {
    if (containers.has(cur)) return true;
  }
  return false;
}

/** The header block around a headline that sits outside the article root. */
function headerOf(headline: Element | null, root: Element): Element | null {
  if (!headline || isWithin(headline, root)) return null;
  const header = headline.closest('header, hgroup');
  if (header && !isWithin(root, header)) return header;
  const parent = headline.parentElement;
  return parent && !isWithin(root, parent) ? parent : headline;
}

// ---------------------------------------------------------------- URL

const URL_DAY_IN_SEGMENT = /(?:^|[-_])(\d{4})-(\d{2})-(\d{2})(?=$|[-_.])/;
const URL_COMPACT_IN_SEGMENT = /(?:^|[-_])(\d{4})(\d{2})(\d{2})(?=$|[-_.])/;

/**
 * `/2025/08/19/`, `/2025-08-19/` or `/20250819/` in the path give the day;
 * `/2025/08/` gives the month. The first day-precise form in the path wins.
 */
export function fromUrl(url: string): PageDate | null {
  const segments = pathOf(url).split('/').filter(Boolean);
  let monthOnly: PageDate | null = null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const next = segments[i + 1] ?? '';
    const after = segments[i + 2] ?? '';
    if (/^\d{4}$/.test(seg) && /^\d{1,2}$/.test(next)) {
      const day = /^\d{1,2}$/.test(after) ? formatDate(Number(seg), Number(next), Number(after)) : null;
      if (day) return { date: day, source: 'url', raw: `/${seg}/${next}/${after}/` };
      const month = formatDate(Number(seg), Number(next));
      if (month) monthOnly ??= { date: month, source: 'url', raw: `/${seg}/${next}/` };
      continue;
    }
    const m = URL_DAY_IN_SEGMENT.exec(seg) ?? URL_COMPACT_IN_SEGMENT.exec(seg);
    const date = m ? formatDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (date) return { date, source: 'url', raw: seg };
  }
  return monthOnly;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    // Not absolute: treat the whole string as a path.
    return url.split(/[?#]/)[0] ?? '';
  }
}

// ---------------------------------------------------------------- byline

/** Class/id/itemprop tokens of the elements that carry author and date lines. */
const BYLINE_TOKENS: ReadonlySet<string> = new Set([
  'byline', 'dateline', 'date', 'dates', 'time', 'timestamp', 'published', 'pubdate', 'posted',
  'meta', 'author', 'authors', 'credit', 'credits',
]);
/** Words that make a short block a byline rather than a sentence of the story. */
const BYLINE_WORDS = /\b(?:published|updated?|posted|modified|first|last)\b|^\s*by\s/i;
const PUBLISHED_WORD = /\b(?:published|posted|first published)\b/i;
/** Bylines are short; longer text is story prose that merely mentions a date. */
const MAX_BYLINE_LENGTH = 200;
const FIRST_BLOCKS = 8;
const MAX_BYLINE_ELEMENTS = 400;

/** A date written in a byline element, else in a byline-like line among the article's first blocks. */
export function fromByline(doc: Document, found = findArticleRoot(doc), segments?: Segment[]): PageDate | null {
  if (found) {
    for (const scope of [headerOf(found.headline, found.root), found.root]) {
      if (!scope) continue;
      const date = fromBylineElements(scope);
      if (date) return date;
    }
  }
  const blocks = (segments ?? (found ? readArticleAt(found) : [])).filter((s) => s.kind !== 'headline').slice(0, FIRST_BLOCKS);
  for (const block of blocks) {
    const text = collapse('nodes' in block ? spaced((block as DomSegment).nodes.map((n) => n.node)) : block.text);
    if (text.length > MAX_BYLINE_LENGTH) continue;
    const match = bylineDate(text);
    if (!match) continue;
    // A short line that is mostly the date, or that says "Published"/"By", is a byline.
    if (BYLINE_WORDS.test(text) || match.text.length >= text.length * 0.5) {
      return { date: match.date, source: 'byline', raw: text };
    }
  }
  return null;
}

function fromBylineElements(scope: Element): PageDate | null {
  let seen = 0;
  let result: PageDate | null = null;
  walk(scope, {
    enter(el) {
      if (result || ++seen > MAX_BYLINE_ELEMENTS || isInsideExcluded(el, parentElementOf(el))) return false;
      const tokens = classTokens(el);
      const itemprop = (attrOf(el, 'itemprop') ?? '').toLowerCase();
      if (!tokens.some((t) => BYLINE_TOKENS.has(t)) && itemprop !== 'datepublished') return true;
      const text = collapse(spaced(textNodes(el)));
      if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return true;
      const match = bylineDate(text);
      if (match) result = { date: match.date, source: 'byline', raw: text };
      return !result;
    },
  });
  return result;
}

/** The publication date in a byline: the one after "Published"/"Posted" if the line also has an update time. */
function bylineDate(text: string): { date: string; text: string } | null {
  const published = PUBLISHED_WORD.exec(text);
  if (published) {
    const after = findDateInText(text.slice(published.index));
    if (after) return after;
  }
  return findDateInText(text);
}

/**
 * Text of a byline with a space at every tag boundary: "Writer<br>Aug. 19, 2025"
 * must not read as "WriterAug. 19", which hides the month name.
 */
function spaced(nodes: Text[]): string {
  return nodes.map((n) => n.data).join(' ');
}

function textNodes(el: Element): Text[] {
  const nodes: Text[] = [];
  walk(el, { enter: (child) => !isHardExcluded(child), text: (node) => void nodes.push(node) });
  return nodes;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
