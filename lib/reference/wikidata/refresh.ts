/**
 * "Refresh from Wikidata": asks Wikidata who held each office, merges the answer into
 * the current data set and describes the change, without writing anything. The
 * options page shows the plan's diff and applies `plan.dataset` only when the reader
 * confirms (FactCheckDB.replaceReference, one transaction).
 *
 * Merge rules, chosen so that a refresh corrects and completes but does not lose facts:
 * - Offices without a QID are not queried. A person is recognised by QID; one of ours
 *   without a QID only by the exact name (folded), and the person row stays as it is.
 * - For a person Wikidata lists for the office, Wikidata's terms replace ours; a person
 *   Wikidata does not list (often acting holders) keeps our terms.
 * - Where our date is more precise and lies inside Wikidata's ("2021-12-08" within
 *   "2021-12"), ours stays.
 * - Statements Wikidata cannot date are left out and named in the office's notes, as
 *   is an open statement of someone whose successor already took office (a missing end).
 * - Terms that ended before 1990 are out of the data's scope.
 * - An office whose merged terms fail a check the old ones passed keeps its old terms.
 */
import { formatDay, parsePeriod, periodOf } from '../../dates/day';
import { foldText } from '../../text/normalize';
import { contentFingerprint } from '../exchange';
import { coarsestPrecision } from '../source';
import type { Office, Person, ReferenceDataset, Term } from '../types';
import { validateDataset } from '../validate';
import { diffTerms, pairTerms, type TermDiff } from './diff';
import { fetchPositionStatements, type FetchOptions, type PositionStatement } from './sparql';

/** The data's scope starts here: terms that ended earlier are not kept from Wikidata. */
export const SCOPE_START = '1990-01-01';
const SCOPE_START_DAY = periodOf(SCOPE_START).first;
const QID = /^Q[1-9]\d*$/;
/** How many of an office's validation problems its outcome names. */
const SHOWN_PROBLEMS = 5;

export type OfficeStatus = 'refreshed' | 'no-qid' | 'failed' | 'rejected';

export interface OfficeOutcome {
  office: string;
  label: string;
  status: OfficeStatus;
  /** Statements left out, why a query failed, or the checks the merged terms failed. */
  notes: string[];
  diff: TermDiff;
}

export interface RefreshProgress {
  /** 1-based position of this office in the run. */
  index: number;
  total: number;
  office: Office;
  state: 'querying' | OfficeStatus;
}

export interface RefreshPlan {
  /** The version the plan was made from: apply only if the store still holds it. */
  baseVersion: string;
  dataset: ReferenceDataset;
  offices: OfficeOutcome[];
  /** All offices together. */
  diff: TermDiff;
  newPeople: Person[];
}

export interface RefreshOptions extends FetchOptions {
  /** The day of the refresh (`YYYY-MM-DD`): the refreshed offices' new as-of date. */
  today: string;
  onProgress?: (progress: RefreshProgress) => void;
}

const EMPTY_DIFF: TermDiff = { added: 0, changed: 0, removed: 0, changes: [] };

/** Who is who: our people by QID (or, without one, by name), and every id in use, so a new person gets an unused id. */
class People {
  readonly byQid = new Map<string, Person>();
  /** Our people who have no QID, by folded name and alias: Wikidata's label is the only way to recognise them. */
  readonly withoutQid = new Map<string, Person>();
  readonly ids = new Set<string>();
  readonly added: Person[] = [];

  constructor(people: Person[]) {
    for (const p of people) {
      this.ids.add(p.id);
      if (QID.test(p.qid)) {
        if (!this.byQid.has(p.qid)) this.byQid.set(p.qid, p);
      } else {
        for (const name of [p.name, ...p.aliases]) if (!this.withoutQid.has(foldText(name))) this.withoutQid.set(foldText(name), p);
      }
    }
  }

  /** Our person with this QID (or this exact name, if ours has no QID), or a new one named by Wikidata's label; null without a usable label. */
  resolve(s: PositionStatement, pending: Map<string, Person>): Person | null {
    const known = this.byQid.get(s.personQid) ?? pending.get(s.personQid) ?? this.withoutQid.get(foldText(s.personLabel));
    if (known) return known;
    if (!s.personLabel.trim() || s.personLabel === s.personQid) return null;
    const slug = foldText(s.personLabel).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || s.personQid.toLowerCase();
    const taken = (id: string) => this.ids.has(id) || [...pending.values()].some((p) => p.id === id);
    const id = taken(slug) ? `${slug}-${s.personQid.toLowerCase()}` : slug;
    const person: Person = { id, name: s.personLabel.trim(), aliases: s.personAliases.filter((a) => a && a !== s.personLabel), qid: s.personQid };
    pending.set(s.personQid, person);
    return person;
  }

  commit(pending: Map<string, Person>): void {
    for (const p of pending.values()) {
      this.byQid.set(p.qid, p);
      this.ids.add(p.id);
      this.added.push(p);
    }
  }
}

const startOf = (t: Term) => periodOf(t.start).first;

/** `ours` if it is more precise than `theirs` and lies inside it; else `theirs`. */
function keepPrecise(ours: string, theirs: string): string {
  const a = periodOf(ours);
  const b = periodOf(theirs);
  const narrower = a.last - a.first < b.last - b.first;
  return narrower && a.first >= b.first && a.last <= b.last ? ours : theirs;
}

/** Wikidata's statements for one office as our terms, with the notes on what was left out. */
function termsFromStatements(office: Office, statements: PositionStatement[], people: People, pending: Map<string, Person>) {
  const notes: string[] = [];
  const terms: Term[] = [];
  const names = new Map<string, string>();
  for (const s of statements) {
    const who = s.personLabel || s.personQid;
    if (s.start === null) {
      notes.push(`${who} (${s.personQid}): no usable start date on Wikidata; left out`);
      continue;
    }
    if (s.endUnknown) {
      notes.push(`${who} (${s.personQid}): end date unknown or too vague on Wikidata; left out`);
      continue;
    }
    if (s.end !== null && periodOf(s.end).last < SCOPE_START_DAY) continue;
    if (s.end !== null && periodOf(s.start).first > periodOf(s.end).last) {
      notes.push(`${who} (${s.personQid}): starts (${s.start}) after it ends (${s.end}) on Wikidata; left out`);
      continue;
    }
    const person = people.resolve(s, pending);
    if (!person) {
      notes.push(`${s.personQid}: no English label on Wikidata; left out`);
      continue;
    }
    names.set(person.id, person.name);
    const term: Term = { person: person.id, office: office.id, start: s.start, end: s.end, acting: s.acting, precision: coarsestPrecision(s.start, s.end) };
    if (!terms.some((t) => t.person === term.person && t.start === term.start && t.end === term.end && t.acting === term.acting)) terms.push(term);
  }
  if (office.singleHolder) {
    // An open statement of someone whose successor already took office is a missing end, not two holders.
    const stale = terms.filter(
      (t) => t.end === null && terms.some((u) => u !== t && !u.acting && startOf(u) > periodOf(t.start).last),
    );
    for (const t of stale) {
      notes.push(`${names.get(t.person) ?? t.person}: no end date on Wikidata although a later holder took office; left out`);
      terms.splice(terms.indexOf(t), 1);
    }
  }
  return { terms, notes };
}

/** The office's terms after the refresh (see the merge rules above). */
function mergeOffice(old: Term[], fromWikidata: Term[]): Term[] {
  const listed = new Set(fromWikidata.map((t) => t.person));
  const kept = old.filter((t) => !listed.has(t.person));
  const merged: Term[] = [];
  for (const [before, after] of pairTerms(old.filter((t) => listed.has(t.person)), fromWikidata)) {
    if (!after) continue;
    if (!before) {
      merged.push(after);
      continue;
    }
    const start = keepPrecise(before.start, after.start);
    const end = before.end !== null && after.end !== null ? keepPrecise(before.end, after.end) : after.end;
    const term: Term = { ...after, start, end, precision: coarsestPrecision(start, end) };
    if (before.note !== undefined) term.note = before.note;
    merged.push(term);
  }
  return [...kept, ...merged].sort((a, b) => startOf(a) - startOf(b) || a.person.localeCompare(b.person));
}

/** Problems in `after` that `before` did not have. A term's number is left out of the comparison: merging renumbers terms. */
function newProblems(before: string[], after: string[]): string[] {
  const unnumbered = (p: string) => p.replace(/^term \d+ /, 'term ');
  const known = new Set(before.map(unnumbered));
  return after.filter((p) => !known.has(unnumbered(p)));
}

/**
 * Queries Wikidata office by office (one at a time, as Wikimedia asks) and returns the
 * plan. Rejects with the fetch's AbortError when `signal` is aborted: nothing to apply.
 */
export async function planRefresh(current: ReferenceDataset, options: RefreshOptions): Promise<RefreshPlan> {
  if (!parsePeriod(options.today)) throw new Error(`Not a day: ${options.today}`);
  const people = new People(current.people);
  const termsByOffice = new Map<string, Term[]>(current.offices.map((o) => [o.id, []]));
  for (const t of current.terms) termsByOffice.get(t.office)?.push(t);
  const offices: Office[] = [];
  const outcomes: OfficeOutcome[] = [];

  for (const [i, office] of current.offices.entries()) {
    const progress = (state: RefreshProgress['state']) => options.onProgress?.({ index: i + 1, total: current.offices.length, office, state });
    const old = termsByOffice.get(office.id) ?? [];
    const outcome = (status: OfficeStatus, notes: string[], diff = EMPTY_DIFF) => {
      outcomes.push({ office: office.id, label: office.label, status, notes, diff });
      progress(status);
    };
    if (!QID.test(office.qid)) {
      offices.push(office);
      outcome('no-qid', ['no Wikidata QID in our data; kept as it is']);
      continue;
    }
    options.signal?.throwIfAborted();
    progress('querying');
    let statements: PositionStatement[];
    try {
      statements = await fetchPositionStatements(office.qid, options);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      offices.push(office);
      outcome('failed', [error instanceof Error ? error.message : String(error)]);
      continue;
    }
    const pending = new Map<string, Person>();
    const { terms: fromWikidata, notes } = termsFromStatements(office, statements, people, pending);
    const terms = mergeOffice(old, fromWikidata);
    const refreshed: Office = { ...office, asOf: options.today };
    const allPeople = [...current.people, ...people.added, ...pending.values()];
    const check = (o: Office, t: Term[]) => validateDataset({ ...current, offices: [o], people: allPeople, terms: t }, { requireQids: false });
    const problems = newProblems(check(office, old), check(refreshed, terms));
    if (problems.length > 0) {
      offices.push(office);
      const shown = problems.slice(0, SHOWN_PROBLEMS);
      if (problems.length > SHOWN_PROBLEMS) shown.push(`… and ${problems.length - SHOWN_PROBLEMS} more problems`);
      outcome('rejected', [...shown, ...notes]);
      continue;
    }
    people.commit(pending);
    termsByOffice.set(office.id, terms);
    offices.push(refreshed);
    outcome('refreshed', notes, diffTerms(old, terms));
  }

  const terms = offices.flatMap((o) => termsByOffice.get(o.id) ?? []);
  const body = {
    asOf: offices.map((o) => o.asOf).sort()[0] ?? current.asOf,
    jurisdictions: current.jurisdictions,
    offices,
    people: [...current.people, ...people.added],
    terms,
  };
  const dataset: ReferenceDataset = { version: `wikidata-${options.today}-${contentFingerprint(body)}`, ...body };
  const problems = newProblems(validateDataset(current, { requireQids: false }), validateDataset(dataset, { requireQids: false }));
  if (problems.length > 0) throw new Error(`The refreshed data did not pass the checks: ${problems.slice(0, SHOWN_PROBLEMS).join('; ')}`);
  const changes = outcomes.flatMap((o) => o.diff.changes);
  return {
    baseVersion: current.version,
    dataset,
    offices: outcomes,
    diff: {
      added: changes.filter((c) => c.kind === 'added').length,
      changed: changes.filter((c) => c.kind === 'changed').length,
      removed: changes.filter((c) => c.kind === 'removed').length,
      changes,
    },
    newPeople: people.added,
  };
}

/** Today in UTC as `YYYY-MM-DD`. */
export function todayUtc(now = Date.now()): string {
  return formatDay(Math.floor(now / 86_400_000));
}
