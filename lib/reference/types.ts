import type { DatePrecision } from '../dates/day';

/** A country or international body, with every way a news writer names it. */
export interface Jurisdiction {
  id: string;
  name: string;
  /** Names and abbreviations: "United States", "U.S.", "US", "America". */
  names: string[];
  /** Adjectives: "American", "U.S." (as in "U.S. Secretary of State"). */
  demonyms: string[];
}

export interface Office {
  id: string;
  /** Canonical label, e.g. "Chancellor of Germany". */
  label: string;
  qid: string;
  jurisdiction: string;
  /** Lowercase title phrases: "chancellor", "bundeskanzler", "chancellor of the exchequer". */
  titles: string[];
  /** One holder at a time (acting holders may overlap, marked). */
  singleHolder: boolean;
  /** The office may stand empty for more than 60 days. */
  vacancies: boolean;
  /** The data for this office is known good up to this day (`YYYY-MM-DD`). */
  asOf: string;
}

export interface Person {
  id: string;
  name: string;
  /** Spelling variants and short forms ("Zelenskyy", "Merkel"). One-word aliases only match next to a title. */
  aliases: string[];
  qid: string;
}

export interface Term {
  person: string;
  office: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  start: string;
  /** Same forms; null while in office. */
  end: string | null;
  acting: boolean;
  /** The coarsest precision of start and end. */
  precision: DatePrecision;
  note?: string;
}

/** Everything the verifier knows. This is also the shipped data set. */
export interface ReferenceDataset {
  /** Identifies the data's content (shipped builds: a hash of the sources). */
  version: string;
  /** The day up to which the whole data set is known good (the earliest office asOf). */
  asOf: string;
  jurisdictions: Jurisdiction[];
  offices: Office[];
  people: Person[];
  terms: Term[];
}

/** The stable exchange format (`npm run data -- export`, options page import/export). */
export interface ReferenceExport {
  asOf: string;
  offices: Array<Pick<Office, 'id' | 'label' | 'qid' | 'jurisdiction' | 'titles'>>;
  people: Array<Pick<Person, 'id' | 'name' | 'aliases' | 'qid'>>;
  terms: Array<Pick<Term, 'person' | 'office' | 'start' | 'end' | 'acting' | 'precision'>>;
}
