/**
 * Runs inside the extension's own options page (bundled by scripts/bench.ts and
 * evaluated there), so the import and the lookups use the extension's real
 * IndexedDB, through the same Dexie schema and code the extension ships.
 */
import { parsePeriod } from '../../lib/dates/day';
import { ReferenceIndex } from '../../lib/reference/reference-index';
import type { ReferenceDataset, Term } from '../../lib/reference/types';
import { FactCheckDB } from '../../lib/store/db';
import { holdersDuring } from '../../lib/store/queries';
import { judge } from '../../lib/verify/judge';

/** A Wikidata-sized synthetic set: `terms` terms over offices held in turn by invented people. */
function syntheticDataset(terms: number): ReferenceDataset {
  const termsPerOffice = 15;
  const offices = Math.ceil(terms / termsPerOffice);
  const data: ReferenceDataset = { version: `bench-${terms}`, asOf: '2025-06-30', jurisdictions: [], offices: [], people: [], terms: [] };
  for (let j = 0; j < 200; j++) data.jurisdictions.push({ id: `J${j}`, name: `Land ${j}`, names: [`Land ${j}`], demonyms: [`Landish${j}`] });
  for (let o = 0; o < offices; o++) {
    data.offices.push({ id: `office-${o}`, label: `Minister ${o}`, qid: `Q${1_000_000 + o}`, jurisdiction: `J${o % 200}`, titles: [`minister ${o}`], singleHolder: true, vacancies: false, asOf: '2025-06-30' });
    for (let k = 0; k < termsPerOffice && data.terms.length < terms; k++) {
      // Two holders share a person now and then, as real careers do.
      const person = `person-${(o * termsPerOffice + k) % Math.ceil(terms * 0.7)}`;
      const startYear = 1850 + k * 11;
      const term: Term = { person, office: `office-${o}`, start: `${startYear}-0${1 + (o % 9)}-1${k % 10}`, end: k === termsPerOffice - 1 ? null : `${startYear + 11}-0${1 + (o % 9)}-1${k % 10}`, acting: false, precision: 'day' };
      data.terms.push(term);
    }
  }
  const people = new Set(data.terms.map((t) => t.person));
  for (const id of people) data.people.push({ id, name: `Given ${id} Family`, aliases: [`Family${id.slice(7)}`], qid: `Q${2_000_000 + Number(id.slice(7))}` });
  return data;
}

async function importTerms(terms: number) {
  const data = syntheticDataset(terms);
  const db = new FactCheckDB();
  const t0 = performance.now();
  await db.replaceReference(data, 'import');
  const importMs = performance.now() - t0;
  // Terms are stored in their office's row: count what is in the rows.
  let stored = 0;
  await db.offices.each((row) => (stored += row.terms.length));
  db.close();
  return { importMs, stored, offices: data.offices.length, people: data.people.length };
}

async function lookups(count: number) {
  const db = new FactCheckDB();
  const t0 = performance.now();
  const data = await db.readDataset();
  if (!data) throw new Error('no reference data stored');
  const index = new ReferenceIndex(data);
  const loadMs = performance.now() - t0;
  // The same pseudo-random questions every run.
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const questions = Array.from({ length: count }, () => {
    const term = data.terms[next(data.terms.length)]!;
    return { personId: term.person, officeId: term.office, page: parsePeriod(`${1850 + next(175)}-06-15`) };
  });
  const t1 = performance.now();
  const verdicts: Record<string, number> = {};
  for (const q of questions) {
    const j = judge(index, { ...q, qualifier: null, pastTense: false, regnal: false, stated: null, mentionedYears: [] });
    index.holdersDuring(q.officeId, j.period ?? q.page!);
    verdicts[j.verdict] = (verdicts[j.verdict] ?? 0) + 1;
  }
  const lookupMs = performance.now() - t1;
  // The same questions straight against IndexedDB (the store's query: the office's row, filtered), for comparison.
  const t2 = performance.now();
  await db.transaction('r', db.offices, () => Promise.all(questions.map((q) => holdersDuring(db, q.officeId, q.page!))));
  const idbLookupMs = performance.now() - t2;
  db.close();
  return { loadMs, lookupMs, idbLookupMs, verdicts };
}

(globalThis as unknown as { factcheckBench: unknown }).factcheckBench = { importTerms, lookups };
