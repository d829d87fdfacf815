/** Building blocks for the hostile pages: an ordinary news page around whatever each kind adds. */
import { type ClaimSentence, FILLER_SENTENCES, PAGE_DATE_ISO } from './claims';
import type { Rng } from './rng';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A sentence as HTML, with each of its claims passed through `claimHtml` (which gets the
 * claim's plain text and returns markup) and the rest escaped.
 */
export function sentenceHtml(sentence: ClaimSentence, claimHtml: (claim: string) => string = esc): string {
  let html = '';
  let at = 0;
  for (const claim of sentence.claims) {
    const i = sentence.text.indexOf(claim, at);
    if (i < 0) continue;
    html += esc(sentence.text.slice(at, i)) + claimHtml(claim);
    at = i + claim.length;
  }
  return html + esc(sentence.text.slice(at));
}

export function fillerParagraphs(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => `<p>${esc(rng.pick(FILLER_SENTENCES))}</p>`);
}

export interface ArticleParts {
  title?: string;
  htmlAttrs?: string;
  head?: string;
  /** Paragraph markup inside the article, after the headline and byline. */
  body: string[];
  /** Markup after the article (inside main). */
  after?: string;
  /** Scripts at the end of body, run while the page is parsed (before DOMContentLoaded). */
  script?: string;
  /** Scripts at the start of body, before the article is parsed. */
  earlyScript?: string;
}

/** A full news page dated 2025-08-19 with site furniture around the article. */
export function newsPage(parts: ArticleParts): string {
  const title = parts.title ?? 'Leaders weigh security guarantees after Washington talks';
  return `<!doctype html>
<html lang="en"${parts.htmlAttrs ? ` ${parts.htmlAttrs}` : ''}>
<head>
<meta charset="utf-8">
<title>${esc(title)} — The Hostile Ledger</title>
<meta property="article:published_time" content="${PAGE_DATE_ISO}">
${parts.head ?? ''}
</head>
<body>
${parts.earlyScript ? `<script>${parts.earlyScript}</script>` : ''}
<header class="site"><nav><a href="/">The Hostile Ledger</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main>
<article>
<h1>${esc(title)}</h1>
<p class="byline">By Ada Fenwick, diplomatic correspondent · 19 August 2025</p>
${parts.body.join('\n')}
</article>
${parts.after ?? ''}
<aside><h2>Most read</h2><ul><li><a href="/a">Prime minister to unveil housing plan</a></li></ul></aside>
</main>
<footer>© 2025 The Hostile Ledger. An invented outlet for robustness tests.</footer>
${parts.script ? `<script>${parts.script}</script>` : ''}
</body>
</html>`;
}
