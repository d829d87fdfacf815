import { findArticleRoot } from './article-root.ts';
import { findPageDate } from './page-date.ts';
import { readArticleAt, type ReadArticleOptions } from './read-article.ts';
import type { DomSegment, PageDate } from './types.ts';

export interface PageReading {
  segments: DomSegment[];
  pageDate: PageDate | null;
}

/**
 * The article's blocks and the page's date in one go: both need the article
 * root, and finding it is the one full pass over a large page.
 */
export function readPage(doc: Document, url: string, options: ReadArticleOptions = {}): PageReading {
  let article;
  try {
    article = findArticleRoot(doc, options.isVisible);
  } catch {
    return { segments: [], pageDate: findPageDate(doc, url, { article: null, segments: [] }) };
  }
  let segments: DomSegment[] = [];
  try {
    segments = article ? readArticleAt(article, options) : [];
  } catch {
    // As in readArticle: an odd page has no article text rather than an error.
  }
  return { segments, pageDate: findPageDate(doc, url, { article, segments }) };
}
