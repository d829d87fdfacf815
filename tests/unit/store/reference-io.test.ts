import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { exportJson, MAX_IMPORT_CHARS } from '../../../lib/reference/exchange.ts';
import type { ReferenceExport } from '../../../lib/reference/types.ts';
import { FactCheckDB, StoreChangedError } from '../../../lib/store/db.ts';
import { holdersOn } from '../../../lib/store/queries.ts';
import { exportReference, importReference, storeErrorMessage } from '../../../lib/store/reference-io.ts';
import { OFFICES, sampleDataset, sampleFlag } from './sample-data.ts';

let db: FactCheckDB;
let n = 0;

beforeEach(async () => {
  db = new FactCheckDB(`io-${n++}`);
  await db.replaceReference(sampleDataset(), 'shipped');
  await db.flags.bulkAdd([sampleFlag(1), sampleFlag(2)]);
  await db.sites.put({ host: 'news.example', enabled: false });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Every row of every table, so "unchanged" means unchanged. */
async function dump(store: FactCheckDB) {
  return Object.fromEntries(await Promise.all(store.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

function exported(): ReferenceExport {
  return JSON.parse(exportJson(sampleDataset()));
}

function edited(change: (file: ReferenceExport) => void): string {
  const file = exported();
  change(file);
  return JSON.stringify(file);
}

describe('export', () => {
  test('writes the stable exchange format, field order included', async () => {
    const text = await exportReference(db);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['asOf', 'offices', 'people', 'terms']);
    expect(Object.keys(file.offices[0])).toEqual(['id', 'label', 'qid', 'jurisdiction', 'titles']);
    expect(Object.keys(file.people[0])).toEqual(['id', 'name', 'aliases', 'qid']);
    expect(Object.keys(file.terms[0])).toEqual(['person', 'office', 'start', 'end', 'acting', 'precision']);
    expect(file.terms).toContainEqual({ person: 'friedrich-merz', office: OFFICES.DE, start: '2025-05-06', end: null, acting: false, precision: 'day' });
    expect(file.terms).toContainEqual({ person: 'john-lipsky', office: OFFICES.IMF, start: '2011-05', end: '2011-07-05', acting: true, precision: 'month' });
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('an export imports back to the same offices, people and terms', async () => {
    const text = await exportReference(db);
    const other = new FactCheckDB(`io-${n++}`);
    await other.replaceReference({ ...sampleDataset(), terms: sampleDataset().terms.slice(0, 5) }, 'shipped');
    const result = await importReference(other, text);
    expect(result.ok).toBe(true);
    const back = await other.readDataset();
    expect(back?.terms).toEqual((await db.readDataset())?.terms);
    expect(back?.people).toEqual((await db.readDataset())?.people);
    expect(back?.version).toMatch(/^import-[0-9a-f]{8}$/);
    expect((await other.referenceMeta())?.source).toBe('import');
    await other.delete();
  });
});

describe('import', () => {
  test('a sound file replaces the reference rows and leaves flags and site switches alone', async () => {
    const before = await dump(db);
    const text = edited((f) => {
      f.terms = f.terms.filter((t) => t.person !== 'friedrich-merz');
      f.terms.find((t) => t.person === 'olaf-scholz')!.end = null;
      f.people = f.people.filter((p) => p.id !== 'friedrich-merz');
    });
    const result = await importReference(db, text);
    expect(result).toMatchObject({ ok: true });
    expect((await holdersOn(db, OFFICES.DE, '2025-09-01')).map((t) => t.person)).toEqual(['olaf-scholz']);
    const after = await dump(db);
    expect(after.flags).toEqual(before.flags);
    expect(after.sites).toEqual(before.sites);
    expect(after.jurisdictions).toEqual(before.jurisdictions);
    // The format has one as-of date; every office takes it.
    expect((await db.offices.get(OFFICES.DE))?.asOf).toBe('2024-07-04');
  });

  const BAD_FILES: Array<[string, () => string, RegExp]> = [
    ['not JSON', () => 'Chancellor,Olaf Scholz,2021-12-08', /^Not valid JSON/],
    ['truncated JSON', () => exportJson(sampleDataset()).slice(0, 2000), /^Not valid JSON/],
    ['empty file', () => '', /^Not valid JSON/],
    ['a list instead of an object', () => '[]', /^file: expected an object/],
    ['missing parts', () => '{"asOf": "2025-01-01", "offices": []}', /^file: missing field "people"/],
    ['a field the format does not have', () => edited((f) => Object.assign(f.people[0]!, { born: '1958' })), /^people\[0\]: unknown field "born"/],
    ['a date that does not exist (2025-02-30)', () => edited((f) => (f.terms[3]!.end = '2025-02-30')), /end is not a real date: "2025-02-30"/],
    ['a date in another format', () => edited((f) => (f.terms[0]!.start = '01/10/1982')), /start is not a real date/],
    ['a precision that does not match its dates', () => edited((f) => (f.terms[0]!.precision = 'year')), /terms\[0\]\.precision: "year" does not match its dates \(day\)/],
    ['a term that ends before it starts', () => edited((f) => (f.terms[1]!.end = '1990-01-01')), /starts \(1998-10-27\) after it ends \(1990-01-01\)/],
    ['overlapping terms in a single-holder office', () => edited((f) => (f.terms[3]!.start = '2021-06-01')), /olaf-scholz \(from 2021-06-01\) overlaps angela-merkel/],
    ['an unknown office', () => edited((f) => (f.terms[0]!.office = 'chancellor-of-austria')), /unknown office chancellor-of-austria/],
    ['an unknown person', () => edited((f) => (f.terms[0]!.person = 'konrad-adenauer')), /unknown person konrad-adenauer/],
    ['an unknown jurisdiction', () => edited((f) => (f.offices[0]!.jurisdiction = 'AT')), /unknown jurisdiction AT/],
    ['duplicate person ids', () => edited((f) => f.people.push({ ...f.people[0]! })), /person helmut-kohl: duplicate id/],
    ['duplicate office ids', () => edited((f) => f.offices.push({ ...f.offices[1]! })), /duplicate id/],
    ['a malformed QID', () => edited((f) => (f.people[2]!.qid = 'Q0x')), /missing or malformed Wikidata QID "Q0x"/],
    ['acting given as text', () => edited((f) => ((f.terms[0] as Record<string, unknown>).acting = 'no')), /terms\[0\]\.acting: expected true or false/],
    ['a huge file', () => `{"asOf": "2025-01-01", "pad": "${' '.repeat(MAX_IMPORT_CHARS)}"}`, /^The file is too large/],
  ];

  test.each(BAD_FILES)('rejects %s, names the problem and leaves the store exactly as it was', async (_name, file, problem) => {
    const before = await dump(db);
    const result = await importReference(db, file());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => problem.test(p)), result.problems.join('\n')).toBe(true);
    expect(await dump(db)).toEqual(before);
  });

  test('a file with many problems names the first ones and counts the rest', async () => {
    const text = edited((f) => f.terms.filter((t) => t.precision === 'day').forEach((t) => (t.start = `${t.start.slice(0, 4)}-02-30`)));
    const result = await importReference(db, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(9);
    expect(result.problems[0]).toMatch(/^term 1 \(helmut-kohl as chancellor-of-germany\): start is not a real date: "1982-02-30"/);
    expect(result.problems.at(-1)).toMatch(/^… and \d+ more problems$/);
  });

  test('a storage quota error during the write is reported and nothing is half-written', async () => {
    const before = await dump(db);
    vi.spyOn(db.offices, 'bulkAdd').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await importReference(db, edited((f) => (f.terms[0]!.end = '1998-10-26')));
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/storage quota exceeded\). Nothing was changed/)] });
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });
});

describe('replaceReference', () => {
  test('refuses to write over data that changed since it was read', async () => {
    const before = await dump(db);
    const error = await db.replaceReference(sampleDataset('mine'), 'wikidata', { expectVersion: 'what-i-read' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreChangedError);
    expect(storeErrorMessage(error)).toMatch(/changed while you were looking at it/);
    expect(await dump(db)).toEqual(before);
  });

  test.each([
    ['DatabaseClosedError', /another tab opened a newer version/],
    ['QuotaExceededError', /storage quota exceeded/],
    ['SomethingElse', /could not be saved \(boom\)\. Nothing was changed/],
  ])('a %s is worded for the reader', (name, message) => {
    const error = Object.assign(new Error('boom'), { name });
    expect(storeErrorMessage(error)).toMatch(message);
  });
});
