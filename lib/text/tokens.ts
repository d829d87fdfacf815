import { foldToken } from './normalize';

/** A word or punctuation mark of a segment, with its place in the segment's text. */
export interface Token {
  /** As written, without a possessive ending. */
  text: string;
  /** Folded for comparison (see foldToken). */
  fold: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with an uppercase letter. */
  capitalized: boolean;
  /** Ended in 's or s' ("Germany's", "Trump's", "Presidents'"). */
  possessive: boolean;
  /** Joined to the previous token by a hyphen ("then-Chancellor", "President-elect"). */
  hyphenBefore: boolean;
}

// A word: letters/digits with inner apostrophes ("O'Brien"); a lone capital with a dot is an
// initial ("W."), and letter-dot runs are abbreviations split into initials ("U.S." → "U." "S.").
// Invisible characters (zero-width space and joiners, soft hyphen, word joiner, BOM) may sit inside a word.
const TOKEN_RE = /(\p{Lu}\.)|([\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]*(?:['’][\p{L}\p{M}][\p{L}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]*)*(?:['’](?![\p{L}]))?)|(-)|(\S)/gu;
const POSSESSIVE_RE = /['’]s?$/u;
const UPPER_RE = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let hyphen = false;
  let lastEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    let raw = m[0];
    if (m[3]) {
      // A hyphen glued on both sides joins two words; otherwise it is punctuation (a dash).
      const glued = start === lastEnd && /[\p{L}\p{N}]/u.test(text[start + 1] ?? '');
      if (glued) {
        hyphen = true;
        continue;
      }
    }
    let possessive = false;
    if (m[2] && POSSESSIVE_RE.test(raw) && /['’]s$|s['’]$/u.test(raw)) {
      possessive = true;
      raw = raw.endsWith('s') && /['’]s$/u.test(raw) ? raw.slice(0, -2) : raw.slice(0, -1);
    }
    tokens.push({
      text: raw,
      fold: foldToken(raw),
      start,
      end: start + m[0].length,
      word: Boolean(m[1] || m[2]),
      capitalized: UPPER_RE.test(raw),
      possessive,
      hyphenBefore: hyphen && start === lastEnd + 1,
    });
    hyphen = false;
    lastEnd = start + m[0].length;
  }
  return tokens;
}

/** The folded tokens of a phrase from the data (a name, title or jurisdiction). */
export function phraseKey(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.word)
    .map((t) => t.fold);
}
