/**
 * Who held an office, according to Wikidata: one SPARQL query per office for P39
 * (position held) statements, read with wikibase-sdk.
 *
 * The query walks statements (p:/ps:/pq:/pqv:), not the truthy `wdt:` shortcut: a past
 * holder's P39 statement usually has normal rank while the current one is preferred,
 * and `wdt:` returns only the best rank, so past holders would vanish. Deprecated
 * statements (known to be wrong) are left out.
 */
import { WBK } from 'wikibase-sdk';
import type { DatePrecision } from '../../dates/day';
import { parsePeriod } from '../../dates/day';

export const WIKIDATA_SPARQL_ENDPOINT = 'https://query.wikidata.org/sparql';
/** The host permission the refresh needs (optional in the manifest, asked for when the reader starts it). */
export const WIKIDATA_ORIGIN = 'https://query.wikidata.org/*';
/** "acting" — the value of P5102 (nature of statement) or P2868 (subject has role) on an acting holder's statement. */
export const ACTING_QID = 'Q4676846';
/** Wikimedia asks every client to name itself and how to reach its maintainers. */
export const DEFAULT_USER_AGENT = 'OfficeholderFactCheck/0.1 (browser extension; reader-initiated refresh of officeholder terms)';

const wbk = WBK({ instance: 'https://www.wikidata.org', sparqlEndpoint: WIKIDATA_SPARQL_ENDPOINT });

const QID = /^Q[1-9]\d*$/;

/** The SPARQL for every non-deprecated P39 statement naming this office, with dates, precision and the acting marks. */
export function positionHeldQuery(officeQid: string): string {
  if (!QID.test(officeQid)) throw new Error(`Not a Wikidata item id: ${JSON.stringify(officeQid)}`);
  return `SELECT ?statement ?person ?personLabel ?personAltLabel ?start ?startPrecision ?end ?endPrecision ?ended ?acting WHERE {
  ?person p:P39 ?statement .
  ?statement ps:P39 wd:${officeQid} .
  FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?statement pqv:P580 ?startNode . ?startNode wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision . }
  OPTIONAL { ?statement pqv:P582 ?endNode . ?endNode wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }
  BIND(EXISTS { ?statement pq:P582 ?anyEnd } AS ?ended)
  BIND((EXISTS { ?statement pq:P5102 wd:${ACTING_QID} } || EXISTS { ?statement pq:P2868 wd:${ACTING_QID} }) AS ?acting)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
}
ORDER BY ?start`;
}

/** The GET URL for that query (wikibase-sdk adds `format=json`). */
export function positionHeldUrl(officeQid: string): string {
  return wbk.sparqlQuery(positionHeldQuery(officeQid));
}

/** One P39 statement as read: dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strings. */
export interface PositionStatement {
  statement: string;
  personQid: string;
  personLabel: string;
  personAliases: string[];
  /** null: Wikidata gives no usable start. */
  start: string | null;
  /** null: no end qualifier (still in office, or nobody recorded the end). */
  end: string | null;
  /** An end qualifier exists but has no date we can use ("unknown value", or coarser than a year). */
  endUnknown: boolean;
  acting: boolean;
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchOptions {
  fetch: FetchLike;
  signal?: AbortSignal;
  userAgent?: string;
}

/**
 * Runs the query for one office and reads the statements. Sends the User-Agent both as
 * `User-Agent` (honoured outside browsers) and `Api-User-Agent` (the header Wikimedia
 * reads where a browser forbids setting User-Agent).
 */
export async function fetchPositionStatements(officeQid: string, options: FetchOptions): Promise<PositionStatement[]> {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const response = await options.fetch(positionHeldUrl(officeQid), {
    method: 'GET',
    headers: { Accept: 'application/sparql-results+json', 'User-Agent': userAgent, 'Api-User-Agent': userAgent },
    signal: options.signal,
    credentials: 'omit',
  });
  if (!response.ok) {
    const wait = response.headers.get('retry-after');
    throw new Error(`Wikidata answered ${response.status}${wait ? ` (asks to wait ${wait} s)` : ''}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error('Wikidata’s answer is not JSON');
  }
  return readPositionStatements(body);
}

function isSparqlResults(value: unknown): value is Parameters<typeof wbk.simplify.sparqlResults>[0] {
  const v = value as { head?: { vars?: unknown }; results?: { bindings?: unknown } } | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.head?.vars) && Array.isArray(v.results?.bindings);
}

const PRECISION: Record<number, DatePrecision> = { 9: 'year', 10: 'month', 11: 'day' };

/**
 * A Wikidata time (`2021-12-08T00:00:00Z`) at its precision (11 day, 10 month, 9 year);
 * null if coarser or not a date. The precision arrives as text: wikibase-sdk passes an
 * associated variable (`?startPrecision`) through unparsed.
 */
export function wikidataDate(time: unknown, precision: unknown): string | null {
  if (typeof time !== 'string' || (typeof precision !== 'number' && typeof precision !== 'string')) return null;
  const p = PRECISION[Number(precision)];
  const m = /^\+?(\d{4})-(\d{2})-(\d{2})T/.exec(time);
  if (!p || !m) return null;
  const text = p === 'year' ? m[1]! : p === 'month' ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
  return parsePeriod(text) ? text : null;
}

type Group = Record<string, unknown>;

/** SPARQL JSON results of `positionHeldQuery` as statements, one per statement id (the first row wins). */
export function readPositionStatements(results: unknown): PositionStatement[] {
  if (!isSparqlResults(results)) throw new Error('Wikidata’s answer is not SPARQL results');
  const rows = wbk.simplify.sparqlResults(results) as Array<Record<string, unknown>>;
  const byStatement = new Map<string, PositionStatement>();
  for (const row of rows) {
    const person = row.person as Group | undefined;
    const statement = typeof row.statement === 'string' ? row.statement : '';
    if (!person || typeof person.value !== 'string' || !QID.test(person.value) || !statement || byStatement.has(statement)) continue;
    const start = row.start as Group | undefined;
    const end = row.end as Group | undefined;
    const endDate = end ? wikidataDate(end.value, end.precision) : null;
    byStatement.set(statement, {
      statement,
      personQid: person.value,
      personLabel: typeof person.label === 'string' ? person.label : '',
      personAliases: typeof person.aliases === 'string' && person.aliases ? person.aliases.split(', ') : [],
      start: start ? wikidataDate(start.value, start.precision) : null,
      end: endDate,
      endUnknown: endDate === null && (row.ended === true || end !== undefined),
      acting: row.acting === true,
    });
  }
  return [...byStatement.values()];
}
