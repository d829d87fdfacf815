/**
 * Small, dependency-free date reading for publication dates. This ships in the
 * content script, so it handles only what pages actually print: ISO stamps,
 * RFC 2822 headers and English "Aug. 19, 2025" / "19 August 2025" forms.
 * Dates are taken literally as written (publisher's local calendar day): no time
 * zone conversion, because "01:30+02:00" is still the 19th where it was published.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** `YYYY-MM-DD` (or `YYYY-MM` without a day) if it is a real calendar date in range. */
export function formatDate(year: number, month: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Full names and the abbreviations newsrooms use (AP style "Sept.", "Aug.").
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
// Between day and year: "19, 2025", "19 2025", or "19 , 2025" when markup split the text.
const TO_YEAR = String.raw`(?:\s*,\s*|\s+)(\d{4})\b`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s*${DAY}${TO_YEAR}`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}${TO_YEAR}`, 'i');
const ISO_IN_TEXT = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
// 19.08.2025: dotted numeric dates are day-first wherever they are used.
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
// 08/19/2025 or 19/08/2025: read only when one part exceeds 12, so the order is certain.
const SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function monthNumber(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()] ?? 0;
}

export interface DateMatch {
  date: string;
  /** Where the date's text starts in the searched string. */
  index: number;
  /** The date's text as written. */
  text: string;
}

type Reader = (m: RegExpExecArray) => string | null;

const TEXT_READERS: Array<[RegExp, Reader]> = [
  [MONTH_DAY_YEAR, (m) => formatDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]))],
  [DAY_MONTH_YEAR, (m) => formatDate(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]))],
  [ISO_IN_TEXT, (m) => formatDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  [DOTTED, (m) => formatDate(Number(m[3]), Number(m[2]), Number(m[1]))],
  [
    SLASHED,
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && b <= 12) return formatDate(Number(m[3]), b, a);
      if (b > 12 && a <= 12) return formatDate(Number(m[3]), a, b);
      return null;
    },
  ],
];

/** The earliest full (day-precise) date written in a short piece of prose, if any. */
export function findDateInText(text: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const [re, read] of TEXT_READERS) {
    const m = re.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    const date = read(m);
    if (date) best = { date, index: m.index, text: m[0] };
  }
  return best;
}

const ISO_START = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT_START = /^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])/;
const ISO_MONTH_ONLY = /^\s*(\d{4})-(\d{2})\s*$/;

/**
 * A machine-written date value (JSON-LD, meta content, `datetime` attribute):
 * ISO 8601 with or without time, `20250819`, `2025-08`, or an RFC 2822 /
 * English form. The date part is taken literally.
 */
export function parseDateValue(value: string): string | null {
  let m = ISO_START.exec(value);
  if (m) return formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT_START.exec(value);
  if (m) return formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_MONTH_ONLY.exec(value);
  if (m) return formatDate(Number(m[1]), Number(m[2]));
  return findDateInText(value)?.date ?? null;
}
