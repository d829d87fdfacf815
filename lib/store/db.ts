import Dexie, { type Table, type Transaction } from 'dexie';
import { periodOf } from '../dates/day';
import type { Flag } from '../messaging/protocol';
import type { Jurisdiction, Office, Person, ReferenceDataset, Term } from '../reference/types';
import { phraseKey } from '../text/tokens';

export interface MetaRow {
  key: 'reference';
  version: string;
  asOf: string;
  /** 'shipped' (from the extension package) or 'import' / 'wikidata' (the reader replaced it). */
  source: 'shipped' | 'import' | 'wikidata';
  loadedAt: string;
}

export interface SiteRow {
  host: string;
  enabled: boolean;
}

/**
 * A term's dates as day numbers, so that "who held the office on day D" is a comparison
 * of numbers, without parsing date strings. First/last are the earliest and latest day
 * a month- or year-precise date may stand for.
 */
interface TermDays {
  startFirst: number;
  startLast: number;
  endFirst: number | null;
  endLast: number | null;
}

/**
 * A term as stored inside its office's row (v3): without the office (the row's key), with
 * its dates as day numbers and `seq`, its position in the data set's term list, so that
 * reading the data set gives the terms back in the order they were written.
 */
export interface TermRow extends Omit<Term, 'office'>, TermDays {
  seq: number;
}

/**
 * A person as stored: the plain person and the offices the person held, so that their
 * terms are found without an index over 300,000 terms. Names are not folded here (v2 did):
 * a name lookup folds them as it reads, since folding 210,000 names made an import slow.
 */
export interface PersonRow extends Person {
  offices: string[];
}

/**
 * Up to PEOPLE_PER_CHUNK people with consecutive ids (in IndexedDB's key order), keyed by
 * the first id: a person by id is one key-range read, and all chunks in key order are
 * all people in id order.
 */
export interface PeopleChunkRow {
  first: string;
  people: PersonRow[];
}

/**
 * An office as stored: its title phrases folded (indexed) and, since v3, every term of
 * the office ordered by `startLast` (then `seq`) — "who held it on day D" is one row.
 */
export interface OfficeRow extends Office {
  titleKeys: string[];
  terms: TermRow[];
}

/** A jurisdiction as stored: its id, names and demonyms folded, indexed. */
export interface JurisdictionRow extends Jurisdiction {
  nameKeys: string[];
}

/** v2's row shapes, read only by the upgrades. */
type V2TermRow = Term & TermDays & { id?: number };
type V2PersonRow = Person & { nameKeys: string[] };
type V2OfficeRow = Office & { titleKeys: string[] };

/**
 * People per chunk row. Writing a row costs about as much as writing a few kilobytes, so
 * fewer, bigger rows are what makes a Wikidata-sized import fast; a lookup by id reads one
 * chunk (about 100 kB), which is still quick.
 */
export const PEOPLE_PER_CHUNK = 1000;

/**
 * Every schema the database has had, oldest first. Never edit a released entry: add one.
 * v1: the first release (indexes on the raw date strings and names).
 * v2: derived, indexed search keys — term dates as day numbers ([office+startLast]) and
 *     folded name/title keys — because string dates of mixed precision do not order as
 *     periods ("2021" sorts before "2021-01-05" but may end after it) and an alias
 *     lookup must ignore case and diacritics. The upgrade computes them for stored rows.
 * v3: few rows (docs/adr/0004-store-import-speed.md). IndexedDB's cost is per row and
 *     per index entry, so 300,000 term rows with two indexes took a minute to write.
 *     Each office row holds the office's terms (the title index stays: one entry or
 *     a few per office), people are chunks of PEOPLE_PER_CHUNK keyed by their first id
 *     (`peopleChunks`, no index, names not folded); jurisdictions are unchanged. The
 *     `terms` and `people` tables are dropped once the upgrade has moved their rows.
 */
export const SCHEMAS = {
  1: {
    offices: 'id, jurisdiction, *titles',
    people: 'id, name, *aliases',
    terms: '++id, person, office, [office+start], start, end',
    jurisdictions: 'id',
    meta: 'key',
    flags: 'id, url, [url+claimId], createdAt',
    sites: 'host',
  },
  2: {
    offices: 'id, jurisdiction, *titleKeys',
    people: 'id, *nameKeys',
    terms: '++id, person, [office+startLast]',
    jurisdictions: 'id, *nameKeys',
    meta: 'key',
    flags: 'id, url, [url+claimId], createdAt',
    sites: 'host',
  },
  3: {
    offices: 'id, *titleKeys',
    peopleChunks: 'first',
    people: null,
    terms: null,
    jurisdictions: 'id, *nameKeys',
    meta: 'key',
    flags: 'id, url, [url+claimId], createdAt',
    sites: 'host',
  },
} as const;

export const SCHEMA_VERSION = 3;

/** The folded form a name, title or jurisdiction word is stored and looked up by. */
export function searchKey(phrase: string): string {
  return phraseKey(phrase).join(' ');
}

function keysOf(...phrases: string[]): string[] {
  return [...new Set(phrases.map(searchKey).filter((k) => k !== ''))];
}

/** The day numbers of a term's dates; throws on a date that is not a date. */
function termDays(term: Term): TermDays {
  const start = periodOf(term.start);
  const end = term.end === null ? null : periodOf(term.end);
  return { startFirst: start.first, startLast: start.last, endFirst: end?.first ?? null, endLast: end?.last ?? null };
}

export function termRow(term: Term, seq: number): TermRow {
  const { office: _office, ...rest } = term;
  return { ...rest, seq, ...termDays(term) };
}

function officeRow(office: Office, terms: TermRow[]): OfficeRow {
  return { ...office, titleKeys: keysOf(...office.titles), terms };
}

/** The folded forms of a person's name and aliases, as a name lookup compares them. */
export function nameKeysOf(person: Person): string[] {
  return keysOf(person.name, ...person.aliases);
}

export function jurisdictionRow(j: Jurisdiction): JurisdictionRow {
  return { ...j, nameKeys: keysOf(j.id, j.name, ...j.names, ...j.demonyms) };
}

/** The plain term of a stored row in an office's row (no seq, no day numbers). */
export function termOf(row: TermRow, office: string): Term {
  const term: Term = { person: row.person, office, start: row.start, end: row.end, acting: row.acting, precision: row.precision };
  if (row.note !== undefined) term.note = row.note;
  return term;
}

/** The plain person of a stored row (no derived keys). */
export function personOf({ offices: _o, ...person }: PersonRow): Person {
  return person;
}

export function officeOf({ titleKeys: _k, terms: _t, ...office }: OfficeRow): Office {
  return office;
}

function jurisdictionOf({ nameKeys: _k, ...j }: JurisdictionRow): Jurisdiction {
  return j;
}

/** IndexedDB orders string keys by UTF-16 code units, as `<` does (not localeCompare). */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The v3 rows for offices (each with its terms) and people (in chunks). Throws, before
 * anything is written, on a malformed date, a term of an office the data does not have
 * (it would have no row to go in) and a person id given twice (chunked people have no
 * primary key per person to refuse it).
 */
function officeAndPeopleRows(offices: Office[], people: Person[], terms: Term[]): { offices: OfficeRow[]; peopleChunks: PeopleChunkRow[] } {
  const byOffice = new Map<string, TermRow[]>(offices.map((o) => [o.id, []]));
  const officesOf = new Map<string, Set<string>>();
  terms.forEach((term, seq) => {
    const list = byOffice.get(term.office);
    if (!list) throw new Error(`A term of ${term.person} is in office ${term.office}, which the data does not have.`);
    list.push(termRow(term, seq));
    const held = officesOf.get(term.person);
    if (held) held.add(term.office);
    else officesOf.set(term.person, new Set([term.office]));
  });
  const officeRows = offices.map((o) => officeRow(o, byOffice.get(o.id)!.sort((a, b) => a.startLast - b.startLast || a.seq - b.seq)));
  const rows = people.map((p): PersonRow => ({ ...p, offices: [...(officesOf.get(p.id) ?? [])] }));
  rows.sort((a, b) => byKey(a.id, b.id));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.id === rows[i - 1]!.id) throw new Error(`Person ${rows[i]!.id} appears twice in the data.`);
  }
  const peopleChunks: PeopleChunkRow[] = [];
  for (let i = 0; i < rows.length; i += PEOPLE_PER_CHUNK) {
    const chunk = rows.slice(i, i + PEOPLE_PER_CHUNK);
    peopleChunks.push({ first: chunk[0]!.id, people: chunk });
  }
  return { offices: officeRows, peopleChunks };
}

/**
 * v1 → v2: compute the derived keys for the reference rows already stored. Flags and
 * sites are not read or written. A reference row that cannot be converted (a date that
 * is not a date) must not stop the database from opening — the reader's flags are in
 * it — so then the reference rows are dropped instead and the shipped data is loaded
 * again on the next start (FactCheckService.ensureReference).
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const tables = {
    terms: tx.table<V2TermRow, number>('terms'),
    people: tx.table<V2PersonRow, string>('people'),
    offices: tx.table<V2OfficeRow, string>('offices'),
    jurisdictions: tx.table<JurisdictionRow, string>('jurisdictions'),
  };
  const [terms, people, offices, jurisdictions] = await Promise.all([
    tables.terms.toArray(),
    tables.people.toArray(),
    tables.offices.toArray(),
    tables.jurisdictions.toArray(),
  ]);
  let upgraded;
  try {
    upgraded = {
      terms: terms.map((row) => {
        const term = v2TermOf(row);
        return { ...term, ...termDays(term), id: row.id };
      }),
      people: people.map((row) => {
        const person = { ...row, aliases: row.aliases ?? [] };
        return { ...person, nameKeys: keysOf(person.name, ...person.aliases) };
      }),
      offices: offices.map((row) => {
        const titles = row.titles ?? [];
        return { ...row, titles, titleKeys: keysOf(...titles) };
      }),
      jurisdictions: jurisdictions.map((row) => jurisdictionRow({ ...row, names: row.names ?? [], demonyms: row.demonyms ?? [] })),
    };
  } catch {
    await Promise.all([...Object.values(tables).map((t) => t.clear()), tx.table('meta').delete('reference')]);
    return;
  }
  await tables.terms.bulkPut(upgraded.terms);
  await tables.people.bulkPut(upgraded.people);
  await tables.offices.bulkPut(upgraded.offices);
  await tables.jurisdictions.bulkPut(upgraded.jurisdictions);
}

function v2TermOf(row: V2TermRow): Term {
  const term: Term = { person: row.person, office: row.office, start: row.start, end: row.end, acting: row.acting, precision: row.precision };
  if (row.note !== undefined) term.note = row.note;
  return term;
}

/**
 * v2 → v3: put each office's terms into its row and the people into chunks (the v2
 * `terms` and `people` tables are deleted once this has run). Jurisdictions, flags and
 * sites stay as they are. As in v2, data that cannot be converted drops the reference
 * rows, never the flags, and the shipped data is loaded again.
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const [terms, people, offices] = await Promise.all([
    tx.table<V2TermRow, number>('terms').toArray(),
    tx.table<V2PersonRow, string>('people').toArray(),
    tx.table<V2OfficeRow, string>('offices').toArray(),
  ]);
  let rows;
  try {
    // v2 terms in primary-key order are the order they were written in.
    rows = officeAndPeopleRows(
      offices.map(({ titleKeys: _k, ...office }) => office),
      people.map(({ nameKeys: _k, ...person }) => person),
      terms.map(v2TermOf),
    );
  } catch {
    const reference = ['offices', 'peopleChunks', 'jurisdictions'].map((t) => tx.table(t).clear());
    await Promise.all([...reference, tx.table('meta').delete('reference')]);
    return;
  }
  await tx.table<OfficeRow, string>('offices').bulkPut(rows.offices);
  await tx.table<PeopleChunkRow, string>('peopleChunks').bulkAdd(rows.peopleChunks);
}

/** The store changed between reading it and writing (another tab imported or refreshed). */
export class StoreChangedError extends Error {
  constructor(expected: string, found: string | undefined) {
    super(`The reference data changed while you were looking at it (expected version ${expected}, found ${found ?? 'none'}). Nothing was written; please try again.`);
    this.name = 'StoreChangedError';
  }
}

/** The extension's database: reference data, the reader's flags and site switches. Lives in the extension's origin. */
export class FactCheckDB extends Dexie {
  offices!: Table<OfficeRow, string>;
  peopleChunks!: Table<PeopleChunkRow, string>;
  jurisdictions!: Table<JurisdictionRow, string>;
  meta!: Table<MetaRow, string>;
  flags!: Table<Flag, string>;
  sites!: Table<SiteRow, string>;

  /** People by id, as a table of people would give them (the rows are chunks: this reads the one the id falls in). */
  readonly people = { get: (id: string): Promise<Person | undefined> => this.person(id) };

  constructor(name = 'factcheck', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMAS[1]);
    this.version(2).stores(SCHEMAS[2]).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMAS[3]).upgrade(upgradeToV3);
  }

  /** The reference tables, for a transaction's scope. */
  referenceTables() {
    return [this.meta, this.offices, this.peopleChunks, this.jurisdictions];
  }

  /** The stored person with this id, if any. */
  async personRow(id: string): Promise<PersonRow | undefined> {
    const chunk = await this.peopleChunks.where('first').belowOrEqual(id).last();
    return chunk?.people.find((p) => p.id === id);
  }

  async person(id: string): Promise<Person | undefined> {
    const row = await this.personRow(id);
    return row && personOf(row);
  }

  /** The reference data as one data set (for the verifier's in-memory index and for export). */
  async readDataset(): Promise<ReferenceDataset | null> {
    return this.transaction('r', this.referenceTables(), async () => {
      const meta = await this.meta.get('reference');
      if (!meta) return null;
      const [offices, peopleChunks, jurisdictions] = await Promise.all([this.offices.toArray(), this.peopleChunks.toArray(), this.jurisdictions.toArray()]);
      // Every term goes back to its place in the list it was written from (seq is 0…n-1).
      const terms = new Array<Term>(offices.reduce((n, row) => n + row.terms.length, 0));
      for (const row of offices) for (const t of row.terms) terms[t.seq] = termOf(t, row.id);
      return {
        version: meta.version,
        asOf: meta.asOf,
        offices: offices.map(officeOf),
        people: peopleChunks.flatMap((chunk) => chunk.people.map(personOf)),
        terms,
        jurisdictions: jurisdictions.map(jurisdictionOf),
      };
    });
  }

  /**
   * Replaces all reference rows in one transaction; flags and site switches are not touched.
   * Any failure (quota, a closed database) aborts the transaction, so the old rows stay.
   * With `expectVersion`, refuses (StoreChangedError) when the stored version is no
   * longer the one the caller computed its change from.
   */
  async replaceReference(data: ReferenceDataset, source: MetaRow['source'], options: { expectVersion?: string } = {}): Promise<void> {
    // Derive the rows first: a malformed date throws here, before the transaction starts.
    const rows = { ...officeAndPeopleRows(data.offices, data.people, data.terms), jurisdictions: data.jurisdictions.map(jurisdictionRow) };
    await this.transaction('rw', this.referenceTables(), async () => {
      if (options.expectVersion !== undefined) {
        const meta = await this.meta.get('reference');
        if (meta?.version !== options.expectVersion) throw new StoreChangedError(options.expectVersion, meta?.version);
      }
      await Promise.all([this.offices.clear(), this.peopleChunks.clear(), this.jurisdictions.clear()]);
      await this.offices.bulkAdd(rows.offices);
      await this.peopleChunks.bulkAdd(rows.peopleChunks);
      await this.jurisdictions.bulkAdd(rows.jurisdictions);
      await this.meta.put({ key: 'reference', version: data.version, asOf: data.asOf, source, loadedAt: new Date().toISOString() });
    });
  }

  async referenceMeta(): Promise<MetaRow | undefined> {
    return this.meta.get('reference');
  }
}
