/**
 * The verifier's questions, answered from the store through its indexes (schema v2).
 * They follow the same rules as the in-memory ReferenceIndex: a term counts for a
 * period only if it certainly covers a day of it, and the day power changes hands
 * belongs to both the outgoing and the incoming holder.
 */
import Dexie from 'dexie';
import { parsePeriod, type Period } from '../dates/day';
import { searchKey, termOf, type FactCheckDB, type TermRow } from './db';
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
  const rows = await db.terms
    .where('[office+startLast]')
    .between([officeId, Dexie.minKey], [officeId, period.last], true, true)
    .filter((row) => coversSomeDay(row, period))
    .toArray();
  return rows.map(termOf);
}

/** Holders on one day: `holdersDuring` with a day-precise date. */
export async function holdersOn(db: FactCheckDB, officeId: string, day: string): Promise<Term[]> {
  return holdersDuring(db, officeId, day);
}

/** People known by this name or any alias, in any spelling the fold unifies (case, diacritics, dots). */
export async function peopleNamed(db: FactCheckDB, name: string): Promise<Person[]> {
  const key = searchKey(name);
  if (!key) return [];
  const rows = await db.people.where('nameKeys').equals(key).toArray();
  return rows.map(({ nameKeys: _k, ...person }) => person);
}

/** Every term of everyone known by this name or alias, earliest first; optionally in one office. */
export async function termsOfPersonNamed(db: FactCheckDB, name: string, officeId?: string): Promise<Term[]> {
  const people = await peopleNamed(db, name);
  if (people.length === 0) return [];
  const rows = await db.terms
    .where('person')
    .anyOf(people.map((p) => p.id))
    .filter((row) => officeId === undefined || row.office === officeId)
    .toArray();
  return rows.sort((a, b) => a.startFirst - b.startFirst).map(termOf);
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
  return rows.map(({ titleKeys: _k, ...office }) => office);
}

/**
 * The last holder the data knows (the open full term, else the latest full term;
 * acting holders stand in and are not the answer) and the day the office's data is good to.
 */
export async function lastKnownHolder(db: FactCheckDB, officeId: string): Promise<{ term: Term | null; asOf: string } | null> {
  return db.transaction('r', [db.offices, db.terms], async () => {
    const office = await db.offices.get(officeId);
    if (!office) return null;
    const rows = await db.terms
      .where('[office+startLast]')
      .between([officeId, Dexie.minKey], [officeId, Dexie.maxKey], true, true)
      .filter((row) => !row.acting)
      .toArray();
    const open = rows.filter((row) => row.end === null);
    const last = open.at(-1) ?? rows.at(-1);
    return { term: last ? termOf(last) : null, asOf: office.asOf };
  });
}
