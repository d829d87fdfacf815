/**
 * The hostile page kinds. Each builds one page from a seeded generator and says which
 * claims must get a badge (`expected`: visible article text in the top document) and
 * which are visible but not required (`bonus`: shadow roots, frames, late content,
 * non-HTML documents). Text the reader typed or cannot see sits inside an element with
 * `data-hostile-zone`; a badge there is a failure.
 *
 * Page scripts never throw on their own: any error in a page's console during a run is
 * one our extension caused (`npm run fuzz -- --no-extension` checks that baseline).
 */
import { BIDI_CHARS, CLAIM_SENTENCES, type ClaimSentence, FILLER_SENTENCES, INVISIBLE_CHARS, PAGE_PATH_DATE, RTL_SENTENCES } from './claims';
import { esc, fillerParagraphs, newsPage, sentenceHtml } from './html';
import { Rng } from './rng';

export interface Route {
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface HostilePage {
  id: number;
  kind: string;
  variant: string;
  /** Path on the main server. */
  path: string;
  route: Route;
  /** More documents: frames, stylesheets; `other` is the second (cross-origin) server. */
  extra: Array<{ server: 'main' | 'other'; path: string; route: Route }>;
  /** Claims that must each get a badge, once per occurrence. */
  expected: string[];
  /** Visible claims the extension is not required to reach. */
  bonus: string[];
  /** The page acts on our badges and sets `__fuzz.done` when finished. */
  scripted: boolean;
}

export interface Origins {
  main: string;
  /** Another port on 127.0.0.1: another origin, same site. */
  other: string;
  /** The other port under "localhost": another site, so an out-of-process frame. */
  otherSite: string;
}

type Built = Pick<HostilePage, 'variant' | 'route' | 'expected'> & Partial<Pick<HostilePage, 'extra' | 'bonus' | 'scripted'>>;

interface Kind {
  name: string;
  build(rng: Rng, page: { id: number; path: string; origins: Origins }): Built;
}

const HTML = 'text/html; charset=utf-8';
const html = (body: string, headers?: Record<string, string>): Route => ({ contentType: HTML, body, ...(headers ? { headers } : {}) });

function pickSentences(rng: Rng, min: number, max: number): ClaimSentence[] {
  return rng.sample(CLAIM_SENTENCES, rng.int(min, max));
}
const claimsOf = (sentences: ClaimSentence[]) => sentences.flatMap((s) => s.claims);
const paragraphs = (sentences: ClaimSentence[]) => sentences.map((s) => `<p>${esc(s.text)}</p>`);

/** Claims inside the article plus some filler around them: the common case for most kinds. */
function ordinary(rng: Rng, min = 1, max = 3) {
  const sentences = pickSentences(rng, min, max);
  return { sentences, body: [...fillerParagraphs(rng, 1), ...paragraphs(sentences), ...fillerParagraphs(rng, 1)], claims: claimsOf(sentences) };
}

/** Splits `text` at 1–3 random places and wraps each piece in a random inline tag. */
function splitInline(rng: Rng, text: string): string {
  const cuts = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.int(1, text.length - 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    pieces.push(text.slice(at, cut));
    at = cut;
  }
  const tags = ['b', 'i', 'em', 'strong', 'span', 'a href="/x"', 'mark', 'small', 'u', 'abbr title="t"', 'span class="x"', 'font'];
  return pieces
    .map((piece) => {
      if (rng.chance(0.3)) return esc(piece);
      const open = rng.pick(tags);
      return `<${open}>${esc(piece)}</${open.split(' ')[0]}>`;
    })
    .join(rng.chance(0.2) ? '<!-- comment -->' : '');
}

/** Scripts shared by the kinds that act on our badges: run `act(badge)` once the first appears. */
const ON_FIRST_BADGE = (act: string, settleMs = 600) => `
(function () {
  var acted = false;
  function run() {
    var badge = document.querySelector('factcheck-badge');
    if (acted || !badge) return;
    acted = true;
    (function (badge) { ${act} })(badge);
    __fuzz.rebase();
    setTimeout(function () { __fuzz.done = true; }, ${settleMs});
  }
  new MutationObserver(run).observe(document.documentElement, { childList: true, subtree: true });
  // Without the extension (the baseline run) nothing ever appears.
  setTimeout(function () { __fuzz.done = true; }, 4000);
})();`;

const KINDS: Kind[] = [
  {
    name: 'plain',
    build(rng) {
      const { body, claims } = ordinary(rng, 2, 4);
      return { variant: 'control', route: html(newsPage({ body })), expected: claims };
    },
  },
  {
    name: 'deep-nesting',
    build(rng) {
      const { body, claims, sentences } = ordinary(rng, 1, 2);
      const deep = rng.pick(CLAIM_SENTENCES);
      const variant = rng.pick(['markup', 'script', 'inline-spans']);
      if (variant === 'markup') {
        // The HTML parser flattens nesting beyond 512 levels; the text still arrives.
        const depth = rng.int(400, 3000);
        const nest = '<div>'.repeat(depth) + `<p>${esc(deep.text)}</p>` + '</div>'.repeat(depth);
        return { variant: `${variant}-${depth}`, route: html(newsPage({ body: [...body, nest] })), expected: [...claims, ...deep.claims] };
      }
      if (variant === 'script') {
        // Chromium's own renderer crashes on block nesting much beyond 3,000 levels, extension or not.
        const depth = rng.int(1000, 2500);
        const script = `(function () {
          var cur = document.getElementById('deep');
          for (var i = 0; i < ${depth}; i++) { var d = document.createElement(i % 3 ? 'div' : 'section'); cur.appendChild(d); cur = d; }
          var p = document.createElement('p'); p.textContent = ${JSON.stringify(deep.text)}; cur.appendChild(p);
        })();`;
        return { variant: `${variant}-${depth}`, route: html(newsPage({ body: [...body, '<div id="deep"></div>'], script })), expected: [...claims, ...deep.claims] };
      }
      const depth = rng.int(50, 400);
      const spans = `<p>${'<span>'.repeat(depth)}${esc(deep.text)}${'</span>'.repeat(depth)}</p>`;
      void sentences;
      return { variant: `${variant}-${depth}`, route: html(newsPage({ body: [...body, spans] })), expected: [...claims, ...deep.claims] };
    },
  },
  {
    name: 'giant-text',
    build(rng) {
      const sentences = pickSentences(rng, 2, 3);
      const target = rng.int(200_000, 3_000_000);
      const filler: string[] = [];
      let size = 0;
      while (size < target) {
        const s = rng.pick(FILLER_SENTENCES);
        filler.push(s);
        size += s.length + 1;
      }
      // One text node: claims at the start, in the middle and at the end.
      const mid = Math.floor(filler.length / 2);
      const parts = [sentences[0]!.text, ...filler.slice(0, mid), ...(sentences[1] ? [sentences[1].text] : []), ...filler.slice(mid), ...(sentences[2] ? [sentences[2].text] : [])];
      const text = parts.join(' ');
      return {
        variant: `${Math.round(text.length / 1000)}k-chars`,
        route: html(newsPage({ body: [`<p>${esc(text)}</p>`] })),
        expected: claimsOf(sentences),
      };
    },
  },
  {
    name: 'many-nodes',
    build(rng) {
      const variant = rng.pick(['word-spans', 'paragraphs', 'list-items', 'many-claims']);
      const sentences = pickSentences(rng, 1, 3);
      if (variant === 'word-spans') {
        // Every word its own element; claims end up spread over many spans.
        const n = rng.int(10_000, 40_000);
        const words: string[] = [];
        let s = 0;
        while (words.length < n) {
          const sentence = words.length % 5000 === 0 && s < sentences.length ? sentences[s++]!.text : rng.pick(FILLER_SENTENCES);
          for (const w of sentence.split(' ')) words.push(`<span>${esc(w)}</span> `);
        }
        const used = sentences.slice(0, s);
        return { variant: `${variant}-${words.length}`, route: html(newsPage({ body: [`<p>${words.join('')}</p>`] })), expected: claimsOf(used) };
      }
      if (variant === 'many-claims') {
        const n = rng.int(200, 1200);
        const chosen = Array.from({ length: n }, () => rng.pick(CLAIM_SENTENCES));
        return { variant: `${variant}-${n}`, route: html(newsPage({ body: paragraphs(chosen) })), expected: claimsOf(chosen) };
      }
      const n = rng.int(10_000, 40_000);
      const tag = variant === 'paragraphs' ? 'p' : 'li';
      const items: string[] = [];
      const every = Math.floor(n / (sentences.length + 1));
      let s = 0;
      for (let i = 0; i < n; i++) {
        const text = i > 0 && i % every === 0 && s < sentences.length ? sentences[s++]!.text : `Item ${i}: ${rng.pick(FILLER_SENTENCES)}`;
        items.push(`<${tag}>${esc(text)}</${tag}>`);
      }
      const body = variant === 'paragraphs' ? items : [`<ul>${items.join('')}</ul>`];
      return { variant: `${variant}-${n}`, route: html(newsPage({ body })), expected: claimsOf(sentences.slice(0, s)) };
    },
  },
  {
    name: 'zero-width',
    build(rng) {
      const sentences = pickSentences(rng, 1, 3);
      const variant = rng.pick(['between-sentences', 'inside-claims']);
      const sprinkle = (text: string) => text.replace(/ /g, () => (rng.chance(0.3) ? ` ${rng.pick(INVISIBLE_CHARS)}` : ' '));
      const inside = (claim: string) =>
        esc(
          claim
            .split(' ')
            .map((w) => (w.length > 3 && rng.chance(0.6) ? w.slice(0, 2) + rng.pick(INVISIBLE_CHARS) + w.slice(2) : w))
            .join(rng.chance(0.5) ? `${rng.pick(INVISIBLE_CHARS)} ` : ' '),
        );
      const body = sentences.map((s) =>
        variant === 'inside-claims'
          ? `<p>${rng.pick(INVISIBLE_CHARS)}${sentenceHtml(s, inside)}</p>`
          : `<p>${rng.pick(INVISIBLE_CHARS)}${sentenceHtml(s, esc).replace(/(, | the | and )/g, (m) => sprinkle(m))}${rng.pick(INVISIBLE_CHARS)}</p>`,
      );
      return { variant, route: html(newsPage({ body: [...fillerParagraphs(rng, 1).map(sprinkle), ...body] })), expected: claimsOf(sentences) };
    },
  },
  {
    name: 'bidi',
    build(rng) {
      const sentences = pickSentences(rng, 1, 3);
      const bonus: ClaimSentence[] = [];
      const body = sentences.map((s) => {
        const style = rng.pick(['marks', 'isolates', 'bdi', 'rtl-paragraph']);
        if (style === 'marks') return `<p>${rng.pick(BIDI_CHARS)}${sentenceHtml(s, (c) => `${rng.pick(['\u200e', '\u200f'])}${esc(c)}${rng.pick(['\u200e', '\u200f'])}`)}</p>`;
        if (style === 'isolates') return `<p>\u2067${esc(rng.pick(RTL_SENTENCES))}\u2069 ${sentenceHtml(s, (c) => `\u2066${esc(c)}\u2069`)}</p>`;
        if (style === 'bdi') return `<p>${sentenceHtml(s, (c) => `<bdi>${esc(c)}</bdi>`)} <bdi>${esc(rng.pick(RTL_SENTENCES))}</bdi></p>`;
        return `<p dir="rtl">${esc(rng.pick(RTL_SENTENCES))} <span dir="ltr">${esc(s.text)}</span></p>`;
      });
      // bdo dir=rtl draws the letters backwards: the reader does not see the claim as written.
      if (rng.chance(0.5)) {
        const s = rng.pick(CLAIM_SENTENCES);
        bonus.push(s);
        body.push(`<p><bdo dir="rtl">${esc(s.text)}</bdo></p>`);
      }
      return { variant: `${sentences.length}-sentences`, route: html(newsPage({ body })), expected: claimsOf(sentences), bonus: claimsOf(bonus) };
    },
  },
  {
    name: 'rtl',
    build(rng) {
      const sentences = pickSentences(rng, 1, 3);
      const body = [
        ...RTL_SENTENCES.map((t) => `<p>${esc(t)}</p>`),
        ...sentences.map((s, i) => (i % 2 ? `<p dir="ltr" lang="en">${esc(s.text)}</p>` : `<p>${esc(rng.pick(RTL_SENTENCES))} ${esc(s.text)}</p>`)),
      ];
      const variant = rng.pick(['ar', 'he']);
      return { variant, route: html(newsPage({ htmlAttrs: `dir="rtl" lang="${variant}"`, body })), expected: claimsOf(sentences) };
    },
  },
  {
    name: 'split-inline',
    build(rng) {
      const sentences = pickSentences(rng, 1, 3);
      const body = sentences.map((s) => `<p>${sentenceHtml(s, (c) => splitInline(rng, c))}</p>`);
      return { variant: `${sentences.length}-sentences`, route: html(newsPage({ body: [...fillerParagraphs(rng, 1), ...body] })), expected: claimsOf(sentences) };
    },
  },
  {
    name: 'iframes',
    build(rng, { id, origins }) {
      const { body, claims } = ordinary(rng);
      const extra: HostilePage['extra'] = [];
      const bonus: string[] = [];
      const frames: string[] = [];
      const kinds = rng.sample(['same-origin', 'srcdoc', 'cross-origin', 'cross-site', 'sandboxed', 'nested'], rng.int(1, 3));
      kinds.forEach((k, i) => {
        const inner = pickSentences(rng, 1, 2);
        bonus.push(...claimsOf(inner));
        const doc = newsPage({ title: 'Framed story', body: paragraphs(inner) });
        const path = `/world/${PAGE_PATH_DATE}/frame-${id}-${i}`;
        if (k === 'srcdoc') frames.push(`<iframe srcdoc="${esc(doc)}"></iframe>`);
        else if (k === 'same-origin' || k === 'sandboxed') {
          extra.push({ server: 'main', path, route: html(doc) });
          frames.push(`<iframe src="${path}"${k === 'sandboxed' ? ' sandbox=""' : ''}></iframe>`);
        } else if (k === 'cross-origin' || k === 'cross-site') {
          extra.push({ server: 'other', path, route: html(doc) });
          frames.push(`<iframe src="${k === 'cross-origin' ? origins.other : origins.otherSite}${path}"></iframe>`);
        } else {
          const innerPath = `${path}-inner`;
          extra.push({ server: 'other', path: innerPath, route: html(doc) });
          extra.push({ server: 'main', path, route: html(newsPage({ title: 'Outer frame', body: [`<iframe src="${origins.otherSite}${innerPath}"></iframe>`] })) });
          frames.push(`<iframe src="${path}"></iframe>`);
        }
      });
      return { variant: kinds.join('+'), route: html(newsPage({ body: [...body, ...frames] })), expected: claims, bonus, extra };
    },
  },
  {
    name: 'shadow-roots',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 2);
      const mode = rng.pick(['open', 'closed']);
      const how = rng.pick(['script', 'declarative', 'nested']);
      const inside = rng.pick(CLAIM_SENTENCES);
      const slotted = rng.pick(CLAIM_SENTENCES);
      // Slotted light-DOM text is ordinary page text the reader sees: it must be badged.
      if (how === 'declarative') {
        const host = `<div class="embed"><template shadowrootmode="${mode}"><p>${esc(inside.text)}</p><slot></slot></template><p>${esc(slotted.text)}</p></div>`;
        return { variant: `${mode}-${how}`, route: html(newsPage({ body: [...body, host] })), expected: [...claims, ...slotted.claims], bonus: inside.claims };
      }
      const levels = how === 'nested' ? rng.int(2, 5) : 1;
      const script = `(function () {
        var host = document.getElementById('shadow-host');
        for (var i = 0; i < ${levels}; i++) {
          var root = host.attachShadow({ mode: '${mode}' });
          ${mode === 'closed' ? '__fuzz.root(root);' : ''}
          var p = document.createElement('p');
          p.textContent = i === ${levels - 1} ? ${JSON.stringify(inside.text)} : 'Layer ' + i + ' of the embed.';
          root.appendChild(p);
          root.appendChild(document.createElement('slot'));
          var next = document.createElement('div');
          root.appendChild(next);
          host = next;
        }
      })();`;
      const host = `<div id="shadow-host"><p>${esc(slotted.text)}</p></div>`;
      return { variant: `${mode}-${how}`, route: html(newsPage({ body: [...body, host], script })), expected: [...claims, ...slotted.claims], bonus: inside.claims };
    },
  },
  {
    name: 'editors',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 2);
      const zoneText = () => esc(rng.pick(CLAIM_SENTENCES).text);
      const zones = [
        `<div contenteditable="true" data-hostile-zone="editor"><p>${zoneText()}</p><p>${zoneText()}</p></div>`,
        `<div contenteditable="plaintext-only" data-hostile-zone="editor">${zoneText()}</div>`,
        `<div contenteditable=""><p data-hostile-zone="editor">${zoneText()}</p></div>`,
        `<textarea data-hostile-zone="field" rows="4" cols="60">${zoneText()}</textarea>`,
        `<input data-hostile-zone="field" size="80" value="${zoneText()}">`,
        // Labels, legends, options and buttons belong to form fields; a badge there would activate the field.
        `<form><label data-hostile-zone="field">${zoneText()} <input name="q"></label><fieldset><legend data-hostile-zone="field">${zoneText()}</legend></fieldset><select data-hostile-zone="field"><option>${zoneText()}</option></select><button type="button" data-hostile-zone="field">${zoneText()}</button></form>`,
      ];
      const variant = rng.pick(['static', 'typing', 'design-mode']);
      const chosen = rng.sample(zones, rng.int(2, zones.length));
      if (variant === 'design-mode') {
        // The whole document becomes an editor: nothing in it may be badged.
        const script = `document.designMode = 'on'; document.body.setAttribute('data-hostile-zone', 'editor');`;
        return { variant, route: html(newsPage({ body: [...body, ...chosen], script })), expected: [], bonus: [] };
      }
      let script: string | undefined;
      if (variant === 'typing') {
        // The reader types a claim into an editor after the page has been read.
        const typed = rng.pick(CLAIM_SENTENCES).text;
        script = `setTimeout(function () {
          var ed = document.createElement('div');
          ed.setAttribute('contenteditable', 'true');
          ed.setAttribute('data-hostile-zone', 'editor');
          document.querySelector('article').appendChild(ed);
          ed.focus();
          document.execCommand('insertText', false, ${JSON.stringify(typed)});
          __fuzz.rebase();
          setTimeout(function () { __fuzz.done = true; }, 800);
        }, 300);`;
      }
      return { variant, route: html(newsPage({ body: [...body, ...chosen], ...(script ? { script } : {}) })), expected: claims, scripted: variant === 'typing' };
    },
  },
  {
    name: 'hidden-text',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 2);
      const t = () => esc(rng.pick(CLAIM_SENTENCES).text);
      const hidden = [
        `<div style="display:none" data-hostile-zone="hidden"><p>${t()}</p></div>`,
        `<p hidden data-hostile-zone="hidden">${t()}</p>`,
        `<div style="visibility:hidden" data-hostile-zone="hidden"><p>${t()}</p></div>`,
        `<div class="gone" data-hostile-zone="hidden"><p>${t()}</p></div>`,
        `<details><summary>More</summary><p data-hostile-zone="hidden">${t()}</p></details>`,
        `<template><p>${t()}</p></template>`,
        `<noscript data-hostile-zone="hidden"><p>${t()}</p></noscript>`,
      ];
      const chosen = rng.sample(hidden, rng.int(2, hidden.length));
      return {
        variant: `${chosen.length}-hidden`,
        route: html(newsPage({ head: '<style>.gone { display: none; }</style>', body: [...body, ...chosen] })),
        expected: claims,
      };
    },
  },
  {
    name: 'proto-patch',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const thrower = `function () { throw new Error('hostile page: no'); }`;
      const sets: Record<string, string> = {
        element: `['attachShadow','append','prepend','after','before','remove','replaceWith','insertAdjacentElement','insertAdjacentText','querySelector','querySelectorAll','closest','matches','getAttribute','setAttribute','hasAttribute','getBoundingClientRect','getClientRects','checkVisibility','scrollIntoView','animate'].forEach(function (m) { Element.prototype[m] = ${thrower}; });
          HTMLElement.prototype.focus = ${thrower}; HTMLElement.prototype.click = ${thrower};
          Object.defineProperty(Element.prototype, 'shadowRoot', { get: ${thrower} });
          Object.defineProperty(Element.prototype, 'innerHTML', { get: ${thrower}, set: ${thrower} });`,
        node: `['appendChild','insertBefore','removeChild','replaceChild','contains','cloneNode','normalize','compareDocumentPosition','getRootNode'].forEach(function (m) { Node.prototype[m] = ${thrower}; });
          Object.defineProperty(Node.prototype, 'textContent', { get: ${thrower}, set: ${thrower} });
          Object.defineProperty(Node.prototype, 'parentElement', { get: function () { return null; } });
          Text.prototype.splitText = ${thrower};
          Object.defineProperty(CharacterData.prototype, 'data', { get: function () { return 'hostile'; }, set: ${thrower} });`,
        document: `['createElement','createElementNS','createRange','createTreeWalker','createTextNode','querySelector','querySelectorAll','getElementById','getElementsByTagName','addEventListener'].forEach(function (m) { Document.prototype[m] = ${thrower}; document[m] = ${thrower}; });
          ['insertNode','setStart','setEnd','collapse','getBoundingClientRect','selectNodeContents'].forEach(function (m) { Range.prototype[m] = ${thrower}; });
          window.getComputedStyle = ${thrower}; window.getSelection = ${thrower};`,
        events: `EventTarget.prototype.addEventListener = ${thrower}; EventTarget.prototype.removeEventListener = ${thrower}; EventTarget.prototype.dispatchEvent = ${thrower};
          window.MutationObserver = function () { throw new Error('hostile page: no observers'); };
          window.requestIdleCallback = ${thrower}; window.requestAnimationFrame = ${thrower}; window.setTimeout = ${thrower}; window.setInterval = ${thrower}; window.queueMicrotask = ${thrower};
          window.IntersectionObserver = function () { throw new Error('hostile page'); }; window.ResizeObserver = window.IntersectionObserver;
          window.CSSStyleSheet = function () { throw new Error('hostile page'); };`,
      };
      const variant = rng.pick([...Object.keys(sets), 'all']);
      const script = variant === 'all' ? Object.values(sets).join('\n') : sets[variant]!;
      return { variant, route: html(newsPage({ body, script })), expected: claims };
    },
  },
  {
    name: 'builtins-patch',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const thrower = `function () { throw new Error('hostile page: no'); }`;
      const sets: Record<string, string> = {
        array: `['map','forEach','filter','push','pop','shift','unshift','includes','indexOf','join','slice','splice','some','every','find','findIndex','reduce','sort','reverse','concat','entries','keys','values','flat','flatMap','at'].forEach(function (m) { Array.prototype[m] = ${thrower}; });
          Array.prototype[Symbol.iterator] = ${thrower}; Array.from = ${thrower}; Array.of = ${thrower};`,
        json: `JSON.stringify = ${thrower}; JSON.parse = ${thrower}; window.structuredClone = ${thrower};
          Object.assign = ${thrower}; Object.entries = ${thrower}; Object.fromEntries = ${thrower}; Object.values = ${thrower};`,
        promise: `Promise.prototype.then = ${thrower}; Promise.prototype.catch = ${thrower}; Promise.prototype.finally = ${thrower}; Promise.resolve = ${thrower}; Promise.all = ${thrower};`,
        string: `['slice','substring','indexOf','lastIndexOf','replace','replaceAll','split','trim','toLowerCase','toUpperCase','normalize','startsWith','endsWith','includes','match','padStart'].forEach(function (m) { String.prototype[m] = function () { return 'hostile'; }; });
          RegExp.prototype.test = function () { return true; }; RegExp.prototype.exec = function () { return null; };`,
        collections: `[Map, Set, WeakMap, WeakSet].forEach(function (C) { ['get','set','has','add','delete','clear','forEach'].forEach(function (m) { if (m in C.prototype) C.prototype[m] = ${thrower}; }); });
          Math.max = function () { return NaN; }; Math.min = Math.max; Number.isInteger = function () { return false; };`,
      };
      const variant = rng.pick([...Object.keys(sets), 'all']);
      // Array last: the other patches use forEach while they run.
      const all = ['json', 'promise', 'string', 'collections', 'array'].map((k) => sets[k]).join('\n');
      const script = variant === 'all' ? all : sets[variant]!;
      return { variant, route: html(newsPage({ body, script })), expected: claims };
    },
  },
  {
    name: 'custom-element',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const variant = rng.pick(['closed-shadow', 'self-removing', 'hiding', 'page-own-badges', 'card-taken']);
      const definitions: Record<string, string> = {
        'closed-shadow': `customElements.define('factcheck-badge', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'closed' }).innerHTML = '<b>page widget</b>'; } });`,
        'self-removing': `customElements.define('factcheck-badge', class extends HTMLElement { connectedCallback() { this.remove(); } });`,
        hiding: `customElements.define('factcheck-badge', class extends HTMLElement { connectedCallback() { this.style.setProperty('display', 'none', 'important'); } });`,
        'page-own-badges': `customElements.define('factcheck-badge', class extends HTMLElement { static get observedAttributes() { return ['data-verdict', 'class', 'style']; } attributeChangedCallback() { this.setAttribute('data-page', '1'); } });`,
        'card-taken': `customElements.define('factcheck-card', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'closed' }); } });`,
      };
      const own = variant === 'page-own-badges' ? [`<p>Our own widget: <factcheck-badge>Page badge text</factcheck-badge> stays.</p>`] : [];
      // With the name taken by a closed shadow root or a self-removing element, our badge cannot be drawn as
      // `factcheck-badge`; the page must still not break.
      const required = variant === 'closed-shadow' || variant === 'self-removing' ? [] : claims;
      return {
        variant,
        route: html(newsPage({ body: [...body, ...own], earlyScript: definitions[variant]! })),
        expected: required,
        bonus: required.length ? [] : claims,
      };
    },
  },
  {
    name: 'hostile-css',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const sheets: Record<string, string> = {
        'all-unset': `* { all: unset !important; }`,
        'badge-hidden': `factcheck-badge, factcheck-card { display: none !important; } factcheck-badge::before { content: 'hidden by page'; }`,
        'display-contents': `article, article p { display: contents !important; }`,
        'pointer-none': `* { pointer-events: none !important; user-select: none !important; cursor: none !important; }`,
        'generated-claims': `p::before { content: 'President Donald Trump said: '; } p::after { content: attr(class); }`,
        'vertical-rotated': `article { writing-mode: vertical-rl; transform: rotate(180deg); } p { columns: 3; }`,
        tiny: `html { zoom: 0.2; } p { font-size: 1px !important; line-height: 0 !important; }`,
        'content-visibility': `p { content-visibility: auto; contain-intrinsic-size: 10px 500px; }`,
        'fixed-pile': `* { position: fixed !important; inset: 0 !important; }`,
        spinning: `@keyframes k { to { transform: rotate(1turn); } } * { animation: k 0.3s infinite linear !important; }`,
        'shadow-piercing': `:root * { all: revert !important; font: 40px serif !important; } ::slotted(*) { display: none; } :host { display: none !important; }`,
      };
      const variant = rng.pick(Object.keys(sheets));
      return { variant, route: html(newsPage({ head: `<style>${sheets[variant]}</style>`, body })), expected: claims };
    },
  },
  {
    name: 'strict-csp',
    build(rng, { id }) {
      const { body, claims } = ordinary(rng, 1, 3);
      const variant = rng.pick(['header', 'meta', 'trusted-types', 'sandbox']);
      const strict = `default-src 'none'; style-src 'self'`;
      const policy = variant === 'trusted-types' ? `${strict}; require-trusted-types-for 'script'; trusted-types 'none'` : variant === 'sandbox' ? `sandbox; ${strict}` : strict;
      const cssPath = `/assets/hostile-${id}.css`;
      const head = `<link rel="stylesheet" href="${cssPath}">${variant === 'meta' ? `<meta http-equiv="Content-Security-Policy" content="${strict}">` : ''}`;
      // Declarative shadow DOM needs no script, so it is there even under `default-src 'none'`.
      const extraBody = rng.chance(0.5) ? ['<div><template shadowrootmode="open"><p>Embedded note.</p><slot></slot></template><p>A slotted filler line about the weather.</p></div>'] : [];
      return {
        variant,
        route: html(newsPage({ head, body: [...body, ...extraBody] }), variant === 'meta' ? undefined : { 'content-security-policy': policy }),
        extra: [{ server: 'main', path: cssPath, route: { contentType: 'text/css', body: 'body { font: 18px Georgia, serif; } article { max-width: 40em; }' } }],
        expected: claims,
      };
    },
  },
  {
    name: 'removes-badges',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const acts: Record<string, string> = {
        'remove-on-sight': `(function sweep() { document.querySelectorAll('factcheck-badge').forEach(function (b) { b.remove(); __fuzz.removed(); }); new MutationObserver(function () { document.querySelectorAll('factcheck-badge').forEach(function (b) { b.remove(); __fuzz.removed(); }); }).observe(document.documentElement, { childList: true, subtree: true }); })();`,
        'wipe-shadow': `document.querySelectorAll('factcheck-badge').forEach(function (b) { if (b.shadowRoot) b.shadowRoot.replaceChildren(); });`,
        'move-to-footer': `document.querySelectorAll('factcheck-badge').forEach(function (b) { document.querySelector('footer').appendChild(b); });`,
        'unwrap-and-clone': `document.querySelectorAll('factcheck-badge').forEach(function (b) { b.replaceWith(b.cloneNode(true)); __fuzz.removed(); });`,
      };
      const variant = rng.pick(Object.keys(acts));
      return { variant, route: html(newsPage({ body, script: ON_FIRST_BADGE(acts[variant]!, 800) })), expected: [], bonus: claims, scripted: true };
    },
  },
  {
    name: 'rewrites-text',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const acts: Record<string, string> = {
        'text-content': `var p = badge.closest('p'); if (p) p.textContent = p.textContent.replace(/Olaf Scholz|Donald Trump|Marco Rubio/, 'Friedrich Merz') + ' (updated)';`,
        'node-data': `var t = badge.previousSibling; if (t && t.nodeType === 3) t.data = t.data + ' (corrected)'; var n = badge.nextSibling; if (n && n.nodeType === 3) n.data = ' and more' + n.data;`,
        'rehydrate': `var a = document.querySelector('article'); a.innerHTML = window.__savedArticle;`,
        'normalize': `var p = badge.parentNode; badge.remove(); p.normalize();`,
        'replace-nodes': `var p = badge.parentNode; Array.prototype.slice.call(p.childNodes).forEach(function (c) { if (c.nodeType === 3) c.replaceWith(document.createTextNode(c.data)); });`,
      };
      const variant = rng.pick(Object.keys(acts));
      const save = `window.__savedArticle = document.querySelector('article').innerHTML;`;
      return { variant, route: html(newsPage({ body, script: save + ON_FIRST_BADGE(acts[variant]!, 800) })), expected: [], bonus: claims, scripted: true };
    },
  },
  {
    name: 'late-content',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 2);
      const late = pickSentences(rng, 1, 2);
      const variant = rng.pick(['append', 'spa-navigation']);
      const lateHtml = JSON.stringify(paragraphs(late).join(''));
      const script =
        variant === 'append'
          ? `setTimeout(function () { document.querySelector('article').insertAdjacentHTML('beforeend', ${lateHtml}); __fuzz.rebase(); setTimeout(function () { __fuzz.done = true; }, 1200); }, 400);`
          : `setTimeout(function () { history.pushState({}, '', location.pathname + '-next'); var a = document.querySelector('article'); a.innerHTML = '<h1>Next story</h1>' + ${lateHtml}; __fuzz.rebase(); setTimeout(function () { __fuzz.done = true; }, 1200); }, 400);`;
      return {
        variant,
        route: html(newsPage({ body, script })),
        // After an SPA navigation the first story is gone; its claims cannot be expected.
        expected: variant === 'append' ? claims : [],
        bonus: claimsOf(late),
        scripted: true,
      };
    },
  },
  {
    name: 'dom-clobbering',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const variant = rng.pick(['globals', 'document-props', 'form-wrapper']);
      if (variant === 'document-props') {
        // Named images and forms shadow the document's own properties and methods, in every world.
        const names = ['body', 'head', 'title', 'documentElement', 'createElement', 'createRange', 'createTreeWalker', 'querySelector', 'querySelectorAll', 'getElementsByTagName', 'addEventListener', 'defaultView', 'readyState', 'contentType', 'designMode'];
        const clobber = rng.sample(names, rng.int(2, 6)).map((n, i) => (i % 2 ? `<img name="${n}" alt="">` : `<form name="${n}"></form>`));
        return { variant: `${variant}`, route: html(newsPage({ body: [...body, `<div hidden>${clobber.join('')}</div>`] })), expected: claims };
      }
      if (variant === 'globals') {
        const names = ['browser', 'chrome', 'runtime', 'customElements', 'ctx', 'annotator', 'requestIdleCallback', 'CSSStyleSheet', 'MutationObserver', 'getComputedStyle', 'location', 'document', 'top', 'self', 'content'];
        const clobber = rng.sample(names, rng.int(3, names.length)).map((n, i) =>
          i % 2 ? `<form name="${n}"><input name="runtime"><input name="id"><input name="sendMessage"></form>` : `<a id="${n}" href="/x">${n}</a>`,
        );
        return { variant, route: html(newsPage({ body: [...body, `<div hidden>${clobber.join('')}</div>`] })), expected: claims };
      }
      // An ASP.NET-style page: one form wraps the whole site, and its fields' names shadow DOM properties.
      const fields = ['parentNode', 'nextSibling', 'firstChild', 'lastChild', 'nodeType', 'localName', 'tagName', 'nodeName', 'getAttribute', 'hasAttribute', 'attributes', 'children', 'childNodes', 'textContent', 'id', 'className', 'style', 'parentElement', 'contains', 'querySelector'];
      const inputs = rng.sample(fields, rng.int(4, fields.length)).map((f) => `<input type="hidden" name="${f}" value="x">`).join('');
      const page = newsPage({ body }).replace('<body>', `<body><form id="aspnetForm" method="post" action="/x">${inputs}`).replace('</body>', '</form></body>');
      return { variant, route: html(page), expected: claims };
    },
  },
  {
    name: 'odd-documents',
    build(rng) {
      const sentences = pickSentences(rng, 1, 2);
      const text = sentences.map((s) => s.text).join(' ');
      const variant = rng.pick(['svg', 'text-plain', 'xml', 'json', 'xhtml', 'frameset', 'no-body', 'replaced-root']);
      const bonus = claimsOf(sentences);
      switch (variant) {
        case 'svg':
          return {
            variant,
            route: {
              contentType: 'image/svg+xml',
              body: `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><title>Chart</title><text x="10" y="30">${esc(sentences[0]!.text)}</text><foreignObject x="0" y="50" width="800" height="300"><div xmlns="http://www.w3.org/1999/xhtml"><article><h1>Chart notes</h1><p>${esc(text)}</p></article></div></foreignObject></svg>`,
            },
            expected: [],
            bonus,
          };
        case 'text-plain':
          return { variant, route: { contentType: 'text/plain; charset=utf-8', body: `Leaders weigh security guarantees\n19 August 2025\n\n${text}\n` }, expected: [], bonus };
        case 'xml':
          return {
            variant,
            route: { contentType: 'application/xml', body: `<?xml version="1.0"?><feed><entry><title>Talks</title><published>2025-08-19</published><article><p>${esc(text)}</p></article></entry></feed>` },
            expected: [],
            bonus,
          };
        case 'json':
          return { variant, route: { contentType: 'application/json', body: JSON.stringify({ date: '2025-08-19', paragraphs: sentences.map((s) => s.text) }) }, expected: [], bonus };
        case 'xhtml':
          return {
            variant,
            route: {
              contentType: 'application/xhtml+xml',
              body: `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Talks</title><meta property="article:published_time" content="2025-08-19T07:30:00+00:00"/></head><body><article><h1>Talks</h1>${paragraphs(sentences).join('')}</article></body></html>`,
            },
            expected: [],
            bonus,
          };
        case 'frameset':
          return {
            variant,
            route: html(`<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="/nothing-a"><frame src="/nothing-b"></frameset></html>`),
            extra: [
              { server: 'main', path: '/nothing-a', route: html('<!doctype html><title>a</title><p>Left.</p>') },
              { server: 'main', path: '/nothing-b', route: html('<!doctype html><title>b</title><p>Right.</p>') },
            ],
            expected: [],
          };
        case 'no-body':
          // The page removes its body while loading: an html element with only a head.
          return { variant, route: html(newsPage({ body: paragraphs(sentences), script: `document.documentElement.removeChild(document.body);` })), expected: [], bonus };
        default:
          // The page swaps in a whole new root element before it finishes loading.
          return {
            variant,
            route: html(
              newsPage({
                body: ['<p>Loading…</p>'],
                script: `var h = document.createElement('html'); h.innerHTML = ${JSON.stringify(`<head><title>Talks</title></head><body><article><h1>Talks</h1>${paragraphs(sentences).join('')}</article></body>`)}; document.replaceChild(h, document.documentElement);`,
              }),
            ),
            expected: claimsOf(sentences),
          };
      }
    },
  },
  {
    name: 'event-hostile',
    build(rng) {
      const { body, claims } = ordinary(rng, 1, 3);
      const script = `['click', 'keydown', 'keyup', 'pointerdown', 'mousedown', 'focusin', 'focus', 'blur'].forEach(function (type) {
          window.addEventListener(type, function (e) { e.stopImmediatePropagation(); e.preventDefault(); }, true);
          document.addEventListener(type, function (e) { e.stopImmediatePropagation(); e.preventDefault(); }, true);
        });
        window.onerror = function () { return true; };
        document.addEventListener('selectionchange', function () { var s = getSelection(); if (s) s.removeAllRanges(); });`;
      return { variant: 'swallow-events', route: html(newsPage({ body, script })), expected: claims };
    },
  },
];

export const KIND_NAMES = KINDS.map((k) => k.name);

/**
 * Page `i` of a run: kinds take turns so every kind appears about equally often; the
 * variant and content come from the seed, so a page can be rebuilt from (seed, i) alone.
 */
export function buildPage(seed: number, i: number, origins: Origins, kinds: readonly string[] = KIND_NAMES): HostilePage {
  const kind = KINDS.find((k) => k.name === kinds[i % kinds.length])!;
  const path = `/world/${PAGE_PATH_DATE}/hostile-${i}-${kind.name}`;
  const built = kind.build(new Rng(seed).fork(i), { id: i, path, origins });
  return { id: i, kind: kind.name, path, extra: [], bonus: [], scripted: false, ...built };
}
