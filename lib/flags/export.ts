import type { Flag, FlagReason } from '../messaging/protocol';

/** The JSON-LD context every exported annotation names (W3C Web Annotation Data Model). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Reader-facing words for each reason; the codes themselves travel as tags. */
export const REASON_LABELS: Record<FlagReason, string> = {
  'wrong-person': 'Wrong person',
  'wrong-office': 'Wrong office',
  'wrong-date': 'Wrong date',
  'reference-wrong': 'The reference data is wrong',
  other: 'Other',
};

/**
 * Our flag ids are not IRIs (`page#segment:offset`), and an annotation's `id` must be one.
 * A `tag:` URI (RFC 4151) is ours to mint without a server, and carries the claim id so an
 * export imported back lands on the same badge.
 */
const ID_PREFIX = 'tag:officeholder-factcheck,2025:flag;';
/** Tags that say which verdict the badge showed when the reader flagged it. */
const SHOWN_PREFIX = 'verdict-shown:';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'assessing' | 'tagging' | 'commenting';
  value: string;
  format?: 'text/plain';
  language?: string;
}

export interface FlagAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  body: TextualBody[];
  target: {
    source: string;
    selector: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  };
}

export function annotationId(flag: Pick<Flag, 'url' | 'claimId'>): string {
  return `${ID_PREFIX}${encodeURIComponent(flag.claimId)};${encodeURIComponent(flag.url)}`;
}

/** The claim id carried in one of our annotation ids, or null for anyone else's annotation. */
export function claimIdFromAnnotationId(id: unknown): string | null {
  if (typeof id !== 'string' || !id.startsWith(ID_PREFIX)) return null;
  const [claim] = id.slice(ID_PREFIX.length).split(';');
  try {
    return claim ? decodeURIComponent(claim) : null;
  } catch {
    return null;
  }
}

export const shownTag = (verdict: Flag['verdictShown']) => `${SHOWN_PREFIX}${verdict}`;
export const SHOWN_TAG_PREFIX = SHOWN_PREFIX;

/** One flag as a W3C Web Annotation: the reader assesses the quoted text of the page. */
export function flagToAnnotation(flag: Flag): FlagAnnotation {
  const body: TextualBody[] = [
    { type: 'TextualBody', purpose: 'assessing', value: `Disputed: ${REASON_LABELS[flag.reason]}`, format: 'text/plain', language: 'en' },
    { type: 'TextualBody', purpose: 'tagging', value: flag.reason },
    { type: 'TextualBody', purpose: 'tagging', value: shownTag(flag.verdictShown) },
  ];
  if (flag.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: flag.note, format: 'text/plain' });
  return {
    '@context': ANNO_CONTEXT,
    id: annotationId(flag),
    type: 'Annotation',
    motivation: 'assessing',
    created: flag.createdAt,
    body,
    target: {
      source: flag.url,
      selector: { type: 'TextQuoteSelector', exact: flag.quote.exact, prefix: flag.quote.prefix, suffix: flag.quote.suffix },
    },
  };
}

/** A JSON-LD document: a top-level array of annotations, each with its own context so any one can be lifted out. */
export function flagsToJsonLd(flags: Flag[]): string {
  return JSON.stringify(flags.map(flagToAnnotation), null, 2);
}

/** Our own format: the rows as stored, with a header saying what they are. */
export function flagsToJson(flags: Flag[], exportedAt: string): string {
  return JSON.stringify({ format: 'officeholder-factcheck/flags', version: 1, exportedAt, flags }, null, 2);
}

export const CSV_COLUMNS = ['page', 'claim', 'verdict_shown', 'reason', 'note', 'flagged_at', 'exact', 'prefix', 'suffix'] as const;

/**
 * RFC 4180 CSV. Claim text and context come from web pages; a cell starting with
 * = + - @ would run as a formula in a spreadsheet, so such cells get a leading apostrophe.
 */
export function flagsToCsv(flags: Flag[]): string {
  const rows = flags.map((f) => [f.url, f.claimText, f.verdictShown, f.reason, f.note, f.createdAt, f.quote.exact, f.quote.prefix, f.quote.suffix]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
