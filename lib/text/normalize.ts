/**
 * One normal form for names and title phrases, so that "Erdoğan", "Erdogan" and
 * "ERDOGAN", or "U.S." and "US", or curly and straight apostrophes, compare equal.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters that NFD does not split into base + mark.
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th' };
const FOLD_RE = /[ßøđłıæœþ]/g;

/** Printable ASCII but the backtick: text that folding only lowercases (most of an English page). */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** Lowercase, without diacritics; apostrophes, dashes and dots unified. */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** A token as compared: folded, with dots dropped ("U.S." → "us"). */
export function foldToken(token: string): string {
  return foldText(token).replace(/\./g, '');
}
