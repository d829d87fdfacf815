import { parseHTML } from 'linkedom';
import { analyzePage } from '../../lib/analysis/analyze-page';
import { findPageDate, readArticle } from '../../lib/page';
import type { PageDate, Segment } from '../../lib/page/types';
import { ReferenceIndex } from '../../lib/reference/reference-index';
import type { CheckedClaim } from '../../lib/verify/types';
import { loadSources } from './load-sources';

let cached: ReferenceIndex | null = null;

/** The reference data from data/, as the extension would ship it. */
export function loadReferenceIndex(): ReferenceIndex {
  cached ??= new ReferenceIndex(loadSources().dataset);
  return cached;
}

export interface NodePageResult {
  pageDate: PageDate | null;
  segments: Segment[];
  claims: CheckedClaim[];
}

/** Runs the extension's own page reading and checking on an HTML string, as if served from `url`. */
export function checkHtml(index: ReferenceIndex, html: string, url: string): NodePageResult {
  const { document } = parseHTML(html);
  const segments = readArticle(document as unknown as Document).map(({ nodes: _nodes, ...segment }) => segment);
  const pageDate = findPageDate(document as unknown as Document, url);
  return { pageDate, segments, claims: analyzePage(index, { segments, pageDate }) };
}
