import { pageKey } from '../page/page-key';
import { FLAG_REASONS, type Flag, type FlagReason, type TextQuote } from '../messaging/protocol';
import type { Verdict } from '../verify/types';
import { ANNO_CONTEXT, claimIdFromAnnotationId, SHOWN_TAG_PREFIX } from './export';

/** Same bounds the background puts on a flag made in a page, so an import cannot store more than a click could. */
const LIMITS = { exact: 2000, context: 200, note: 2000, url: 8192, annotations: 10_000 };
const VERDICTS: readonly Verdict[] = ['consistent', 'mismatch', 'unknown'];

export type FlagImport = { ok: true; flags: Flag[]; skipped: number } | { ok: false; error: string };

class Rejected extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const has = (v: unknown, wanted: string) => asList(v).includes(wanted);

/**
 * Reads a W3C Web Annotation JSON-LD file of dispute flags (ours, or another tool's
 * "assessing" annotations with a TextQuoteSelector) into flags to store. All or nothing:
 * one bad annotation rejects the whole file with a message naming it, so a half-imported
 * file never needs cleaning up. Flags already stored (same page and claim, or same page
 * and quote) and repeats within the file are counted as skipped.
 */
export function importFlagAnnotations(text: string, existing: readonly Flag[], now: string): FlagImport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  try {
    const annotations = annotationsIn(doc);
    if (annotations.length === 0) throw new Rejected('This file holds no annotations.');
    if (annotations.length > LIMITS.annotations) throw new Rejected(`This file holds ${annotations.length} annotations; at most ${LIMITS.annotations} can be imported at once.`);
    const parsed = annotations.map((a, i) => readAnnotation(a, i + 1, now));
    const seen = new Set(existing.flatMap(keysOf));
    const flags: Flag[] = [];
    for (const flag of parsed) {
      const keys = keysOf(flag);
      if (keys.some((k) => seen.has(k))) continue;
      keys.forEach((k) => seen.add(k));
      flags.push(flag);
    }
    return { ok: true, flags, skipped: parsed.length - flags.length };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, error: error.message };
    throw error;
  }
}

/** Two ways a flag can be the same as another: the same claim on the page, or the same quoted text. */
function keysOf(flag: Pick<Flag, 'url' | 'claimId' | 'quote'>): string[] {
  const url = pageKey(flag.url);
  return [`claim\u0000${url}\u0000${flag.claimId}`, `quote\u0000${url}\u0000${flag.quote.exact}\u0000${flag.quote.prefix}\u0000${flag.quote.suffix}`];
}

/** A bare annotation, an array of them, or an AnnotationCollection / AnnotationPage holding them. */
function annotationsIn(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new Rejected('This file is not Web Annotation JSON-LD: expected an annotation, a list of annotations or an annotation collection.');
  if (has(doc.type, 'AnnotationCollection')) {
    const first = doc.first;
    if (isObject(first) && Array.isArray(first.items)) return first.items;
    throw new Rejected('This annotation collection does not include its annotations (no first.items); export it with its items embedded.');
  }
  if (has(doc.type, 'AnnotationPage')) return asList(doc.items);
  return [doc];
}

function readAnnotation(a: unknown, n: number, now: string): Flag {
  const where = `Annotation ${n}`;
  const fail = (why: string): never => {
    throw new Rejected(`${where}: ${why}. Nothing was imported.`);
  };
  if (!isObject(a)) return fail('is not an object');
  // Inside a collection the context may sit on the collection only; a bare annotation must name it.
  if (a['@context'] !== undefined && !has(a['@context'], ANNO_CONTEXT)) fail(`its @context is not ${ANNO_CONTEXT}`);
  if (!has(a.type, 'Annotation')) fail('its type is not "Annotation"');
  if (!has(a.motivation, 'assessing')) fail(`its motivation is ${JSON.stringify(a.motivation ?? null)}, not "assessing", so it is not a dispute flag`);

  const target = asList(a.target).find(isObject);
  if (!target) return fail('it has no target');
  const source = target.source;
  if (typeof source !== 'string' || !/^https?:\/\//i.test(source) || source.length > LIMITS.url) return fail('its target.source is not a web page address');
  try {
    new URL(source);
  } catch {
    fail('its target.source is not a valid address');
  }
  const selector = asList(target.selector).find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Json | undefined;
  if (!selector) return fail('its target has no TextQuoteSelector');
  const quote = readQuote(selector, fail);

  const bodies = asList(a.body).filter(isObject);
  const values = (purpose: string) => bodies.filter((b) => has(b.purpose, purpose) && typeof b.value === 'string').map((b) => b.value as string);
  const tags = values('tagging');
  const reason = (tags.find((t) => (FLAG_REASONS as string[]).includes(t)) as FlagReason | undefined) ?? 'other';
  const shown = tags.find((t) => t.startsWith(SHOWN_TAG_PREFIX))?.slice(SHOWN_TAG_PREFIX.length);
  const note = values('commenting').join('\n\n');
  if (note.length > LIMITS.note) fail(`its note is longer than ${LIMITS.note} characters`);
  const created = typeof a.created === 'string' && !Number.isNaN(Date.parse(a.created)) ? new Date(a.created).toISOString() : now;

  const url = pageKey(source);
  const claimId = claimIdFromAnnotationId(a.id) ?? quoteClaimId(quote);
  return {
    id: `${url}#${claimId}`,
    url,
    claimId,
    claimText: quote.exact,
    verdictShown: VERDICTS.includes(shown as Verdict) ? (shown as Verdict) : 'unknown',
    reason,
    note,
    quote,
    createdAt: created,
  };
}

function readQuote(selector: Json, fail: (why: string) => never): TextQuote {
  const text = (key: 'exact' | 'prefix' | 'suffix', max: number): string => {
    const v = selector[key] ?? '';
    if (typeof v !== 'string') return fail(`its TextQuoteSelector.${key} is not text`);
    if (v.length > max) return fail(`its TextQuoteSelector.${key} is longer than ${max} characters`);
    return v;
  };
  const quote = { exact: text('exact', LIMITS.exact), prefix: text('prefix', LIMITS.context), suffix: text('suffix', LIMITS.context) };
  if (!quote.exact.trim()) fail('its TextQuoteSelector has no exact text');
  return quote;
}

/**
 * Another tool's annotation has no claim id of ours: derive a stable one from the quote
 * (FNV-1a), so importing the same file twice still skips, and the page can match it by quote.
 */
export function quoteClaimId(quote: TextQuote): string {
  let hash = 0x811c9dc5;
  for (const ch of `${quote.prefix}\u0000${quote.exact}\u0000${quote.suffix}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `quote-${hash.toString(16).padStart(8, '0')}`;
}
