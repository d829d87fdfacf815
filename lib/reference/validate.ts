import { parsePeriod, formatDay, type Period } from '../dates/day';
import type { ReferenceDataset, Term } from './types';

const QID = /^Q[1-9]\d*$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest stretch an office that is never vacant may go without a holder in the data. */
export const MAX_GAP_DAYS = 60;

/**
 * Every problem with a data set, in a stable order; empty when it is sound.
 * Used by `npm run data:check`, by imports (nothing is written unless this is empty)
 * and by the Wikidata refresh before it applies.
 */
export interface ValidateOptions {
  /**
   * A missing QID is a problem (the authored data's rule, with its own list of pending ones).
   * Imports and refreshes accept a missing QID, since the shipped data has some, but never a malformed one.
   */
  requireQids?: boolean;
}

export function validateDataset(data: ReferenceDataset, { requireQids = true }: ValidateOptions = {}): string[] {
  const badQid = (qid: string) => (requireQids || qid !== '') && !QID.test(qid);
  const problems: string[] = [];
  const jurisdictions = new Set(data.jurisdictions.map((j) => j.id));
  const offices = new Map(data.offices.map((o) => [o.id, o]));
  const people = new Set<string>();

  if (!parsePeriod(data.asOf)) problems.push(`asOf: not a date: ${JSON.stringify(data.asOf)}`);
  const seenOffices = new Set<string>();
  for (const office of data.offices) {
    const where = `office ${office.id}`;
    if (!ID.test(office.id)) problems.push(`${where}: id must be kebab-case`);
    if (seenOffices.has(office.id)) problems.push(`${where}: duplicate id`);
    seenOffices.add(office.id);
    if (badQid(office.qid)) problems.push(`${where}: missing or malformed Wikidata QID ${JSON.stringify(office.qid)}`);
    if (!jurisdictions.has(office.jurisdiction)) problems.push(`${where}: unknown jurisdiction ${office.jurisdiction}`);
    if (!office.label.trim()) problems.push(`${where}: empty label`);
    if (office.titles.length === 0) problems.push(`${where}: no title phrases`);
    for (const title of office.titles) {
      if (title !== title.toLowerCase() || !title.trim()) problems.push(`${where}: title ${JSON.stringify(title)} must be lowercase and not empty`);
    }
    if (!parsePeriod(office.asOf)) problems.push(`${where}: asOf is not a date: ${JSON.stringify(office.asOf)}`);
  }
  for (const person of data.people) {
    const where = `person ${person.id}`;
    if (!ID.test(person.id)) problems.push(`${where}: id must be kebab-case`);
    if (people.has(person.id)) problems.push(`${where}: duplicate id`);
    people.add(person.id);
    if (badQid(person.qid)) problems.push(`${where}: missing or malformed Wikidata QID ${JSON.stringify(person.qid)}`);
    if (!person.name.trim()) problems.push(`${where}: empty name`);
  }

  const byOffice = new Map<string, DatedTerm[]>();
  data.terms.forEach((term, i) => {
    const where = `term ${i + 1} (${term.person} as ${term.office})`;
    if (!people.has(term.person)) problems.push(`${where}: unknown person ${term.person}`);
    if (!offices.has(term.office)) problems.push(`${where}: unknown office ${term.office}`);
    const start = parsePeriod(term.start);
    const end = term.end === null ? null : parsePeriod(term.end);
    if (!start) problems.push(`${where}: start is not a real date: ${JSON.stringify(term.start)}`);
    if (term.end !== null && !end) problems.push(`${where}: end is not a real date: ${JSON.stringify(term.end)}`);
    if (start && end && start.first > end.last) problems.push(`${where}: starts (${term.start}) after it ends (${term.end})`);
    if (start && (term.end === null || end) && offices.has(term.office)) {
      const list = byOffice.get(term.office) ?? [];
      list.push({ term, start, end });
      byOffice.set(term.office, list);
    }
  });

  for (const office of data.offices) {
    const terms = (byOffice.get(office.id) ?? []).sort((a, b) => a.start.first - b.start.first);
    if (terms.length === 0) {
      problems.push(`office ${office.id}: no terms`);
      continue;
    }
    const asOf = parsePeriod(office.asOf);
    if (office.singleHolder) problems.push(...overlapProblems(office.id, terms));
    if (!office.vacancies && asOf) problems.push(...gapProblems(office.id, terms, asOf.last));
  }
  return problems;
}

type DatedTerm = { term: Term; start: Period; end: Period | null };

/** Two full (non-acting) holders at once, or an acting holder overlapping without saying so. */
function overlapProblems(officeId: string, terms: DatedTerm[]): string[] {
  const problems: string[] = [];
  const full = terms.filter((t) => !t.term.acting);
  for (let i = 1; i < full.length; i++) {
    const prev = full[i - 1]!;
    const next = full[i]!;
    // A handover day belongs to both; only a start certainly before the previous end is an overlap.
    const prevEnd = prev.end ? prev.end.first : Infinity;
    if (next.start.last < prevEnd) {
      problems.push(
        `office ${officeId}: ${next.term.person} (from ${next.term.start}) overlaps ${prev.term.person} (until ${prev.term.end ?? 'open'})`,
      );
    }
  }
  return problems;
}

/** Stretches with nobody in office, longer than MAX_GAP_DAYS, from the first term to asOf. */
function gapProblems(officeId: string, terms: DatedTerm[], asOfDay: number): string[] {
  const problems: string[] = [];
  let coveredUntil = terms[0]!.start.last;
  let lastPerson = terms[0]!.term.person;
  for (const t of terms) {
    if (t.start.first - coveredUntil > MAX_GAP_DAYS) {
      problems.push(
        `office ${officeId}: nobody in office from ${formatDay(coveredUntil)} (${lastPerson}) to ${t.term.start} (${t.term.person}); mark the office with vacancies: true if that is right`,
      );
    }
    const end = t.end ? t.end.first : Infinity;
    if (end > coveredUntil) {
      coveredUntil = end;
      lastPerson = t.term.person;
    }
  }
  if (coveredUntil !== Infinity && asOfDay - coveredUntil > MAX_GAP_DAYS) {
    problems.push(`office ${officeId}: nobody in office from ${formatDay(coveredUntil)} to the asOf date ${formatDay(asOfDay)}`);
  }
  return problems;
}
