import { formatDay, formatPeriod, type Period } from '../dates/day';
import type { Qualifier } from '../claims/types';
import { certainlyOverlaps, possiblyOverlaps, type DatedTerm, type ReferenceIndex } from '../reference/reference-index';

/** How long before taking office someone is plausibly "-elect". */
const ELECT_WINDOW_DAYS = 183;

/**
 * News keeps a title for a few days around a change ("President Raisi died" the day after,
 * "Prime Minister Carney" the week before he was sworn in): no red badge that close to one.
 */
export const GRACE_DAYS = 14;

/**
 * Long after someone left an office, a bare title is usually historical ("Chancellor Kohl's
 * reunification", written in 2020), not a claim that they still hold it: no red badge.
 */
export const HISTORICAL_YEARS = 5;

export type Holding = 'yes' | 'no' | 'maybe';

/** Did the person hold the office during the period? 'maybe' when imprecise term dates leave it open. */
export function holding(terms: DatedTerm[], period: Period): Holding {
  if (terms.some((t) => certainlyOverlaps(t, period))) return 'yes';
  if (terms.some((t) => possiblyOverlaps(t, period))) return 'maybe';
  return 'no';
}

export interface JudgeInput {
  personId: string;
  officeId: string;
  qualifier: Qualifier | null;
  pastTense: boolean;
  /** A regnal title ("Queen Elizabeth II", "Pope Francis"): it stays with the name after the reign. */
  regnal: boolean;
  /** A date stated in the sentence, if any. */
  stated: Period | null;
  /** The page's (or live entry's) date, if any. */
  page: Period | null;
  /** Years the sentence mentions in passing ("the 2008 crisis"): a title may belong to them. */
  mentionedYears: Period[];
}

interface Dated {
  /** The period the verdict speaks about (null when no date). */
  period: Period | null;
  /** Which date was used. */
  used: 'stated' | 'page' | null;
}

/** Why a claim checks out; `explain` in lib/analysis words it with the names and dates. */
export type ConsistentGrounds = 'held it' | 'held it before' | 'held it when the article was published' | 'left office before' | 'took office soon after';
/** Why a claim does not. */
export type MismatchGrounds = 'did not hold it' | 'still in office' | 'did not take office soon after';

export type Judgement =
  | (Dated & { verdict: 'consistent'; grounds: ConsistentGrounds })
  | (Dated & { verdict: 'mismatch'; grounds: MismatchGrounds })
  /** `why` is a sentence for the reader: what keeps the data from deciding. */
  | (Dated & { verdict: 'unknown'; why: string });

const unknown = ({ period, used }: Dated, why: string): Judgement => ({ verdict: 'unknown', period, used, why });

/**
 * The verdict rules. Each rule errs towards unknown: a red badge needs the data to
 * exclude the claim on a date the text clearly means.
 */
export function judge(index: ReferenceIndex, input: JudgeInput): Judgement {
  const judgement = judgeStrictly(index, input);
  if (judgement.verdict !== 'mismatch' || !judgement.period) return judgement;
  const terms = index.termsOfPerson(input.personId, input.officeId);
  const p = judgement.period;
  const near = terms.flatMap((t) => [t.startPeriod, ...(t.endPeriod ? [t.endPeriod] : [])]).find((b) => b.first - GRACE_DAYS <= p.last && p.first <= b.last + GRACE_DAYS);
  if (near) {
    return unknown(judgement, `This person's term in the office began or ended on ${formatPeriod(near)}, within ${GRACE_DAYS} days of the date; news often keeps or anticipates a title that long, so this is not marked as an error.`);
  }
  const lastEnd = Math.max(...terms.map((t) => (t.endPeriod ? t.endPeriod.last : Infinity)));
  if (terms.length > 0 && judgement.grounds === 'did not hold it' && p.first - lastEnd > HISTORICAL_YEARS * 365.25) {
    return unknown(judgement, `This person left the office more than ${HISTORICAL_YEARS} years before the date; a title that long after is usually historical, so this is not marked as an error.`);
  }
  const year = input.mentionedYears.find((y) => holding(terms, y) !== 'no');
  if (year && judgement.grounds === 'did not hold it') {
    return unknown(judgement, `The sentence also mentions ${formatPeriod(year)}, when the person did hold the office; the title may be from then.`);
  }
  return judgement;
}

function judgeStrictly(index: ReferenceIndex, input: JudgeInput): Judgement {
  const { personId, officeId, qualifier, stated, page } = input;
  const terms = index.termsOfPerson(personId, officeId);
  const date = stated ?? page;
  const used = stated ? 'stated' : page ? 'page' : null;
  if (!date) return unknown({ period: null, used: null }, 'The page gives no date, so the claim cannot be placed in time.');

  const limit = dataLimit(index, personId, officeId, date);
  if (limit) return unknown({ period: date, used }, limit);

  const heldOn = (p: Period) => holding(terms, p);
  const everBefore = (p: Period) => terms.some((t) => t.startPeriod.last <= p.last);

  if (qualifier === 'former') {
    const endedBefore = terms.some((t) => t.endPeriod !== null && t.endPeriod.last < date.first);
    if (heldOn(date) === 'yes' && (!page || heldOn(page) === 'yes')) {
      return { verdict: 'mismatch', period: date, used, grounds: 'still in office' };
    }
    if (endedBefore && heldOn(date) === 'no') return { verdict: 'consistent', period: date, used, grounds: 'left office before' };
    return unknown({ period: date, used }, 'The data does not show when this person left the office.');
  }

  if (qualifier === 'elect') {
    const soon = terms.some((t) => t.startPeriod.first > date.last && t.startPeriod.last - date.last <= ELECT_WINDOW_DAYS);
    if (soon && heldOn(date) === 'no') return { verdict: 'consistent', period: date, used, grounds: 'took office soon after' };
    const asOf = index.lastKnown(officeId).asOf.last;
    if (heldOn(date) === 'no' && !soon && date.last + ELECT_WINDOW_DAYS <= asOf && !terms.some((t) => possiblyOverlaps(t, { first: date.first, last: date.last + ELECT_WINDOW_DAYS }))) {
      return { verdict: 'mismatch', period: date, used, grounds: 'did not take office soon after' };
    }
    return unknown({ period: date, used }, 'The data cannot tell whether this person was about to take office.');
  }

  // "then-Chancellor Merkel" or "X was prime minister" with no date stated: some time before the page's date.
  if (!stated && page && (qualifier === 'then' || input.pastTense)) {
    if (everBefore(page)) return { verdict: 'consistent', period: page, used: 'page', grounds: 'held it before' };
    return unknown({ period: page, used: 'page' }, 'The sentence gives no date for this past title.');
  }

  // "Pope Francis's funeral", "Queen Elizabeth II's reign": the title is part of the name once held.
  if (input.regnal && qualifier === null && everBefore(date)) {
    return { verdict: 'consistent', period: date, used, grounds: heldOn(date) === 'yes' ? 'held it' : 'held it before' };
  }

  const onDate = heldOn(date);
  if (onDate === 'yes') return { verdict: 'consistent', period: date, used, grounds: 'held it' };
  // A title without "then-" may be the one the person holds when the article was written.
  if (stated && page && qualifier !== 'then' && heldOn(page) !== 'no') {
    return heldOn(page) === 'yes'
      ? { verdict: 'consistent', period: page, used: 'page', grounds: 'held it when the article was published' }
      : unknown({ period: page, used: 'page' }, 'The term dates are not precise enough to decide.');
  }
  if (onDate === 'maybe') return unknown({ period: date, used }, 'The term dates are not precise enough to decide.');
  return { verdict: 'mismatch', period: date, used, grounds: 'did not hold it' };
}

/** Why the data cannot judge this date, or null when it can. */
function dataLimit(index: ReferenceIndex, personId: string, officeId: string, date: Period): string | null {
  const { term: last, asOf } = index.lastKnown(officeId);
  if (date.first > asOf.last) {
    const stillIn = last && last.person === personId && last.endPeriod === null;
    if (!stillIn) return `The reference data for this office ends on ${formatDay(asOf.last)}.`;
  }
  const coverage = index.coverageStart(officeId);
  if (coverage !== null && date.last < coverage) return `The reference data for this office starts on ${formatDay(coverage)}.`;
  return null;
}

