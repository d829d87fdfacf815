import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FactCheckDB, PEOPLE_PER_CHUNK } from '../../../lib/store/db.ts';
import { holdersDuring, holdersOn, lastKnownHolder, lastKnownHolders, officesTitled, peopleNamed, personById, termsOfPersonNamed } from '../../../lib/store/queries.ts';
import { OFFICES, sampleDataset } from './sample-data.ts';

let db: FactCheckDB;
let n = 0;

beforeEach(async () => {
  db = new FactCheckDB(`queries-${n++}`);
  await db.replaceReference(sampleDataset(), 'shipped');
});

afterEach(async () => {
  await db.delete();
});

const people = (terms: Array<{ person: string; acting: boolean }>) => terms.map((t) => (t.acting ? `${t.person} (acting)` : t.person));

describe('holdersOn: who held the office on a day', () => {
  test.each([
    ['the day before a handover', OFFICES.DE, '2005-11-21', ['gerhard-schroder']],
    ['the handover day belongs to both', OFFICES.DE, '2005-11-22', ['gerhard-schroder', 'angela-merkel']],
    ['the day after a handover', OFFICES.DE, '2005-11-23', ['angela-merkel']],
    ['another handover day', OFFICES.DE, '2025-05-06', ['olaf-scholz', 'friedrich-merz']],
    ['an open term runs on past the as-of date', OFFICES.DE, '2030-01-01', ['friedrich-merz']],
    ['a term that began before 1990', OFFICES.DE, '1990-01-01', ['helmut-kohl']],
    ['before the first term in the data', OFFICES.DE, '1982-09-30', []],
    ['an acting holder between two full ones', OFFICES.IMF, '2000-03-01', ['stanley-fischer (acting)']],
    ['an acting term starting on the day a full term ends', OFFICES.IMF, '2004-03-04', ['horst-kohler', 'anne-krueger (acting)']],
    ['an acting holder beside a full one who stood aside', OFFICES.IMF, '2019-08-01', ['christine-lagarde', 'david-lipton (acting)']],
    // "2011-05" may mean any day of May: on 16 May it is not certain Lipsky had started.
    ['a month-precise start is not yet certain inside its month', OFFICES.IMF, '2011-05-16', ['dominique-strauss-kahn']],
    ['a month-precise start is certain after its month', OFFICES.IMF, '2011-06-15', ['john-lipsky (acting)']],
    ['after the last term of an office whose data ended', OFFICES.UK, '2025-01-01', []],
    ['an office the store does not have', 'chancellor-of-austria', '2020-01-01', []],
  ])('%s', async (_name, office, day, expected) => {
    expect(people(await holdersOn(db, office, day))).toEqual(expected);
  });

  test('refuses a date that does not exist', async () => {
    await expect(holdersOn(db, OFFICES.DE, '2025-02-30')).rejects.toThrow('Not a date');
  });
});

describe('holdersDuring: who held the office at some time in a month, a year or a period', () => {
  test.each([
    ['a month with two handovers', OFFICES.UK, '2022-09', ['nadhim-zahawi', 'kwasi-kwarteng']],
    ['a year with an acting interval', OFFICES.IMF, '2011', ['dominique-strauss-kahn', 'john-lipsky (acting)', 'christine-lagarde']],
    ['a year inside one term', OFFICES.DE, '2010', ['angela-merkel']],
    ['a day-number period', OFFICES.DE, { first: 19723, last: 19723 }, ['olaf-scholz']], // 2024-01-01
  ])('%s', async (_name, office, period, expected) => {
    expect(people(await holdersDuring(db, office, period))).toEqual(expected);
  });
});

describe("termsOfPersonNamed: a person's terms by any name or spelling", () => {
  test.each([
    ['full name with diacritics', 'Horst Köhler', ['2000-05-01']],
    ['transliterated alias', 'Koehler', ['2000-05-01']],
    ['without diacritics, not listed as such', 'Horst Kohler', ['2000-05-01']],
    ['capitals', 'HORST KÖHLER', ['2000-05-01']],
    ['surname alias', 'Merkel', ['2005-11-22']],
    ['abbreviation', 'DSK', ['2007-11-01']],
    ['a name nobody has', 'Konrad Adenauer', []],
  ])('%s: %s', async (_name, name, starts) => {
    expect((await termsOfPersonNamed(db, name)).map((t) => t.start)).toEqual(starts);
  });

  test('restricted to one office', async () => {
    expect(await termsOfPersonNamed(db, 'Schroeder', OFFICES.IMF)).toEqual([]);
    expect((await termsOfPersonNamed(db, 'Schroeder', OFFICES.DE)).map((t) => t.end)).toEqual(['2005-11-22']);
  });
});

describe('officesTitled: offices by title phrase, optionally in a jurisdiction', () => {
  test.each([
    ['a title two offices share', 'chancellor', undefined, [OFFICES.DE, OFFICES.UK]],
    ['with a demonym', 'chancellor', 'German', [OFFICES.DE]],
    ['with an abbreviation', 'Chancellor', 'U.K.', [OFFICES.UK]],
    ['with a country name', 'chancellor', 'Britain', [OFFICES.UK]],
    ['with a jurisdiction id', 'chancellor', 'DE', [OFFICES.DE]],
    ['in a jurisdiction that has no such office', 'chancellor', 'IMF', []],
    ['a foreign-language title', 'Bundeskanzler', undefined, [OFFICES.DE]],
    ['a multi-word title', 'Chancellor of the Exchequer', undefined, [OFFICES.UK]],
    ['a longer phrase is not a title', 'chancellor of germany and europe', undefined, []],
    ['an unknown jurisdiction', 'chancellor', 'Narnia', []],
  ])('%s', async (_name, title, jurisdiction, expected) => {
    expect((await officesTitled(db, title, jurisdiction)).map((o) => o.id).sort()).toEqual([...expected].sort());
  });
});

describe('lastKnownHolder: the latest holder and the as-of date', () => {
  test.each([
    ['an open term', OFFICES.DE, 'friedrich-merz', '2025-09-30'],
    ['an office whose data ends with a closed term', OFFICES.UK, 'jeremy-hunt', '2024-07-04'],
    ['acting terms are not the answer', OFFICES.IMF, 'kristalina-georgieva', '2025-06-30'],
  ])('%s', async (_name, office, person, asOf) => {
    const last = await lastKnownHolder(db, office);
    expect(last?.term?.person).toBe(person);
    expect(last?.asOf).toBe(asOf);
  });

  test('an acting holder in office does not replace the last full holder', async () => {
    const data = sampleDataset('acting-last');
    data.terms = data.terms.filter((t) => t.person !== 'kristalina-georgieva');
    data.terms.find((t) => t.person === 'david-lipton')!.end = null;
    await db.replaceReference(data, 'import');
    expect((await lastKnownHolder(db, OFFICES.IMF))?.term?.person).toBe('christine-lagarde');
  });

  test('an office the store does not have', async () => {
    expect(await lastKnownHolder(db, 'chancellor-of-austria')).toBeNull();
  });

  test('every office at once, with the holder as a person', async () => {
    const data = sampleDataset('with-empty-office');
    data.offices.push({ ...data.offices[0]!, id: 'vice-chancellor-of-germany', label: 'Vice-Chancellor of Germany' });
    await db.replaceReference(data, 'import');
    const all = await lastKnownHolders(db);
    expect(all.map((c) => [c.office.id, c.person?.name ?? null, c.term?.start ?? null])).toEqual([
      [OFFICES.DE, 'Friedrich Merz', '2025-05-06'],
      [OFFICES.UK, 'Jeremy Hunt', '2022-10-14'],
      [OFFICES.IMF, 'Kristalina Georgieva', '2019-10-01'],
      ['vice-chancellor-of-germany', null, null],
    ]);
    for (const c of all) {
      const one = await lastKnownHolder(db, c.office.id);
      expect(one).toEqual({ term: c.term, asOf: c.office.asOf });
    }
    expect(all[0]!.office).toEqual(data.offices[0]);
  });
});

describe('people by id and by name, across the chunks people are stored in', () => {
  /** The sample data plus enough people (with terms) to fill several chunks. */
  function crowded() {
    const data = sampleDataset('crowded');
    const extra = 2 * PEOPLE_PER_CHUNK + 500;
    for (let i = 0; i < extra; i++) {
      const id = `p-${String(i).padStart(5, '0')}`;
      data.people.push({ id, name: `Person ${i}`, aliases: [`Alias${i}`], qid: `Q${900_000 + i}` });
      data.offices.push({ ...data.offices[0]!, id: `board-${i}`, label: `Board ${i}`, titles: [`board ${i}`] });
      data.terms.push({ person: id, office: `board-${i}`, start: '2001', end: '2003', acting: false, precision: 'year' });
    }
    return data;
  }

  test.each([
    ['a sample person', 'olaf-scholz', 'Olaf Scholz'],
    ['the first id of all', 'angela-merkel', 'Angela Merkel'],
    ['the last id of all', 'stanley-fischer', 'Stanley Fischer'],
    ['one of the crowd', 'p-01234', 'Person 1234'],
    ['an id before every stored id', 'aaron', undefined],
    ['an id between two stored ids', 'p-00000a', undefined],
    ['an id after every stored id', 'zz', undefined],
  ])('%s: %s', async (_name, id, name) => {
    await db.replaceReference(crowded(), 'import');
    expect((await personById(db, id))?.name).toBe(name);
    expect((await db.people.get(id))?.name).toBe(name);
  });

  test('the people on either side of every chunk boundary', async () => {
    const data = crowded();
    await db.replaceReference(data, 'import');
    const ids = data.people.map((p) => p.id).sort();
    for (let i = PEOPLE_PER_CHUNK; i < ids.length; i += PEOPLE_PER_CHUNK) {
      for (const id of [ids[i - 1]!, ids[i]!]) expect((await db.people.get(id))?.id).toBe(id);
    }
  });

  test('several chunks are written, and read back whole and in id order', async () => {
    const data = crowded();
    await db.replaceReference(data, 'import');
    expect(await db.peopleChunks.count()).toBe(Math.ceil(data.people.length / PEOPLE_PER_CHUNK));
    const back = await db.readDataset();
    expect(back?.people.map((p) => p.id)).toEqual(data.people.map((p) => p.id).sort());
    expect(back?.terms).toEqual(data.terms);
  });

  test('a name and its terms are found in any chunk', async () => {
    await db.replaceReference(crowded(), 'import');
    expect((await peopleNamed(db, 'alias2345')).map((p) => p.id)).toEqual(['p-02345']);
    expect(await termsOfPersonNamed(db, 'Person 1999')).toEqual([{ person: 'p-01999', office: 'board-1999', start: '2001', end: '2003', acting: false, precision: 'year' }]);
    expect((await termsOfPersonNamed(db, 'Merkel')).map((t) => t.office)).toEqual([OFFICES.DE]);
  });

  test('a term of an office the data does not have is refused and the previous rows stay', async () => {
    const before = await db.readDataset();
    const data = sampleDataset('orphan');
    data.terms.push({ person: 'helmut-kohl', office: 'chancellor-of-austria', start: '1990', end: '1991', acting: false, precision: 'year' });
    await expect(db.replaceReference(data, 'import')).rejects.toThrow(/office chancellor-of-austria, which the data does not have/);
    expect(await db.readDataset()).toEqual(before);
  });

  test('a person id given twice is refused and the previous rows stay', async () => {
    const before = await db.readDataset();
    const data = crowded();
    data.people.push({ ...data.people[5]!, name: 'Someone Else' });
    await expect(db.replaceReference(data, 'import')).rejects.toThrow(/appears twice/);
    expect(await db.readDataset()).toEqual(before);
  });
});
