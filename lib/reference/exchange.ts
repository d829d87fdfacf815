import { precisionOf } from '../dates/day';
import { coarsestPrecision } from './source';
import { ShapeReader } from './shape';
import type { Jurisdiction, Office, ReferenceDataset, ReferenceExport } from './types';
import { validateDataset } from './validate';

/** The stable exchange format. Field order is part of it: diffs between exports stay readable. */
export function toExport(data: ReferenceDataset): ReferenceExport {
  return {
    asOf: data.asOf,
    offices: data.offices.map((o) => ({ id: o.id, label: o.label, qid: o.qid, jurisdiction: o.jurisdiction, titles: o.titles })),
    people: data.people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, qid: p.qid })),
    terms: data.terms.map((t) => ({
      person: t.person,
      office: t.office,
      start: t.start,
      end: t.end,
      acting: t.acting,
      precision: t.precision,
    })),
  };
}

/** The export as file text: two-space indented, one trailing newline (as `npm run data -- export` writes it). */
export function exportJson(data: ReferenceDataset): string {
  return JSON.stringify(toExport(data), null, 2) + '\n';
}

/**
 * The largest import accepted, in characters. The shipped set exports to well under
 * 1 MB; a file far beyond that is not officeholder data, and parsing it would freeze the page.
 */
export const MAX_IMPORT_CHARS = 10_000_000;

/** A short, stable name for a data set's content (FNV-1a over its export), for versions of imported or refreshed data. */
export function contentFingerprint(data: Pick<ReferenceDataset, 'asOf' | 'offices' | 'people' | 'terms'>): string {
  const text = JSON.stringify(toExport({ ...data, version: '', jurisdictions: [] }));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export type ImportResult = { ok: true; dataset: ReferenceDataset } | { ok: false; problems: string[] };

/** How many problems an import error shows; the rest are counted. */
const SHOWN_PROBLEMS = 8;

/**
 * Reads an export file (text) completely and checks it before anything is written.
 * The format does not carry `singleHolder` and `vacancies`: an office the extension
 * already knows (`knownOffices`, by id) keeps its own, any other takes `singleHolder:
 * true`, `vacancies: false`. Every office takes the file's asOf; jurisdictions are the
 * ones the extension has.
 */
export function parseExport(
  text: string,
  jurisdictions: Jurisdiction[],
  version: string,
  knownOffices: Array<Pick<Office, 'id' | 'singleHolder' | 'vacancies'>> = [],
): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return fail([`The file is too large (${text.length.toLocaleString('en')} characters; at most ${MAX_IMPORT_CHARS.toLocaleString('en')}).`]);
  }
  const traits = new Map(knownOffices.map((o) => [o.id, o]));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const r = new ShapeReader();
  const top = r.object(json, 'file', { required: ['asOf', 'offices', 'people', 'terms'] });
  if (!top) return fail(r.problems);
  const asOf = r.string(top.asOf, 'asOf');
  const offices = r.array(top.offices, 'offices').map((v, i) => {
    const o = r.object(v, `offices[${i}]`, { required: ['id', 'label', 'qid', 'jurisdiction', 'titles'] }) ?? {};
    const id = r.string(o.id, `offices[${i}].id`);
    return {
      id,
      label: r.string(o.label, `offices[${i}].label`),
      qid: r.string(o.qid, `offices[${i}].qid`),
      jurisdiction: r.string(o.jurisdiction, `offices[${i}].jurisdiction`),
      titles: r.strings(o.titles, `offices[${i}].titles`),
      singleHolder: traits.get(id)?.singleHolder ?? true,
      vacancies: traits.get(id)?.vacancies ?? false,
      asOf,
    };
  });
  const people = r.array(top.people, 'people').map((v, i) => {
    const p = r.object(v, `people[${i}]`, { required: ['id', 'name', 'aliases', 'qid'] }) ?? {};
    return {
      id: r.string(p.id, `people[${i}].id`),
      name: r.string(p.name, `people[${i}].name`),
      aliases: r.strings(p.aliases, `people[${i}].aliases`),
      qid: r.string(p.qid, `people[${i}].qid`),
    };
  });
  const terms = r.array(top.terms, 'terms').map((v, i) => {
    const t = r.object(v, `terms[${i}]`, { required: ['person', 'office', 'start', 'end', 'acting', 'precision'] }) ?? {};
    const start = r.string(t.start, `terms[${i}].start`);
    const end = t.end === null ? null : r.string(t.end, `terms[${i}].end`);
    const precision = r.string(t.precision, `terms[${i}].precision`);
    if (precisionOf(start) && (end === null || precisionOf(end)) && precision !== coarsestPrecision(start, end)) {
      r.problems.push(`terms[${i}].precision: ${JSON.stringify(precision)} does not match its dates (${coarsestPrecision(start, end)})`);
    }
    return {
      person: r.string(t.person, `terms[${i}].person`),
      office: r.string(t.office, `terms[${i}].office`),
      start,
      end,
      acting: r.boolean(t.acting, `terms[${i}].acting`, false),
      precision: coarsestPrecision(start, end),
    };
  });
  if (r.problems.length > 0) return fail(r.problems);
  const dataset: ReferenceDataset = { version, asOf, jurisdictions, offices, people, terms };
  const problems = validateDataset(dataset, { requireQids: false });
  return problems.length > 0 ? fail(problems) : { ok: true, dataset };
}

function fail(problems: string[]): ImportResult {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  if (problems.length > SHOWN_PROBLEMS) shown.push(`… and ${problems.length - SHOWN_PROBLEMS} more problems`);
  return { ok: false, problems: shown };
}
