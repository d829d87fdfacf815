/**
 * The verifier's questions, answered from the store (schema v3). An office's terms are
 * in the office's row and people in chunks, so these read a row or a few and filter in
 * memory; only office titles and jurisdiction names have an index. A name lookup reads
 * and folds every person (a few hundred chunk rows, about a second at Wikidata's scale):
 * the background answers pages from its in-memory ReferenceIndex, not from here.
 * They follow the same rules as the in-memory ReferenceIndex: a term counts for a
 * period only if it certainly covers a day of it, and the day power changes hands
 * belongs to both the outgoing and the incoming holder.
 */
import { parsePeriod, type Period } from '../dates/day';
import { nameKeysOf, officeOf, personOf, searchKey, termOf, type FactCheckDB, type PersonRow, type TermRow } from './db';
import type { Office, Person, Term } from '../reference/types';

function periodOrThrow(date: string | Period): Period {
  if (typeof date !== 'string') return date;
  const period = parsePeriod(date);
  if (!period) throw new Error(`Not a date: ${JSON.stringify(date)}`);
  return period;
}

/** The term certainly includes a day of `period`; an open term runs to today and beyond. */
function coversSomeDay(row: TermRow, period: Period): boolean {
  const earliestEnd = row.endFirst ?? Infinity;
  return row.startLast <= period.last && earliestEnd >= period.first && row.startLast <= earliestEnd;
}

/**
 * Everyone who held the office on a date (`YYYY-MM-DD`) or during a month, a year or
 * any period, acting holders included (their terms say `acting: true`), earliest first.
 */
export async function holdersDuring(db: FactCheckDB, officeId: string, date: string | Period): Promise<Term[]> {
  const period = periodOrThrow(date);
  const row = await db.offices.get(officeId);
  return (row?.terms ?? []).filter((t) => coversSomeDay(t, period)).map((t) => termOf(t, officeId));
}

/** Holders on one day: `holdersDuring` with a day-precise date. */
export async function holdersOn(db: FactCheckDB, officeId: string, day: string): Promise<Term[]> {
  return holdersDuring(db, officeId, day);
}

/** The stored rows of everyone known by this name or alias (reads and folds every person). */
async function personRowsNamed(db: FactCheckDB, name: string): Promise<PersonRow[]> {
  const key = searchKey(name);
  if (!key) return [];
  const found: PersonRow[] = [];
  await db.peopleChunks.each((chunk) => {
    for (const person of chunk.people) if (nameKeysOf(person).includes(key)) found.push(person);
  });
  return found;
}

/** People known by this name or any alias, in any spelling the fold unifies (case, diacritics, dots). */
export async function peopleNamed(db: FactCheckDB, name: string): Promise<Person[]> {
  return (await personRowsNamed(db, name)).map(personOf);
}

/** The person with this id, if the store has one. */
export async function personById(db: FactCheckDB, id: string): Promise<Person | undefined> {
  return db.person(id);
}

/** Every term of everyone known by this name or alias, earliest first; optionally in one office. */
export async function termsOfPersonNamed(db: FactCheckDB, name: string, officeId?: string): Promise<Term[]> {
  return db.transaction('r', [db.peopleChunks, db.offices], async () => {
    const people = await personRowsNamed(db, name);
    const ids = new Set(people.map((p) => p.id));
    // Each person row lists the offices held: only those offices' rows are read.
    const offices = [...new Set(people.flatMap((p) => p.offices))].filter((o) => officeId === undefined || o === officeId);
    const rows = await db.offices.bulkGet(offices);
    const found: Array<{ row: TermRow; office: string }> = [];
    for (const officeRow of rows) {
      for (const row of officeRow?.terms ?? []) if (ids.has(row.person)) found.push({ row, office: officeRow!.id });
    }
    return found.sort((a, b) => a.row.startFirst - b.row.startFirst || a.row.seq - b.row.seq).map(({ row, office }) => termOf(row, office));
  });
}

/**
 * Offices with this title phrase ("chancellor", "Secretary of State"), optionally in one
 * jurisdiction given by id ("DE") or by any of its names or demonyms ("German", "U.S.").
 */
export async function officesTitled(db: FactCheckDB, title: string, jurisdiction?: string): Promise<Office[]> {
  const key = searchKey(title);
  if (!key) return [];
  let rows = await db.offices.where('titleKeys').equals(key).toArray();
  if (jurisdiction !== undefined) {
    const ids = new Set((await db.jurisdictions.where('nameKeys').equals(searchKey(jurisdiction)).toArray()).map((j) => j.id));
    rows = rows.filter((o) => ids.has(o.jurisdiction));
  }
  return rows.map(officeOf);
}

/** The open full term, else the latest full term, of an office's row (ordered by startLast, as v2's index was). */
function lastFullTerm(terms: TermRow[]): TermRow | undefined {
  const full = terms.filter((t) => !t.acting);
  return full.filter((t) => t.end === null).at(-1) ?? full.at(-1);
}

/**
 * The last holder the data knows (the open full term, else the latest full term;
 * acting holders stand in and are not the answer) and the day the office's data is good to.
 */
export async function lastKnownHolder(db: FactCheckDB, officeId: string): Promise<{ term: Term | null; asOf: string } | null> {
  const office = await db.offices.get(officeId);
  if (!office) return null;
  const last = lastFullTerm(office.terms);
  return { term: last ? termOf(last, officeId) : null, asOf: office.asOf };
}

/** An office with its last known holder (as `lastKnownHolder` picks it) and that holder's person. */
export interface OfficeCoverage {
  office: Office;
  term: Term | null;
  person: Person | null;
}

/**
 * `lastKnownHolder` for every office at once, with the holder's person: one read of each
 * table, where asking office by office would read a people chunk per office.
 */
export async function lastKnownHolders(db: FactCheckDB): Promise<OfficeCoverage[]> {
  return db.transaction('r', [db.offices, db.peopleChunks], async () => {
    const offices = await db.offices.toArray();
    const lastOf = new Map<string, TermRow>();
    for (const office of offices) {
      const last = lastFullTerm(office.terms);
      if (last) lastOf.set(office.id, last);
    }
    const wanted = new Set([...lastOf.values()].map((t) => t.person));
    const people = new Map<string, Person>();
    await db.peopleChunks.each((chunk) => {
      for (const row of chunk.people) if (wanted.has(row.id)) people.set(row.id, personOf(row));
    });
    return offices.map((row) => {
      const last = lastOf.get(row.id);
      return { office: officeOf(row), term: last ? termOf(last, row.id) : null, person: (last && people.get(last.person)) ?? null };
    });
  });
}
