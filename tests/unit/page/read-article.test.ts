import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { findArticleRootInSteps } from '../../../lib/page/article-root.ts';
import { readArticle, readArticleAtInSteps } from '../../../lib/page/read-article.ts';
import type { Steps } from '../../../lib/scheduling/slices.ts';
import type { DomSegment } from '../../../lib/page/types.ts';
import { joined, page, parse, SITE_FOOTER, SITE_HEADER, STORY_PARAGRAPHS } from './fixtures.ts';

/** Every node's data sits at its offset, and the nodes tile the text exactly. */
function expectNodesTileText(seg: DomSegment): void {
  let pos = 0;
  for (const { node, start } of seg.nodes) {
    expect(start).toBe(pos);
    expect(seg.text.slice(start, start + node.data.length)).toBe(node.data);
    pos += node.data.length;
  }
  expect(pos).toBe(seg.text.length);
}

function storyWith(extra: string): Document {
  return page(`${SITE_HEADER}
    <main>
      <article>
        <h1>Budget promises tax relief for small firms</h1>
        ${STORY_PARAGRAPHS}
        ${extra}
      </article>
    </main>${SITE_FOOTER}`);
}

describe('readArticle: what is not article text', () => {
  test.each([
    ['nav', '<nav><a href="/a">Zebra section</a> <span>Zebra menu text</span></nav>'],
    ['aside', '<aside><p>Zebra factbox paragraph that is long enough to count as text.</p></aside>'],
    ['footer inside the article', '<footer><p>Zebra article footer.</p></footer>'],
    ['comments box', '<section id="comments"><p>Zebra reader comment about the budget.</p></section>'],
    ['comment thread by class', '<div class="comment-thread"><p>Zebra reply.</p></div>'],
    ['cookie banner', '<div class="cookie-banner"><p>Zebra cookies are used.</p></div>'],
    ['consent dialog', '<div class="consentWall"><p>Zebra consent text.</p></div>'],
    ['related links', '<div class="related-stories"><ul><li>Zebra related headline</li></ul></div>'],
    ['recirculation', '<div class="recirc_module"><p>Zebra more stories.</p></div>'],
    ['newsletter sign-up', '<div class="newsletter"><p>Zebra sign up for our daily briefing.</p></div>'],
    ['share bar', '<div class="share-tools"><span>Zebra share this</span></div>'],
    ['social links', '<div class="social"><span>Zebra follow us</span></div>'],
    ['ad slot', '<div class="ad-slot"><p>Zebra advertisement</p></div>'],
    ['promo', '<div class="promo"><p>Zebra subscribe offer</p></div>'],
    ['breadcrumb', '<div class="breadcrumb"><span>Zebra crumb</span></div>'],
    ['sidebar class', '<div class="sidebar"><p>Zebra sidebar paragraph.</p></div>'],
    ['role=complementary', '<div role="complementary"><p>Zebra complementary.</p></div>'],
    ['role=navigation', '<div role="navigation"><p>Zebra navigation.</p></div>'],
    ['form', '<form><p>Zebra form label</p><input value="Zebra input"></form>'],
    ['textarea', '<p>Before <textarea>Zebra typed text</textarea> after.</p>'],
    ['input value', '<p><input type="text" value="Zebra"> field</p>'],
    ['button', '<p><button>Zebra button</button></p>'],
    ['select', '<select><option>Zebra option</option></select>'],
    ['contenteditable', '<div contenteditable="true"><p>Zebra draft being edited.</p></div>'],
    ['contenteditable empty value', '<div contenteditable=""><p>Zebra draft.</p></div>'],
    ['plaintext-only editor', '<div contenteditable="plaintext-only">Zebra plain draft.</div>'],
    ['hidden attribute', '<p hidden>Zebra hidden paragraph.</p>'],
    ['aria-hidden', '<div aria-hidden="true"><p>Zebra aria hidden.</p></div>'],
    ['display:none', '<p style="color: red; display : none">Zebra invisible.</p>'],
    ['visibility:hidden', '<p style="visibility:hidden">Zebra invisible.</p>'],
    ['script', '<script>var zebra = "Zebra script";</script>'],
    ['style', '<style>.zebra::after { content: "Zebra style"; }</style>'],
    ['noscript', '<noscript><p>Zebra enable JavaScript.</p></noscript>'],
    ['template', '<template><p>Zebra template.</p></template>'],
    ['svg text', '<svg><text>Zebra chart label</text></svg>'],
    ['iframe fallback', '<iframe>Zebra frame</iframe>'],
    ['own badge', '<p>Chancellor Ada Lindqvist<factcheck-badge>Zebra badge verdict</factcheck-badge> spoke.</p>'],
  ])('%s is skipped', (_name, markup) => {
    const text = joined(readArticle(storyWith(markup)));
    expect(text).toContain('Finance Minister Ada Lindqvist');
    expect(text).not.toContain('Zebra');
  });

  test('site header, navigation and footer outside the article are not read', () => {
    const text = joined(readArticle(storyWith('')));
    expect(text).not.toContain('The Harbour Gazette');
    expect(text).not.toContain('Footer-only');
    expect(text).not.toContain('Politics');
  });

  test('text around a skipped editor in the same paragraph is still read', () => {
    const [, , seg] = readArticle(storyWith('')).filter((s) => s.kind === 'paragraph');
    expect(seg?.text).toContain('Economists');
    const segs = readArticle(storyWith('<p>Before <textarea>typed</textarea> after.</p>'));
    expect(segs.at(-1)?.text).toBe('Before  after.');
  });

  test('contenteditable="false" content is read', () => {
    expect(joined(readArticle(storyWith('<p contenteditable="false">Locked Aardvark sentence.</p>')))).toContain(
      'Locked Aardvark sentence.',
    );
  });

  test('options.isVisible rejects elements the browser would not show', () => {
    const doc = storyWith('<p class="collapsed">Folded Aardvark sentence.</p>');
    expect(joined(readArticle(doc))).toContain('Aardvark');
    const segs = readArticle(doc, { isVisible: (el) => !el.classList.contains('collapsed') });
    expect(joined(segs)).not.toContain('Aardvark');
    expect(joined(segs)).toContain('Finance Minister');
  });

  test.each([
    ['"header" is not "head"', '<div class="story-header"><p>Aardvark header text.</p></div>', true],
    ['"download" is not "ad"', '<div class="download-box"><p>Aardvark download text.</p></div>', true],
    ['"shadow" is not "ad"', '<div class="shadowed"><p>Aardvark shadow text.</p></div>', true],
    ['"ad" by itself', '<div class="top ad"><p>Aardvark ad text.</p></div>', false],
    ['"ad" in camelCase', '<div class="inlineAdUnit"><p>Aardvark ad text.</p></div>', false],
    ['"ad" after an underscore', '<div id="story_ad"><p>Aardvark ad text.</p></div>', false],
  ])('class tokens match whole words: %s', (_name, markup, kept) => {
    expect(joined(readArticle(storyWith(markup))).includes('Aardvark')).toBe(kept);
  });

  test('a content wrapper whose class mentions sharing is still the story', () => {
    const doc = page(`<article><h1>Port strike ends</h1>
      <div class="entry-content has-share-buttons">${STORY_PARAGRAPHS}</div>
      <div class="share-buttons"><a href="#">Share on Zebra</a> <span>Zebra copy link</span></div>
    </article>`);
    const text = joined(readArticle(doc));
    expect(text).toContain('Finance Minister Ada Lindqvist');
    expect(text).not.toContain('Zebra');
  });
});

describe('readArticle: blocks and text', () => {
  test('the headline comes first, even in a header just outside the article', () => {
    const doc = page(`${SITE_HEADER}
      <div class="story">
        <header class="story-head"><h1>Budget promises tax relief for small firms</h1>
          <p class="dek">The plan costs 2 billion crowns.</p></header>
        <article class="story-body">${STORY_PARAGRAPHS}</article>
      </div>${SITE_FOOTER}`);
    const segs = readArticle(doc);
    expect(segs[0]).toMatchObject({ index: 0, kind: 'headline', text: 'Budget promises tax relief for small firms' });
    expect(segs[1]?.text).toContain('Finance Minister Ada Lindqvist');
  });

  test('the headline inside a banner-role article header is read', () => {
    const doc = page(`<article><header role="banner"><h1>Storm closes coastal roads</h1></header>${STORY_PARAGRAPHS}</article>`);
    expect(readArticle(doc)[0]).toMatchObject({ kind: 'headline', text: 'Storm closes coastal roads' });
  });

  test('a site logo h1 is not the headline; the heading matching the title is', () => {
    const doc = page(
      `<div id="masthead"><h1 class="logo">The Harbour Gazette</h1></div>
       <div id="col"><h2 class="story-headline">Ferry fares to rise in spring</h2>
         <div id="storytext">${STORY_PARAGRAPHS}</div></div>`,
      '<title>Ferry fares to rise in spring - The Harbour Gazette</title>',
    );
    const segs = readArticle(doc);
    expect(segs[0]).toMatchObject({ kind: 'headline', text: 'Ferry fares to rise in spring' });
    expect(joined(segs)).not.toContain('The Harbour Gazette');
  });

  test('each block kind is reported', () => {
    const doc = page(`<article>
      <h1>Main headline</h1>
      <p>Opening paragraph of the story.</p>
      <h2>A subheading</h2>
      <ul><li>First point</li><li>Second point</li></ul>
      <blockquote>We will not back down, the mayor said.</blockquote>
      <figure><img src="x.jpg" alt="Zebra alt"><figcaption>The mayor at city hall.</figcaption></figure>
      <dl><dt>Term</dt><dd>Definition</dd></dl>
    </article>`);
    expect(readArticle(doc).map((s) => [s.kind, s.text])).toEqual([
      ['headline', 'Main headline'],
      ['paragraph', 'Opening paragraph of the story.'],
      ['heading', 'A subheading'],
      ['list-item', 'First point'],
      ['list-item', 'Second point'],
      ['quote', 'We will not back down, the mayor said.'],
      ['caption', 'The mayor at city hall.'],
      ['list-item', 'Term'],
      ['list-item', 'Definition'],
    ]);
  });

  test('inline tags are merged into one block and node offsets reproduce the text', () => {
    const doc = page(`<article><p>Yesterday <a href="/p/lindqvist">Finance Minister <b>Ada</b></a> <em>Lind<span>qvist</span></em>, 54, said so.</p></article>`);
    const [seg] = readArticle(doc);
    expect(seg?.text).toBe('Yesterday Finance Minister Ada Lindqvist, 54, said so.');
    expect(seg?.nodes.map((n) => n.node.data)).toEqual(['Yesterday ', 'Finance Minister ', 'Ada', ' ', 'Lind', 'qvist', ', 54, said so.']);
    expectNodesTileText(seg as DomSegment);
  });

  test('nested blocks are read once, by the innermost block', () => {
    const doc = page(`<article>
      <blockquote>Intro words <p>First quoted paragraph.</p><p>Second quoted paragraph.</p> closing words</blockquote>
      <div>Loose text <p>Inner paragraph.</p> tail text</div>
    </article>`);
    const segs = readArticle(doc);
    expect(segs.map((s) => [s.kind, s.text.trim()])).toEqual([
      ['quote', 'Intro words'],
      ['quote', 'First quoted paragraph.'],
      ['quote', 'Second quoted paragraph.'],
      ['quote', 'closing words'],
      ['paragraph', 'Loose text'],
      ['paragraph', 'Inner paragraph.'],
      ['paragraph', 'tail text'],
    ]);
    const allNodes = segs.flatMap((s) => s.nodes.map((n) => n.node));
    expect(new Set(allNodes).size).toBe(allNodes.length);
    segs.forEach(expectNodesTileText);
  });

  test('whitespace-only blocks are dropped and indexes are consecutive', () => {
    const doc = page(`<article><p>   </p><p>\n\t</p><p>One.</p><div>
      </div><p>Two.</p></article>`);
    const segs = readArticle(doc);
    expect(segs.map((s) => [s.index, s.text])).toEqual([
      [0, 'One.'],
      [1, 'Two.'],
    ]);
  });

  test('text is kept exactly as in the DOM (not trimmed or collapsed)', () => {
    const doc = page('<article><p>  Two   spaces\n and a newline </p></article>');
    expect(readArticle(doc)[0]?.text).toBe('  Two   spaces\n and a newline ');
  });
});

describe('readArticle: finding the story', () => {
  test('the main article wins over teaser articles in rails and lists', () => {
    const teaser = (n: number) =>
      `<article class="teaser"><h3>Teaser ${n}</h3><p>Zebra teaser summary number ${n}.</p></article>`;
    const doc = page(`${SITE_HEADER}
      <main>
        <section class="top-stories">${teaser(1)}${teaser(2)}</section>
        <article class="story"><h1>Budget promises tax relief</h1>${STORY_PARAGRAPHS}</article>
        <div class="more">${teaser(3)}${teaser(4)}${teaser(5)}</div>
      </main>`);
    const segs = readArticle(doc);
    expect(segs[0]).toMatchObject({ kind: 'headline', text: 'Budget promises tax relief' });
    expect(joined(segs)).toContain('Finance Minister Ada Lindqvist');
    expect(joined(segs)).not.toContain('Zebra');
  });

  test('itemprop=articleBody is a candidate for the story', () => {
    const doc = page(`<div class="wrap"><h1>Budget promises tax relief</h1>
      <div itemprop="articleBody">${STORY_PARAGRAPHS}</div>
      <div class="rail"><p>Zebra rail paragraph one.</p><p>Zebra rail paragraph two.</p></div></div>`);
    const segs = readArticle(doc);
    expect(segs[0]?.kind).toBe('headline');
    expect(joined(segs)).toContain('Finance Minister');
    expect(joined(segs)).not.toContain('Zebra');
  });

  test('without article or main, the densest block of paragraphs is the story', () => {
    const doc = page(`
      <table><tr><td class="navlinks"><a href="/">Home</a> | <a href="/world">World</a></td></tr></table>
      <table><tr>
        <td><p class="headline">Budget promises tax relief</p><div class="storytext">${STORY_PARAGRAPHS}</div></td>
        <td><p><a href="/x">Zebra other headline one</a></p><p><a href="/y">Zebra other headline two</a></p></td>
      </tr></table>`,
      '<title>Budget promises tax relief - Harbour Gazette</title>');
    const segs = readArticle(doc);
    expect(segs[0]).toMatchObject({ kind: 'headline', text: 'Budget promises tax relief' });
    expect(segs.slice(1).map((s) => s.text.slice(0, 16))).toEqual(['Finance Minister', 'The opposition s', 'Economists at tw']);
  });

  test('a main holding several live entries is read whole', () => {
    const entry = (t: string, text: string) =>
      `<article class="live-entry"><time datetime="${t}">${t}</time><p>${text}</p></article>`;
    const doc = page(`<main><h1>Election night live</h1>
      ${entry('2024-11-06T02:10:00Z', 'Polls have closed in the east.')}
      ${entry('2024-11-06T01:00:00Z', 'Turnout looks high in the capital.')}
      ${entry('2024-11-05T23:40:00Z', 'Counting begins.')}</main>`);
    const text = joined(readArticle(doc));
    expect(text).toContain('Polls have closed');
    expect(text).toContain('Counting begins.');
  });
});

describe('readArticle: odd documents', () => {
  test('5,000-deep nesting does not throw and reads the text', () => {
    const depth = 5000;
    const doc = page(`<article>${'<div>'.repeat(depth)}<p>Deep sentence.</p>${'</div>'.repeat(depth)}</article>`);
    const segs = readArticle(doc);
    expect(segs.map((s) => s.text)).toEqual(['Deep sentence.']);
  });

  test('10,000-deep inline nesting keeps one block', () => {
    const depth = 10000;
    const doc = page(`<article><p>${'<span>'.repeat(depth)}Very deep${'</span>'.repeat(depth)} text.</p></article>`);
    expect(readArticle(doc).map((s) => s.text)).toEqual(['Very deep text.']);
  });

  test('a page with no body text gives no segments', () => {
    expect(readArticle(page(''))).toEqual([]);
    expect(readArticle(page('<nav><a href="/">Home</a></nav>'))).toEqual([]);
  });

  test('a plain-text document rendered as <pre> is one block', () => {
    const doc = page('<pre>Line one of the notice.\nLine two.\n</pre>');
    expect(readArticle(doc).map((s) => [s.kind, s.text])).toEqual([['paragraph', 'Line one of the notice.\nLine two.\n']]);
  });

  test('an SVG document does not throw', () => {
    const doc = parse('<svg xmlns="http://www.w3.org/2000/svg"><text>Label</text></svg>');
    expect(() => readArticle(doc)).not.toThrow();
    expect(readArticle(doc)).toEqual([]);
  });

  test('an XML document without a body does not throw', () => {
    const doc = new DOMParser().parseFromString(
      '<?xml version="1.0"?><feed><entry><title>Item</title><summary>Some text</summary></entry></feed>',
      'text/xml',
    ) as unknown as Document;
    expect(doc.body ?? null).toBeNull();
    expect(Array.isArray(readArticle(doc))).toBe(true);
  });
});

describe('readArticle: cost', () => {
  test('read stepwise, a long page pauses every few hundred nodes and gives the same segments', () => {
    let body = '';
    for (let i = 0; i < 600; i++) body += `<p>Paragraph ${i}: Finance Minister <a href="/p">Ada Lindqvist</a> spoke.</p>`;
    const doc = page(`<h1>Long read</h1><article>${body}</article>`);
    let pauses = 0;
    const found = drive(findArticleRootInSteps(doc), () => pauses++);
    const segments = drive(readArticleAtInSteps(found!), () => pauses++);
    // 600 paragraphs of five nodes each, walked twice: about 6,000 nodes, a pause every 256.
    expect(pauses).toBeGreaterThanOrEqual(20);
    expect(segments.map((s) => s.text)).toEqual(readArticle(doc).map((s) => s.text));
  });


  test('a 1 MB article reads in one linear pass', () => {
    const para = (i: number) =>
      `<p>Paragraph ${i}: Finance Minister <a href="/p">Ada Lindqvist</a> said on <em>Tuesday</em> that the <span>budget</span> would pass, while the opposition disagreed.</p>`;
    let body = '';
    for (let i = 0; i < 5500; i++) body += para(i) + (i % 100 === 0 ? '<div class="share-bar"><a href="#">Share</a></div>' : '');
    const doc = page(`<h1>Long read</h1><article>${body}</article>`);
    const t0 = performance.now();
    const segs = readArticle(doc);
    const elapsed = performance.now() - t0;
    expect(segs).toHaveLength(5501);
    // linkedom is far slower than a browser DOM (about 150 ms here, a few ms in Chrome);
    // the bound only catches work that grows faster than the page.
    expect(elapsed).toBeLessThan(1500);
  });
});

/** Runs stepwise work to the end, counting its pauses. */
function drive<T>(steps: Steps<T>, onPause: () => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onPause();
  }
}
