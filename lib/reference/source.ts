import { precisionOf, type DatePrecision } from '../dates/day';
import { ShapeReader } from './shape';
import type { Jurisdiction, Office, Person, ReferenceDataset, Term } from './types';

/** One parsed `data/offices/*.yaml` file, before checking. */
export interface OfficeSource {
  file: string;
  content: unknown;
}

const PRECISION_ORDER: DatePrecision[] = ['day', 'month', 'year'];

export function coarsestPrecision(...dates: Array<string | null>): DatePrecision {
  let worst = 0;
  for (const d of dates) {
    const p = d === null ? 'day' : (precisionOf(d) ?? 'day');
    worst = Math.max(worst, PRECISION_ORDER.indexOf(p));
  }
  return PRECISION_ORDER[worst]!;
}

/**
 * Turns the authored sources (jurisdictions file + one file per office) into one
 * data set. Shape problems are returned with file names; the data set's content
 * rules are checked separately by validateDataset.
 */
export function datasetFromSources(
  jurisdictionsContent: unknown,
  officeSources: OfficeSource[],
  version: string,
): { dataset: ReferenceDataset; problems: string[] } {
  const r = new ShapeReader();
  const jurisdictions: Jurisdiction[] = r.array(jurisdictionsContent, 'jurisdictions.yaml').map((value, i) => {
    const o = r.object(value, `jurisdictions.yaml[${i}]`, { required: ['id', 'name', 'names', 'demonyms'] }) ?? {};
    return {
      id: r.string(o.id, `jurisdictions.yaml[${i}].id`),
      name: r.string(o.name, `jurisdictions.yaml[${i}].name`),
      names: r.strings(o.names ?? [], `jurisdictions.yaml[${i}].names`),
      demonyms: r.strings(o.demonyms ?? [], `jurisdictions.yaml[${i}].demonyms`),
    };
  });

  const offices: Office[] = [];
  const people = new Map<string, Person>();
  const terms: Term[] = [];
  for (const { file, content } of officeSources) {
    const top = r.object(content, file, { required: ['office', 'people', 'terms'] });
    if (!top) continue;
    const o = r.object(top.office, `${file} office`, {
      required: ['id', 'label', 'jurisdiction', 'titles', 'asOf'],
      optional: ['qid', 'singleHolder', 'vacancies'],
    });
    if (!o) continue;
    const officeId = r.string(o.id, `${file} office.id`);
    if (`${officeId}.yaml` !== file.split('/').pop()) r.problems.push(`${file}: office.id ${officeId} does not match the file name`);
    offices.push({
      id: officeId,
      label: r.string(o.label, `${file} office.label`),
      qid: r.optionalString(o.qid, `${file} office.qid`),
      jurisdiction: r.string(o.jurisdiction, `${file} office.jurisdiction`),
      titles: r.strings(o.titles, `${file} office.titles`),
      singleHolder: r.boolean(o.singleHolder, `${file} office.singleHolder`, true),
      vacancies: r.boolean(o.vacancies, `${file} office.vacancies`, false),
      asOf: r.date(o.asOf, `${file} office.asOf`),
    });

    const peopleObj = r.object(top.people, `${file} people`, { required: [], optional: Object.keys(top.people ?? {}) }) ?? {};
    for (const [id, value] of Object.entries(peopleObj)) {
      const where = `${file} people.${id}`;
      const p = r.object(value, where, { required: ['name'], optional: ['qid', 'aliases'] });
      if (!p) continue;
      const person: Person = {
        id,
        name: r.string(p.name, `${where}.name`),
        qid: r.optionalString(p.qid, `${where}.qid`),
        aliases: r.strings(p.aliases ?? [], `${where}.aliases`),
      };
      const earlier = people.get(id);
      if (!earlier) people.set(id, person);
      else if ((earlier.qid && person.qid && earlier.qid !== person.qid) || earlier.name !== person.name) {
        r.problems.push(`${where}: ${person.name} (${person.qid}) differs from ${earlier.name} (${earlier.qid}) in another file`);
      } else {
        earlier.qid ||= person.qid;
        earlier.aliases = [...new Set([...earlier.aliases, ...person.aliases])];
      }
    }

    r.array(top.terms, `${file} terms`).forEach((value, i) => {
      const where = `${file} terms[${i}]`;
      const t = r.object(value, where, { required: ['person', 'start', 'end'], optional: ['acting', 'note'] });
      if (!t) return;
      const start = r.date(t.start, `${where}.start`);
      const end = t.end === null ? null : r.date(t.end, `${where}.end`);
      const person = r.string(t.person, `${where}.person`);
      if (!(person in peopleObj)) r.problems.push(`${where}: person ${person} is not listed under people in this file`);
      const term: Term = {
        person,
        office: officeId,
        start,
        end,
        acting: r.boolean(t.acting, `${where}.acting`, false),
        precision: coarsestPrecision(start, end),
      };
      if (t.note !== undefined) term.note = r.string(t.note, `${where}.note`);
      terms.push(term);
    });
  }

  const asOf = offices.map((o) => o.asOf).sort()[0] ?? '';
  return {
    dataset: { version, asOf, jurisdictions, offices, people: [...people.values()], terms },
    problems: r.problems,
  };
}
