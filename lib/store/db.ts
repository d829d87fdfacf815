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
 * A term as stored: its dates also as day numbers, so that "who held the office on
 * day D" is one index range ([office+startLast] ≤ D) and a comparison, without parsing
 * date strings. First/last are the earliest and latest day a month- or year-precise
 * date may stand for.
 */
export interface TermRow extends Term {
  id?: number;
  startFirst: number;
  startLast: number;
  endFirst: number | null;
  endLast: number | null;
}

/** A person as stored: every name and alias folded ("Erdoğan" → "erdogan"), indexed. */
export interface PersonRow extends Person {
  nameKeys: string[];
}

/** An office as stored: its title phrases folded, indexed. */
export interface OfficeRow extends Office {
  titleKeys: string[];
}

/** A jurisdiction as stored: its id, names and demonyms folded, indexed. */
export interface JurisdictionRow extends Jurisdiction {
  nameKeys: string[];
}

/**
 * Every schema the database has had, oldest first. Never edit a released entry: add one.
 * v1: the first release (indexes on the raw date strings and names).
 * v2: derived, indexed search keys — term dates as day numbers ([office+startLast]) and
 *     folded name/title keys — because string dates of mixed precision do not order as
 *     periods ("2021" sorts before "2021-01-05" but may end after it) and an alias
 *     lookup must ignore case and diacritics. The upgrade computes them for stored rows.
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
} as const;

export const SCHEMA_VERSION = 2;

/** The folded form a name, title or jurisdiction word is stored and looked up by. */
export function searchKey(phrase: string): string {
  return phraseKey(phrase).join(' ');
}

function keysOf(...phrases: string[]): string[] {
  return [...new Set(phrases.map(searchKey).filter((k) => k !== ''))];
}

export function termRow(term: Term): TermRow {
  const start = periodOf(term.start);
  const end = term.end === null ? null : periodOf(term.end);
  return { ...term, startFirst: start.first, startLast: start.last, endFirst: end?.first ?? null, endLast: end?.last ?? null };
}

export function personRow(person: Person): PersonRow {
  return { ...person, nameKeys: keysOf(person.name, ...person.aliases) };
}

export function officeRow(office: Office): OfficeRow {
  return { ...office, titleKeys: keysOf(...office.titles) };
}

export function jurisdictionRow(j: Jurisdiction): JurisdictionRow {
  return { ...j, nameKeys: keysOf(j.id, j.name, ...j.names, ...j.demonyms) };
}

/** The plain term of a stored row (no id, no derived keys). */
export function termOf(row: TermRow): Term {
  const term: Term = { person: row.person, office: row.office, start: row.start, end: row.end, acting: row.acting, precision: row.precision };
  if (row.note !== undefined) term.note = row.note;
  return term;
}

function personOf({ nameKeys: _k, ...person }: PersonRow): Person {
  return person;
}

function officeOf({ titleKeys: _k, ...office }: OfficeRow): Office {
  return office;
}

function jurisdictionOf({ nameKeys: _k, ...j }: JurisdictionRow): Jurisdiction {
  return j;
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
    terms: tx.table<TermRow, number>('terms'),
    people: tx.table<PersonRow, string>('people'),
    offices: tx.table<OfficeRow, string>('offices'),
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
      terms: terms.map((row) => ({ ...termRow(termOf(row)), id: row.id })),
      people: people.map((row) => personRow({ ...row, aliases: row.aliases ?? [] })),
      offices: offices.map((row) => officeRow({ ...row, titles: row.titles ?? [] })),
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
  people!: Table<PersonRow, string>;
  terms!: Table<TermRow, number>;
  jurisdictions!: Table<JurisdictionRow, string>;
  meta!: Table<MetaRow, string>;
  flags!: Table<Flag, string>;
  sites!: Table<SiteRow, string>;

  constructor(name = 'factcheck', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMAS[1]);
    this.version(2).stores(SCHEMAS[2]).upgrade(upgradeToV2);
  }

  /** The reference data as one data set (for the verifier's in-memory index and for export). */
  async readDataset(): Promise<ReferenceDataset | null> {
    return this.transaction('r', [this.meta, this.offices, this.people, this.terms, this.jurisdictions], async () => {
      const meta = await this.meta.get('reference');
      if (!meta) return null;
      const [offices, people, terms, jurisdictions] = await Promise.all([
        this.offices.toArray(),
        this.people.toArray(),
        this.terms.toArray(),
        this.jurisdictions.toArray(),
      ]);
      return {
        version: meta.version,
        asOf: meta.asOf,
        offices: offices.map(officeOf),
        people: people.map(personOf),
        terms: terms.map(termOf),
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
    const rows = {
      offices: data.offices.map(officeRow),
      people: data.people.map(personRow),
      terms: data.terms.map(termRow),
      jurisdictions: data.jurisdictions.map(jurisdictionRow),
    };
    await this.transaction('rw', [this.meta, this.offices, this.people, this.terms, this.jurisdictions], async () => {
      if (options.expectVersion !== undefined) {
        const meta = await this.meta.get('reference');
        if (meta?.version !== options.expectVersion) throw new StoreChangedError(options.expectVersion, meta?.version);
      }
      await Promise.all([this.offices.clear(), this.people.clear(), this.terms.clear(), this.jurisdictions.clear()]);
      await this.offices.bulkAdd(rows.offices);
      await this.people.bulkAdd(rows.people);
      await this.terms.bulkAdd(rows.terms);
      await this.jurisdictions.bulkAdd(rows.jurisdictions);
      await this.meta.put({ key: 'reference', version: data.version, asOf: data.asOf, source, loadedAt: new Date().toISOString() });
    });
  }

  async referenceMeta(): Promise<MetaRow | undefined> {
    return this.meta.get('reference');
  }
}
