import { parsePeriod, periodOf, type Period } from '../dates/day';
import { PhraseTrie } from '../text/phrase-trie';
import { phraseKey } from '../text/tokens';
import type { Jurisdiction, Office, Person, ReferenceDataset, Term } from './types';

/** A term with its dates as periods: the start is somewhere in `start`, the end somewhere in `end`. */
export interface DatedTerm extends Term {
  startPeriod: Period;
  endPeriod: Period | null;
}

export interface NameEntry {
  person: string;
  /** A one-word name ("Merkel"): only a claim when it stands next to a title. */
  short: boolean;
}

export interface JurisdictionEntry {
  jurisdiction: string;
  kind: 'name' | 'demonym';
  /** Written in capitals in the data ("WHO", "US"): only matches capitals in text. */
  abbreviation: boolean;
}

/**
 * The reference data in memory, indexed for the verifier and the claim finder.
 * Built once per data version (a few ms for the shipped set) in the background and in Node.
 */
export class ReferenceIndex {
  readonly offices = new Map<string, Office>();
  readonly people = new Map<string, Person>();
  readonly jurisdictions = new Map<string, Jurisdiction>();
  readonly names = new PhraseTrie<NameEntry>();
  /** Title phrases stored reversed, so a title can be read backwards from a name. */
  readonly titlesReversed = new PhraseTrie<string>();
  readonly titles = new PhraseTrie<string>();
  readonly jurisdictionWords = new PhraseTrie<JurisdictionEntry>();
  readonly jurisdictionWordsReversed = new PhraseTrie<JurisdictionEntry>();
  private readonly termsByOffice = new Map<string, DatedTerm[]>();
  private readonly termsByPerson = new Map<string, DatedTerm[]>();

  constructor(readonly data: ReferenceDataset) {
    for (const j of data.jurisdictions) {
      this.jurisdictions.set(j.id, j);
      for (const [words, kind] of [
        [j.names, 'name'],
        [j.demonyms, 'demonym'],
      ] as const) {
        for (const word of words) {
          const key = phraseKey(word);
          const entry = { jurisdiction: j.id, kind, abbreviation: /^[A-Z.]+$/.test(word) };
          this.jurisdictionWords.add(key, entry);
          this.jurisdictionWordsReversed.add([...key].reverse(), entry);
        }
      }
    }
    for (const office of data.offices) {
      this.offices.set(office.id, office);
      for (const title of office.titles) {
        const key = phraseKey(title);
        this.titles.add(key, office.id);
        this.titlesReversed.add([...key].reverse(), office.id);
      }
    }
    for (const person of data.people) {
      this.people.set(person.id, person);
      for (const name of [person.name, ...person.aliases]) {
        const key = phraseKey(name);
        // "King Charles III" is a title and a name: keep the name only, so the title is read as one.
        const title = this.titles.longest((i) => key[i], 0, 1);
        if (title && title.length < key.length && name !== person.name) continue;
        this.names.add(key, { person: person.id, short: key.length === 1 });
      }
    }
    for (const term of data.terms) {
      const dated: DatedTerm = {
        ...term,
        startPeriod: periodOf(term.start),
        endPeriod: term.end === null ? null : periodOf(term.end),
      };
      push(this.termsByOffice, term.office, dated);
      push(this.termsByPerson, term.person, dated);
    }
    for (const list of this.termsByOffice.values()) list.sort((a, b) => a.startPeriod.first - b.startPeriod.first);
    for (const list of this.termsByPerson.values()) list.sort((a, b) => a.startPeriod.first - b.startPeriod.first);
  }

  termsOfOffice(officeId: string): DatedTerm[] {
    return this.termsByOffice.get(officeId) ?? [];
  }

  termsOfPerson(personId: string, officeId?: string): DatedTerm[] {
    const all = this.termsByPerson.get(personId) ?? [];
    return officeId === undefined ? all : all.filter((t) => t.office === officeId);
  }

  /** Terms that certainly cover some day of `period` (so the holder held the office then). */
  holdersDuring(officeId: string, period: Period): DatedTerm[] {
    return this.termsOfOffice(officeId).filter((t) => certainlyOverlaps(t, period));
  }

  /** The holder of the open term (or the latest term) and the day the office's data is good to. */
  lastKnown(officeId: string): { term: DatedTerm | null; asOf: Period } {
    const terms = this.termsOfOffice(officeId).filter((t) => !t.acting);
    const office = this.offices.get(officeId);
    const open = terms.filter((t) => t.endPeriod === null);
    return {
      term: open.at(-1) ?? terms.at(-1) ?? null,
      asOf: parsePeriod(office?.asOf ?? this.data.asOf) ?? periodOf(this.data.asOf),
    };
  }

  /** The first day the office's data covers. */
  coverageStart(officeId: string): number | null {
    return this.termsOfOffice(officeId)[0]?.startPeriod.last ?? null;
  }
}

/** The term certainly includes at least one day of `period`. */
export function certainlyOverlaps(term: DatedTerm, period: Period): boolean {
  const latestStart = term.startPeriod.last;
  const earliestEnd = term.endPeriod ? term.endPeriod.first : Infinity;
  return latestStart <= period.last && earliestEnd >= period.first && latestStart <= earliestEnd;
}

/** The term might include a day of `period`. */
export function possiblyOverlaps(term: DatedTerm, period: Period): boolean {
  const earliestStart = term.startPeriod.first;
  const latestEnd = term.endPeriod ? term.endPeriod.last : Infinity;
  return earliestStart <= period.last && latestEnd >= period.first;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
