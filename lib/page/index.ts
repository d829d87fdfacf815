/** Page reading: the article's text blocks and the page's publication date. */
export type { BlockKind, DomSegment, PageDate, PageDateSource, Segment } from './types.ts';
export { readArticle, type ReadArticleOptions } from './read-article.ts';
export { findPageDate, type FindPageDateOptions } from './page-date.ts';
export { readPage, type PageReading } from './read-page.ts';
export { findEntryDates } from './live-entries.ts';
export { findDateInText, parseDateValue } from './date-text.ts';
