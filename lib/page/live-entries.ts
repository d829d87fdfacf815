import { classTokens, localName } from './dom-rules.ts';
import { parentElementOf } from './safe-dom.ts';
import { parseDateValue } from './date-text.ts';
import type { PageDate } from './types.ts';

/** Class/id tokens of a live blog's entry containers. */
const ENTRY_TOKENS: ReadonlySet<string> = new Set([
  'entry', 'entries', 'post', 'posts', 'update', 'updates', 'live', 'liveblog', 'blog', 'timeline',
]);

/** How far above a `<time>` an entry container may sit (entries are shallow wrappers). */
const MAX_ENTRY_DEPTH = 12;

function couldBeEntry(el: Element): boolean {
  const tag = localName(el);
  if (tag === 'article' || tag === 'li') return true;
  if (tag !== 'div' && tag !== 'section') return false;
  return classTokens(el).some((t) => ENTRY_TOKENS.has(t));
}

/**
 * Live-blog entries inside `root` and each entry's own timestamp.
 *
 * An entry is an `article`, `li`, or a `div`/`section` with an entry-like class
 * that contains a `<time datetime>` and has at least one sibling entry of the same
 * kind: one timestamped block alone is an ordinary article header, several side
 * by side are a feed whose items each have their own date.
 */
export function findEntryDates(root: Element): Map<Element, PageDate> {
  // Under each parent, the candidate entries that hold a time, with that time.
  const byParent = new Map<Element, Map<Element, Element>>();
  for (const time of Array.from(root.querySelectorAll('time[datetime]'))) {
    let depth = 0;
    for (let el = parentElementOf(time); el && el !== root && depth < MAX_ENTRY_DEPTH; el = parentElementOf(el), depth++) {
      const parent = parentElementOf(el);
      if (!parent || !couldBeEntry(el)) continue;
      let entries = byParent.get(parent);
      if (!entries) byParent.set(parent, (entries = new Map()));
      // The first time in document order is the entry's own stamp.
      if (!entries.has(el)) entries.set(el, time);
    }
  }

  const result = new Map<Element, PageDate>();
  for (const entries of byParent.values()) {
    const perTag = countTags(entries.keys());
    for (const [entry, time] of entries) {
      if ((perTag.get(localName(entry)) ?? 0) < 2) continue;
      const raw = time.getAttribute('datetime') ?? '';
      const date = parseDateValue(raw);
      if (date) result.set(entry, { date, source: 'live-entry', raw });
    }
  }
  return result;
}

/** Entries of one feed share a tag; a lone `<article>` next to a list of `<li>` is not one of them. */
function countTags(entries: Iterable<Element>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of entries) counts.set(localName(el), (counts.get(localName(el)) ?? 0) + 1);
  return counts;
}
