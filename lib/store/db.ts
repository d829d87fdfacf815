import Dexie, { type Table } from 'dexie';
import type { Flag } from '../messaging/protocol';
import type { Jurisdiction, Office, Person, ReferenceDataset, Term } from '../reference/types';

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

export interface TermRow extends Term {
  id?: number;
}

/** The extension's database: reference data, the reader's flags and site switches. Lives in the extension's origin. */
export class FactCheckDB extends Dexie {
  offices!: Table<Office, string>;
  people!: Table<Person, string>;
  terms!: Table<TermRow, number>;
  jurisdictions!: Table<Jurisdiction, string>;
  meta!: Table<MetaRow, string>;
  flags!: Table<Flag, string>;
  sites!: Table<SiteRow, string>;

  constructor(name = 'factcheck') {
    super(name);
    this.version(1).stores({
      offices: 'id, jurisdiction, *titles',
      people: 'id, name, *aliases',
      terms: '++id, person, office, [office+start], start, end',
      jurisdictions: 'id',
      meta: 'key',
      flags: 'id, url, [url+claimId], createdAt',
      sites: 'host',
    });
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
        offices,
        people,
        terms: terms.map(({ id: _id, ...t }) => t),
        jurisdictions,
      };
    });
  }

  /** Replaces all reference rows in one transaction; flags and site switches are not touched. */
  async replaceReference(data: ReferenceDataset, source: MetaRow['source']): Promise<void> {
    await this.transaction('rw', [this.meta, this.offices, this.people, this.terms, this.jurisdictions], async () => {
      await Promise.all([this.offices.clear(), this.people.clear(), this.terms.clear(), this.jurisdictions.clear()]);
      await this.offices.bulkAdd(data.offices);
      await this.people.bulkAdd(data.people);
      await this.terms.bulkAdd(data.terms);
      await this.jurisdictions.bulkAdd(data.jurisdictions);
      await this.meta.put({ key: 'reference', version: data.version, asOf: data.asOf, source, loadedAt: new Date().toISOString() });
    });
  }
}
