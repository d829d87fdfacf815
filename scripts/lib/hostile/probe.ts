/**
 * The fuzzer's eyes inside each page: a main-world script installed before any page
 * script runs. Hostile pages patch prototypes and builtins, so it keeps its own copies
 * of every DOM getter and function it needs and never calls a method a page could have
 * replaced. Kept as source text: the page runs it as is, without the bundler's helpers.
 *
 * `window.__fuzz`:
 * - `rebase()`: a page that changes its own text on purpose calls this afterwards; the
 *   text we compare against becomes the text at that moment (our elements left out).
 * - `own(el)`: marks a `factcheck-badge` the page made itself, so it counts as page text.
 * - `root(shadowRoot)`: registers a closed shadow root so its text and badges are seen.
 * - `done`: set by pages that act on our badges, once they have finished.
 * - `report()`: what the runner reads (see ProbeReport).
 */

export interface ProbeBadge {
  claim: string;
  verdict: string;
  /** The `data-hostile-zone` of the nearest marked ancestor, "editable" for an editor, or "". */
  zone: string;
}

export interface ProbeReport {
  /** The probe was installed (false in documents where init scripts do not run). */
  ok: boolean;
  textSame: boolean;
  textBefore: number;
  textNow: number;
  /** Where the texts first differ, with a little context, when they do. */
  diff: string;
  badges: ProbeBadge[];
  cards: number;
  done: boolean;
  removals: number;
}

export const PROBE_SOURCE = String.raw`(() => {
  if (window.__fuzz) return;
  const apply = Reflect.apply;
  const desc = (proto, name) => Object.getOwnPropertyDescriptor(proto, name);
  const getter = (proto, name) => { const d = desc(proto, name); return d && d.get; };
  const G = {
    firstChild: getter(Node.prototype, 'firstChild'),
    nextSibling: getter(Node.prototype, 'nextSibling'),
    parentNode: getter(Node.prototype, 'parentNode'),
    nodeType: getter(Node.prototype, 'nodeType'),
    data: getter(CharacterData.prototype, 'data'),
    localName: getter(Element.prototype, 'localName'),
    shadowRoot: getter(Element.prototype, 'shadowRoot'),
    host: getter(ShadowRoot.prototype, 'host'),
    documentElement: getter(Document.prototype, 'documentElement'),
    isContentEditable: getter(HTMLElement.prototype, 'isContentEditable'),
  };
  const getAttribute = Element.prototype.getAttribute;
  const click = HTMLElement.prototype.click;
  const addListener = EventTarget.prototype.addEventListener;
  const wsHas = WeakSet.prototype.has, wsAdd = WeakSet.prototype.add;
  const wmGet = WeakMap.prototype.get, wmSet = WeakMap.prototype.set;
  const strSlice = String.prototype.slice;
  const mathMax = Math.max;
  const stringify = JSON.stringify;
  const own = new WeakSet();
  const closed = new WeakMap();
  const OURS = { 'factcheck-badge': true, 'factcheck-card': true };
  const FIELDS = { input: true, textarea: true, select: true, option: true, button: true };

  const get = (g, node) => apply(g, node, []);
  const isOurs = (el) => OURS[get(G.localName, el)] === true && !apply(wsHas, own, [el]);
  const rootOf = (el) => get(G.shadowRoot, el) || apply(wmGet, closed, [el]) || null;
  // Chromium shows an XML file without a stylesheet through its viewer, which fills
  // <div class="pretty-print"> after DOMContentLoaded: the viewer's text, not the page's.
  const xmlViewer = /xml/.test(document.contentType) && !/xhtml/.test(document.contentType);
  const isViewerTree = (el) => xmlViewer && apply(getAttribute, el, ['class']) === 'pretty-print';

  // Depth-first over light DOM and shadow roots without recursion (pages nest 10,000 deep).
  function visit(start, onText, onOurs) {
    const stack = [start];
    let n = 1;
    while (n > 0) {
      const node = stack[--n];
      stack[n] = undefined;
      const type = get(G.nodeType, node);
      if (type === 3 || type === 4) { onText(get(G.data, node)); continue; }
      if (type === 1) {
        if (isOurs(node)) { onOurs(node); continue; }
        if (isViewerTree(node)) continue;
        // Children are pushed last-first so they come off the stack in document order.
        const kids = [];
        let k = 0;
        for (let c = get(G.firstChild, node); c; c = get(G.nextSibling, c)) kids[k++] = c;
        for (let i = k - 1; i >= 0; i--) stack[n++] = kids[i];
        const root = rootOf(node);
        if (root) stack[n++] = root;
        continue;
      }
      if (type === 9 || type === 11) {
        const kids = [];
        let k = 0;
        for (let c = get(G.firstChild, node); c; c = get(G.nextSibling, c)) kids[k++] = c;
        for (let i = k - 1; i >= 0; i--) stack[n++] = kids[i];
      }
    }
  }

  function text() {
    let out = '';
    visit(document, (t) => { out += t; }, () => {});
    return out;
  }

  function zoneOf(el) {
    for (let cur = get(G.parentNode, el); cur; ) {
      const type = get(G.nodeType, cur);
      if (type === 11) { cur = get(G.host, cur); continue; }
      if (type !== 1) break;
      const zone = apply(getAttribute, cur, ['data-hostile-zone']);
      if (zone) return zone;
      if (FIELDS[get(G.localName, cur)]) return 'field';
      try { if (get(G.isContentEditable, cur)) return 'editable'; } catch { /* not an HTML element */ }
      cur = get(G.parentNode, cur);
    }
    return '';
  }

  function buttonIn(root) {
    let found = null;
    const stack = [root];
    let n = 1;
    while (n > 0 && !found) {
      const node = stack[--n];
      if (get(G.nodeType, node) === 1 && get(G.localName, node) === 'button') { found = node; break; }
      for (let c = get(G.firstChild, node); c; c = get(G.nextSibling, c)) stack[n++] = c;
    }
    return found;
  }

  function ours() {
    const badges = [], cards = [];
    let b = 0, c = 0;
    visit(document, () => {}, (el) => {
      if (get(G.localName, el) === 'factcheck-card') cards[c++] = el;
      else badges[b++] = el;
    });
    return { badges, cards };
  }

  function badges() {
    const list = ours().badges;
    const out = [];
    for (let i = 0; i < list.length; i++) {
      const host = list[i];
      const root = get(G.shadowRoot, host);
      const button = root ? buttonIn(root) : null;
      out[i] = {
        claim: button ? apply(getAttribute, button, ['data-claim']) || '' : '',
        verdict: button ? apply(getAttribute, button, ['data-verdict']) || '' : '',
        zone: zoneOf(host),
      };
    }
    return out;
  }

  function firstDiff(a, b) {
    let i = 0;
    const m = a.length < b.length ? a.length : b.length;
    while (i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    const from = mathMax(0, i - 30);
    return 'at ' + i + ': before ' + stringify(apply(strSlice, a, [from, i + 50])) + ' now ' + stringify(apply(strSlice, b, [from, i + 50]));
  }

  const state = { before: null, done: false, removals: 0 };
  const fuzz = {
    rebase() { state.before = text(); },
    own(el) { apply(wsAdd, own, [el]); },
    root(r) { apply(wmSet, closed, [get(G.host, r), r]); },
    set done(v) { state.done = !!v; },
    get done() { return state.done; },
    removed() { state.removals++; },
    status() {
      const b = badges();
      const claims = [];
      for (let i = 0; i < b.length; i++) claims[i] = b[i].claim;
      return { claims, done: state.done };
    },
    cards() { return ours().cards.length; },
    clickFirstBadge() {
      const list = ours().badges;
      for (let i = 0; i < list.length; i++) {
        const root = get(G.shadowRoot, list[i]);
        const button = root ? buttonIn(root) : null;
        if (button) { apply(click, button, []); return true; }
      }
      return false;
    },
    report() {
      const now = text();
      const before = state.before === null ? now : state.before;
      const same = before === now;
      return {
        ok: true,
        textSame: same,
        textBefore: before.length,
        textNow: now.length,
        diff: same ? '' : firstDiff(before, now),
        badges: badges(),
        cards: ours().cards.length,
        done: state.done,
        removals: state.removals,
      };
    },
  };
  Object.defineProperty(window, '__fuzz', { value: fuzz, configurable: false, enumerable: false, writable: false });
  // Before any content script: the extension injects at document_idle, after DOMContentLoaded.
  apply(addListener, document, ['DOMContentLoaded', () => {
    const stack = [document];
    let n = 1;
    while (n > 0) {
      const node = stack[--n];
      if (get(G.nodeType, node) === 1 && OURS[get(G.localName, node)]) apply(wsAdd, own, [node]);
      for (let c = get(G.firstChild, node); c; c = get(G.nextSibling, c)) stack[n++] = c;
    }
    if (state.before === null) state.before = text();
  }, { capture: true, once: true }]);

})();`;
