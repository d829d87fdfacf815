/**
 * What counts as "not article text" on a news page, and a traversal that cannot
 * overflow the stack. Shared by the article reader and the page-date finder so
 * both agree on which parts of a page are boilerplate.
 */

import { finish, type Steps } from '../scheduling/slices.ts';
import { attrOf, firstChildOf, hasAttrOf, hasAttrsOf, nextSiblingOf, nodeTypeOf, parentElementOf, parentNodeOf, tagOf } from './safe-dom.ts';

/** Tags whose content is never readable article text. */
const NON_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'audio', 'video', 'picture', 'img', 'input', 'textarea', 'select', 'option',
  'button', 'head', 'title', 'meta', 'link',
  // Parts of form fields: a badge inside a label would focus or toggle its field when clicked.
  'label', 'legend',
  // The extension's own badges: reading them would make the page's text change under us.
  'factcheck-badge',
]);

/** Tags of site furniture around the story. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'dialog']);

/** ARIA landmarks and widgets that are site furniture, not the story. */
const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar',
  'dialog', 'alertdialog', 'toolbar',
]);

/**
 * Class/id tokens of boxes that are not the article, matched as whole tokens
 * after splitting on `-`, `_`, spaces and camelCase ("ad-slot" and "adSlot"
 * match "ad"; "header" and "load" do not).
 * - `box`: recirculation, sign-ups, consent banners, comment threads, rails —
 *   always skipped, however much text they hold (comment threads can outgrow the story).
 * - `bar`: share bars, ads, promos — skipped unless the element holds at least as
 *   much text as the rest of the article, because content wrappers sometimes carry
 *   such classes ("entry-content has-share-buttons").
 */
export const BOILERPLATE_TOKENS: Readonly<Record<string, 'box' | 'bar'>> = {
  related: 'box', recirc: 'box', recirculation: 'box', newsletter: 'box', newsletters: 'box',
  signup: 'box', subscribe: 'box', cookie: 'box', cookies: 'box', consent: 'box', gdpr: 'box',
  comment: 'box', comments: 'box', sidebar: 'box', breadcrumb: 'box', breadcrumbs: 'box',
  nav: 'box', navbar: 'box', navigation: 'box', menu: 'box', trending: 'box', popular: 'box',
  recommended: 'box', outbrain: 'box', taboola: 'box', popup: 'box', modal: 'box',
  share: 'bar', sharing: 'bar', sharebar: 'bar', social: 'bar', promo: 'bar', promos: 'bar',
  promotion: 'bar', ad: 'bar', ads: 'bar', advert: 'bar', adverts: 'bar', advertisement: 'bar',
  sponsored: 'bar', toolbar: 'bar',
};

const TOKEN_KINDS = new Map(Object.entries(BOILERPLATE_TOKENS));

/** Splits class/id values into lower-case tokens: "relatedLinks ad_box" → related, links, ad, box. */
export function classTokens(el: Element): string[] {
  if (!hasAttrsOf(el)) return [];
  const raw = `${attrOf(el, 'class') ?? ''} ${attrOf(el, 'id') ?? ''}`;
  if (raw.length === 1) return [];
  const lower = raw.toLowerCase();
  // camelCase boundaries only where there are capitals (most class names have none).
  const spaced = lower === raw ? raw : raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.split(/[\s_-]+/).filter(Boolean);
}

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function localName(el: Element): string {
  return tagOf(el);
}

/** Not readable text at all: non-text tags, hidden, or an editor holding the reader's own words. */
export function isHidden(el: Element, isVisible?: (el: Element) => boolean, tag = localName(el)): boolean {
  if (NON_TEXT_TAGS.has(tag)) return true;
  if (hasAttrsOf(el) && hasHidingAttribute(el)) return true;
  return isVisible !== undefined && !isVisible(el);
}

function hasHidingAttribute(el: Element): boolean {
  if (hasAttrOf(el, 'hidden')) return true;
  if (attrOf(el, 'aria-hidden') === 'true') return true;
  const editable = attrOf(el, 'contenteditable');
  if (editable !== null && editable.trim().toLowerCase() !== 'false') return true;
  const style = attrOf(el, 'style');
  return style !== null && HIDING_STYLE.test(style);
}

/** Navigation, rails, footers and dialogs, by tag or ARIA role. */
export function isFurniture(el: Element, tag = localName(el)): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (!hasAttrsOf(el)) return false;
  const role = attrOf(el, 'role');
  return role !== null && FURNITURE_ROLES.has(role.trim().toLowerCase());
}

/** Never article text wherever it appears. */
export function isHardExcluded(el: Element, isVisible?: (el: Element) => boolean, tag = localName(el)): boolean {
  return isHidden(el, isVisible, tag) || isFurniture(el, tag);
}

/**
 * Usually boilerplate, but sometimes a wrapper of the whole page (an ASP.NET
 * `<form>`, a `<div class="has-sidebar">` layout), so callers weigh it with context.
 * `box` wins over `bar` when an element has tokens of both kinds.
 */
export function boilerplateKind(el: Element, tag = localName(el)): 'box' | 'bar' | null {
  let kind: 'box' | 'bar' | null = tag === 'form' ? 'bar' : null;
  for (const t of classTokens(el)) {
    const k = TOKEN_KINDS.get(t);
    if (k === 'box') return 'box';
    if (k === 'bar') kind = 'bar';
  }
  return kind;
}

/** True if `el` or an ancestor below `stop` is excluded in any way. */
export function isInsideExcluded(el: Element, stop: Node | null): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = parentElementOf(cur)) {
    if (isHardExcluded(cur) || boilerplateKind(cur) !== null) return true;
  }
  return false;
}

/**
 * `container.contains(node)` by climbing from `node`: cost is the node's depth,
 * not the container's size (some DOMs, linkedom among them, scan the subtree).
 */
export function isWithin(node: Node, container: Node): boolean {
  for (let cur: Node | null = node; cur; cur = parentNodeOf(cur)) if (cur === container) return true;
  return false;
}

export interface WalkHandlers {
  /** Called on entering an element; return false to skip its subtree (exit is not called). */
  enter(el: Element): boolean;
  /** Called after an entered element's subtree is done. */
  exit?(el: Element): void;
  text?(node: Text): void;
}

/** Nodes visited between two pauses of a stepwise walk: well under a millisecond of work. */
const NODES_PER_STEP = 256;

/**
 * Depth-first walk of `root`'s descendants using sibling/parent links instead of
 * recursion, so 10,000-deep markup cannot overflow the call stack.
 */
export function walk(root: Node, h: WalkHandlers): void {
  finish(walkInSteps(root, h));
}

/** {@link walk} as stepwise work: pauses every few hundred nodes, so a huge page can be read in slices. */
export function* walkInSteps(root: Node, h: WalkHandlers): Steps<void> {
  // DOM links are read through safe-dom, each once per node: a form's named fields cannot send the walk in circles.
  let node: Node | null = firstChildOf(root);
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = nodeTypeOf(node);
    if (type === 1) {
      if (h.enter(node as Element)) {
        const child = firstChildOf(node);
        if (child) {
          node = child;
          continue;
        }
        // An entered element without children still gets its exit.
        h.exit?.(node as Element);
      }
    } else if (type === 3 || type === 4) {
      h.text?.(node as Text);
    }
    // Climb until a next sibling exists, closing the elements we leave.
    let next: Node | null = nextSiblingOf(node);
    while (!next) {
      node = parentNodeOf(node);
      if (!node || node === root) break;
      if (nodeTypeOf(node) === 1) h.exit?.(node as Element);
      next = nextSiblingOf(node);
    }
    node = next;
  }
}
