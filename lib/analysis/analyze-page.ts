import { extractClaims, readNames } from '../claims/extract';
import type { ClaimMention } from '../claims/types';
import { findStatedDate, sentenceAround, yearsInSentence, type Sentence } from '../dates/claim-date';
import { formatPeriod, parsePeriod, type Period } from '../dates/day';
import type { PageDate, Segment } from '../page/types';
import type { DatedTerm, ReferenceIndex } from '../reference/reference-index';
import { holding, judge, type Judgement } from '../verify/judge';
import type { CheckedClaim, ClaimDate, TermFact } from '../verify/types';

export interface PageText {
  segments: Segment[];
  pageDate: PageDate | null;
}

/** Titles that stay with a monarch's or pope's name after the reign ends. */
const REGNAL_TITLES = new Set(['king', 'queen', 'pope', 'pontiff', 'emperor', 'empress']);

/** How many holders before and after the checked date the card's timeline shows. */
const TIMELINE_SPAN = 2;

/**
 * The whole check for one page: find claims in every segment, pin down who and
 * which office each means, date it, and judge it against the reference data.
 * Pure: the same input gives the same output in the browser and in Node.
 */
export function analyzePage(index: ReferenceIndex, page: PageText, seenFullNames = new Set<string>()): CheckedClaim[] {
  // Full names seen so far on the page settle which "Bush" a later "President Bush" is. A page read in
  // batches passes the same set with each batch (it is updated in place).
  const claims: CheckedClaim[] = [];
  for (const segment of page.segments) {
    const read = readNames(index, segment.text);
    const { tokens, names } = read;
    const mentions = extractClaims(index, segment.index, segment.text, read);
    let nameCursor = 0;
    for (const mention of mentions) {
      // Full names earlier in this segment count as seen.
      for (; nameCursor < names.length && tokens[names[nameCursor]!.first]!.start < mention.nameStart; nameCursor++) {
        const n = names[nameCursor]!;
        if (!n.short && n.personIds.length === 1) seenFullNames.add(n.personIds[0]!);
      }
      const sentence = sentenceAround(segment.text, mention.start, mention.end);
      const checked = checkMention(index, pastContext(mention, mentions, sentence), segment, sentence, page.pageDate, seenFullNames);
      if (checked) claims.push(checked);
    }
    for (const n of names) if (!n.short && n.personIds.length === 1) seenFullNames.add(n.personIds[0]!);
  }
  return claims;
}

/**
 * "President Obama and then-Vice President Joe Biden met": a "then-" in the sentence puts
 * the whole sentence in the past, so its other bare titles are read as past titles too.
 */
function pastContext(mention: ClaimMention, all: ClaimMention[], sentence: Sentence): ClaimMention {
  if (mention.qualifier !== null) return mention;
  const thenInSentence = all.some((m) => m !== mention && m.qualifier === 'then' && m.start >= sentence.start && m.end <= sentence.end);
  return thenInSentence ? { ...mention, pastTense: true } : mention;
}

function checkMention(
  index: ReferenceIndex,
  mention: ClaimMention,
  segment: Segment,
  sentence: Sentence,
  pageDate: PageDate | null,
  seenFullNames: Set<string>,
): CheckedClaim | null {
  const baseDate = segment.date ?? pageDate;
  const stated = findStatedDate(segment.text, mention.start, mention.end, baseDate?.date ?? null, sentence);
  const pagePeriod = baseDate ? parsePeriod(baseDate.date) : null;
  const datePeriod = stated?.period ?? pagePeriod;

  const personId = resolvePerson(index, mention, seenFullNames, datePeriod);
  const officeId = personId ? resolveOffice(index, mention, personId) : null;
  // A title that fits none of the offices this person held, with no country stated: not a claim we can read.
  if (personId && officeId === undefined) return null;

  const base = {
    id: `${mention.segment}:${mention.start}`,
    segment: mention.segment,
    start: mention.start,
    end: mention.end,
    text: mention.text,
    qualifier: mention.qualifier,
  };
  const person = personId ? index.people.get(personId)! : null;
  const office = officeId ? index.offices.get(officeId)! : null;
  const personInfo = person ? { id: person.id, name: person.name, qid: person.qid } : null;
  const officeInfo = office
    ? { id: office.id, label: office.label, qid: office.qid, jurisdiction: index.jurisdictions.get(office.jurisdiction)?.name ?? office.jurisdiction }
    : null;
  if (!person || !office) {
    return {
      ...base,
      person: personInfo,
      office: officeInfo,
      date: null,
      verdict: 'unknown',
      explanation: person ? `Which office "${mention.title}" means here is not clear.` : `Which person "${segment.text.slice(mention.nameStart, mention.nameEnd)}" means here is not clear.`,
      holders: [],
      personTerms: [],
      timeline: [],
    };
  }

  const judgement = judge(index, {
    personId: person.id,
    officeId: office.id,
    qualifier: mention.qualifier,
    pastTense: mention.pastTense,
    regnal: REGNAL_TITLES.has(mention.title.toLowerCase()),
    mentionedYears: yearsInSentence(segment.text, mention.start, mention.end, sentence),
    stated: stated?.period ?? null,
    page: pagePeriod,
  });
  const date: ClaimDate | null =
    judgement.used === 'stated' && stated
      ? { date: stated.date, source: 'sentence', raw: stated.text }
      : judgement.used === 'page' && baseDate
        ? { date: baseDate.date, source: baseDate.source, raw: baseDate.raw }
        : null;
  const holders = judgement.period ? index.holdersDuring(office.id, judgement.period).map((t) => fact(index, t)) : [];
  return {
    ...base,
    person: personInfo,
    office: officeInfo,
    date,
    verdict: judgement.verdict,
    explanation: explain(judgement, person.name, office.label, holders, index.termsOfPerson(person.id, office.id)),
    holders,
    personTerms: index.termsOfPerson(person.id, office.id).map((t) => fact(index, t)),
    timeline: timeline(index, office.id, judgement.period, person.id),
  };
}

/** One person for the name, or null when the page does not settle who it is. */
function resolvePerson(index: ReferenceIndex, mention: ClaimMention, seen: Set<string>, date: Period | null): string | null {
  let candidates = mention.personIds;
  if (candidates.length === 1) return candidates[0]!;
  const seenHere = candidates.filter((id) => seen.has(id));
  if (seenHere.length === 1) return seenHere[0]!;
  const heldTitle = candidates.filter((id) => mention.officeIds.some((o) => index.termsOfPerson(id, o).length > 0));
  if (heldTitle.length === 1) return heldTitle[0]!;
  candidates = heldTitle.length > 0 ? heldTitle : candidates;
  if (date) {
    const holdingThen = candidates.filter((id) => mention.officeIds.some((o) => holding(index.termsOfPerson(id, o), date) === 'yes'));
    if (holdingThen.length === 1) return holdingThen[0]!;
  }
  return null;
}

/**
 * The office the title means for this person: the stated country's office, or, with no
 * country, the one office with that title the person ever held. Undefined when no
 * country was stated and the person held none of them (then it is not our claim);
 * null when several remain.
 */
function resolveOffice(index: ReferenceIndex, mention: ClaimMention, personId: string): string | null | undefined {
  const held = mention.officeIds.filter((o) => index.termsOfPerson(personId, o).length > 0);
  if (mention.jurisdiction !== null) {
    if (mention.officeIds.length === 1) return mention.officeIds[0]!;
    return held.length === 1 ? held[0]! : null;
  }
  if (held.length === 0) return undefined;
  return held.length === 1 ? held[0]! : null;
}

function fact(index: ReferenceIndex, t: DatedTerm): TermFact {
  const p = index.people.get(t.person);
  return { personId: t.person, personName: p?.name ?? t.person, personQid: p?.qid ?? '', start: t.start, end: t.end, acting: t.acting };
}

function timeline(index: ReferenceIndex, officeId: string, period: Period | null, personId: string): TermFact[] {
  const terms = index.termsOfOffice(officeId);
  if (terms.length === 0) return [];
  const at = period ? terms.findIndex((t) => t.startPeriod.first > period.last) : -1;
  const centre = at === -1 ? terms.length - 1 : Math.max(0, at - 1);
  const picked = new Set(terms.slice(Math.max(0, centre - TIMELINE_SPAN), centre + TIMELINE_SPAN + 1));
  for (const t of terms) if (t.person === personId) picked.add(t);
  return [...picked].sort((a, b) => a.startPeriod.first - b.startPeriod.first).map((t) => fact(index, t));
}

function span(t: { start: string; end: string | null }): string {
  return t.end ? `${t.start} to ${t.end}` : `since ${t.start}`;
}

function explain(j: Judgement, person: string, office: string, holders: TermFact[], own: DatedTerm[]): string {
  const when = j.period ? formatPeriod(j.period) : '';
  // "on 2025-08-18", but "in 2014" / "in 2003-01" for a year or month.
  const on = j.period && j.period.first !== j.period.last ? `in ${when}` : `on ${when}`;
  const others = holders.filter((h) => h.personName !== person);
  const who = others.length > 0 ? others.map((h) => `${h.personName} was, ${span(h)}`).join('; ') : '';
  const ownTerms = own.length > 0 ? ` ${person} held it ${own.map(span).join(', ')}.` : ` ${person} never held it, as far as the data goes.`;
  if (j.verdict === 'unknown') return j.why;
  if (j.verdict === 'consistent') {
    switch (j.grounds) {
      case 'left office before':
        return `${person} had left the office of ${office} by ${when}.${ownTerms}`;
      case 'took office soon after':
        return `${person} took office as ${office} soon after ${when}.${ownTerms}`;
      case 'held it before':
        return `${person} held the office of ${office} before ${when}.${ownTerms}`;
      case 'held it':
      case 'held it when the article was published':
        return `${person} was ${office} ${on}.`;
    }
  }
  switch (j.grounds) {
    case 'still in office':
      return `${person} was still ${office} ${on}, not a former holder.`;
    case 'did not take office soon after':
      return `${person} did not take office as ${office} after ${when}.${ownTerms}`;
    case 'did not hold it':
      return `${person} was not ${office} ${on}${who ? `; ${who}` : ''}.${ownTerms}`;
  }
}
