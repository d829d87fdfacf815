/** Small invented pages for the page-reading tests. */
import { parseHTML } from 'linkedom';

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A whole page with the given head and body markup. */
export function page(body: string, head = ''): Document {
  return parse(`<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

/** Site furniture around a story, as most news pages have it. */
export const SITE_HEADER = `
  <header class="site-header" role="banner">
    <a class="logo" href="/">The Harbour Gazette</a>
    <nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>`;

export const SITE_FOOTER = `
  <footer class="site-footer"><p>Copyright The Harbour Gazette. Footer-only sentence.</p></footer>`;

export const STORY_PARAGRAPHS = `
  <p>Finance Minister Ada Lindqvist presented the spring budget to parliament on Tuesday, promising lower taxes for small firms.</p>
  <p>The opposition said the plan relied on optimistic growth forecasts and would widen the deficit next year.</p>
  <p>Economists at two regional banks said the measures were modest and unlikely to change the central bank's course.</p>`;

export function joined(segments: Array<{ text: string }>): string {
  return segments.map((s) => s.text).join('\n');
}
