/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so that terms
 * and claims compare with plain integer arithmetic and no time zones.
 * A date string may be day-, month- or year-precise; it then stands for a period.
 */

export type DatePrecision = 'day' | 'month' | 'year';

/** An inclusive range of days. A day-precise date is a period of one day. */
export interface Period {
  first: number;
  last: number;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function precisionOf(text: string): DatePrecision | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  return m[3] ? 'day' : m[2] ? 'month' : 'year';
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the period it covers; null when malformed or impossible. */
export function parsePeriod(text: string): Period | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return { first: dayNumber(year, month, 1), last: dayNumber(year, month, daysInMonth(year, month)) };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const n = dayNumber(year, month, day);
  return { first: n, last: n };
}

/** Like parsePeriod, for input already known to be valid (shipped data, our own output). */
export function periodOf(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new Error(`Not a date: ${JSON.stringify(text)}`);
  return period;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The date string of the same precision as `precision` that contains `day`. */
export function formatAt(day: number, precision: DatePrecision): string {
  const iso = formatDay(day);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

export function formatPeriod(period: Period): string {
  if (period.first === period.last) return formatDay(period.first);
  const a = formatDay(period.first);
  const b = formatDay(period.last);
  if (a.endsWith('-01-01') && b.endsWith('-12-31') && a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  if (a.endsWith('-01') && a.slice(0, 7) === b.slice(0, 7) && parsePeriod(a.slice(0, 7))?.last === period.last)
    return a.slice(0, 7);
  return `${a}..${b}`;
}
