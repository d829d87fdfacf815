import * as chrono from 'chrono-node';
import { dayNumber, formatAt, type DatePrecision, type Period, parsePeriod } from './day';

/** A date written in the claim's sentence ("In 2015, …", "on Nov. 15, 2008", "last year"). */
export interface StatedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  period: Period;
  /** The words it was read from. */
  text: string;
}

// "in 2015", "during 2003", "in early 1999", "in mid-2012": a year governing the clause.
// Bare years ("the 2015 crisis") describe something else and are ignored.
const YEAR_RE = /\b(?:in|during|around|circa)\s+(?:(?:early|late)\s+|mid-)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)/gi;

/**
 * Words without which chrono-node (English) finds no date: digits, month and weekday names,
 * the casual words (today, tonight, last night, this morning…) and time units ("a week ago").
 * Matched at word starts, so it errs towards running chrono: it only spares the parser (the
 * costliest step of checking a page) the many sentences that state no date at all.
 */
const DATE_WORDS =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|now|today|tonight|tom|tmr|yesterday|overmorrow|morning|afternoon|evening|noon|midnight|midday|mid|night|sec|min|h(?:ou)?rs?\b|day|week|month|year|yr|quarter|qtr|decade|centur|fortnight)/i;

/** True when `text` may state a date chrono-node can read. */
export function mayStateDate(text: string): boolean {
  return DATE_WORDS.test(text);
}

/** A sentence as a character range of its text. Callers that need it several times compute it once and pass it on. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * The sentence of `text` around [start, end): from the previous sentence end to the next.
 * A period after a single capital ("George W. Bush", "U.S.") or a common abbreviation does not end a sentence.
 */
export function sentenceAround(text: string, start: number, end: number): Sentence {
  const isBoundary = (i: number): boolean => {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') return false;
    const next = text.slice(i + 1, i + 4);
    if (!/^["”’)\]]?\s+["“(]?[A-Z0-9]/.test(next) && i + 1 < text.length) return false;
    if (c === '.') {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      if (/^(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.K|U\.N|E\.U)$/.test(word)) return false;
    }
    return true;
  };
  let s = start;
  while (s > 0 && !isBoundary(s - 1)) s--;
  let e = end;
  while (e < text.length && !isBoundary(e)) e++;
  return { start: s, end: Math.min(text.length, e + 1) };
}

/**
 * The date the claim's own sentence states, nearest to the claim; null when it states none.
 * Relative words ("last year", "on Monday") resolve against `reference` (the page date),
 * a bare weekday to the past one, as news uses them.
 */
export function findStatedDate(
  text: string,
  claimStart: number,
  claimEnd: number,
  reference: string | null,
  sentence: Sentence = sentenceAround(text, claimStart, claimEnd),
): StatedDate | null {
  const body = text.slice(sentence.start, sentence.end);
  const refPeriod = reference ? parsePeriod(reference) : null;
  const refDate = refPeriod ? new Date(refPeriod.last * 86_400_000 + 12 * 3_600_000) : undefined;
  const candidates: Array<StatedDate & { at: number }> = [];

  for (const m of body.matchAll(YEAR_RE)) {
    const year = m[1]!;
    candidates.push({ date: year, period: parsePeriod(year)!, text: m[0], at: sentence.start + m.index });
  }
  // The claim's own words ("Secretary", "Minister", "Marco") would wake the parser for nothing.
  if (refDate && mayStateDate(text.slice(sentence.start, claimStart) + ' ' + text.slice(claimEnd, sentence.end))) {
    for (const r of chrono.parse(body, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
      const c = r.start;
      const precision: DatePrecision | null = c.isCertain('day') || c.isCertain('weekday')
        ? 'day'
        : c.isCertain('month')
          ? 'month'
          : c.isCertain('year')
            ? 'year'
            : null;
      if (!precision) continue; // a time of day only ("at 10")
      const year = c.get('year')!;
      const month = c.get('month')!;
      const day = c.get('day')!;
      const date = formatAt(dayNumber(year, month, day), precision);
      const period = parsePeriod(date);
      if (period) candidates.push({ date, period, text: r.text, at: sentence.start + r.index });
    }
  }
  const outside = candidates.filter((c) => c.at + c.text.length <= claimStart || c.at >= claimEnd);
  if (outside.length === 0) return null;
  const distance = (c: { at: number; text: string }) => (c.at >= claimEnd ? c.at - claimEnd : claimStart - (c.at + c.text.length));
  // Prefer the most precise of equally near dates ("in March 2003" over "2003").
  outside.sort((a, b) => distance(a) - distance(b) || (a.period.last - a.period.first) - (b.period.last - b.period.first));
  const best = outside[0]!;
  return { date: best.date, period: best.period, text: best.text.trim() };
}

/** Every year written in the claim's sentence outside the claim, however it is used ("the 2008 crisis"). */
export function yearsInSentence(
  text: string,
  claimStart: number,
  claimEnd: number,
  sentence: Sentence = sentenceAround(text, claimStart, claimEnd),
): Period[] {
  const years: Period[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(/\b(?:19|20)\d\d\b/g)) {
    const at = sentence.start + m.index;
    if (at >= claimStart && at < claimEnd) continue;
    years.push(parsePeriod(m[0])!);
  }
  return years;
}
