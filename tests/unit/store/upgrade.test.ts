import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { FactCheckService } from '../../../lib/background/service.ts';
import { periodOf } from '../../../lib/dates/day.ts';
import { FactCheckDB, SCHEMA_VERSION, SCHEMAS, searchKey } from '../../../lib/store/db.ts';
import { holdersOn, lastKnownHolder, officesTitled, termsOfPersonNamed } from '../../../lib/store/queries.ts';
import { BLOCKED_MESSAGE, openStore } from '../../../lib/store/reference-io.ts';
import { OFFICES, sampleDataset, sampleFlag } from './sample-data.ts';

let n = 0;
const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const FLAGS = [sampleFlag(1), sampleFlag(2), sampleFlag(3)];

/** A database exactly as version 1 of the extension left it: v1 schema, v1 rows, the reader's flags. */
async function createVersion1(name: string, terms = sampleDataset().terms): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMAS[1]);
  const data = sampleDataset('shipped-v1');
  await old.table('offices').bulkAdd(data.offices);
  await old.table('people').bulkAdd(data.people);
  await old.table('terms').bulkAdd(terms);
  await old.table('jurisdictions').bulkAdd(data.jurisdictions);
  await old.table('meta').put({ key: 'reference', version: data.version, asOf: data.asOf, source: 'shipped', loadedAt: '2025-08-01T00:00:00.000Z' });
  await old.table('flags').bulkAdd(FLAGS);
  await old.table('sites').put({ host: 'news.example', enabled: false });
  old.close();
}

/** Folded search keys as version 2 stored them. */
const keys = (...phrases: string[]) => [...new Set(phrases.map(searchKey).filter((k) => k !== ''))];

/** A database exactly as version 2 of the extension left it: one row per term and per person, with v2's derived keys. */
async function createVersion2(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(2).stores(SCHEMAS[2]);
  const data = sampleDataset('shipped-v2');
  await old.table('offices').bulkAdd(data.offices.map((o) => ({ ...o, titleKeys: keys(...o.titles) })));
  await old.table('people').bulkAdd(data.people.map((p) => ({ ...p, nameKeys: keys(p.name, ...p.aliases) })));
  await old.table('terms').bulkAdd(
    data.terms.map((t) => {
      const start = periodOf(t.start);
      const end = t.end === null ? null : periodOf(t.end);
      return { ...t, startFirst: start.first, startLast: start.last, endFirst: end?.first ?? null, endLast: end?.last ?? null };
    }),
  );
  await old.table('jurisdictions').bulkAdd(data.jurisdictions.map((j) => ({ ...j, nameKeys: keys(j.id, j.name, ...j.names, ...j.demonyms) })));
  await old.table('meta').put({ key: 'reference', version: data.version, asOf: data.asOf, source: 'shipped', loadedAt: '2025-09-01T00:00:00.000Z' });
  await old.table('flags').bulkAdd(FLAGS);
  await old.table('sites').put({ host: 'news.example', enabled: false });
  old.close();
}

/** IndexedDB's key order (UTF-16 code units), in which the store keeps offices, people and jurisdictions. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe.each([
  ['v1', createVersion1, 'shipped-v1'],
  ['v2', createVersion2, 'shipped-v2'],
])('schema upgrade %s → v3 (terms per office, people in chunks)', (_from, create, version) => {
  test('every flag and site switch survives intact and readable through its indexes', async () => {
    const name = `upgrade-${n++}`;
    await create(name);
    const db = track(new FactCheckDB(name));
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
    expect(await db.flags.where('url').equals(FLAGS[1]!.url).toArray()).toEqual([FLAGS[1]]);
    expect(await db.flags.where('[url+claimId]').equals([FLAGS[2]!.url, FLAGS[2]!.claimId]).first()).toEqual(FLAGS[2]);
    expect(await db.sites.get('news.example')).toEqual({ host: 'news.example', enabled: false });
    await db.flags.delete(FLAGS[0]!.id);
    expect(await db.flags.count()).toBe(2);
  });

  test('the reference data reads back whole, in its order, and answers every query', async () => {
    const name = `upgrade-${n++}`;
    await create(name);
    const db = track(new FactCheckDB(name));
    const data = await db.readDataset();
    expect(data?.version).toBe(version);
    expect(data?.terms).toEqual(sampleDataset().terms);
    expect(data?.people).toEqual(sampleDataset().people.sort(byId));
    expect(data?.offices).toEqual(sampleDataset().offices.sort(byId));
    expect(data?.jurisdictions).toEqual(sampleDataset().jurisdictions.sort(byId));
    expect((await holdersOn(db, OFFICES.DE, '2021-12-08')).map((t) => t.person)).toEqual(['angela-merkel', 'olaf-scholz']);
    expect((await termsOfPersonNamed(db, 'Koehler')).map((t) => t.office)).toEqual([OFFICES.IMF]);
    expect((await officesTitled(db, 'chancellor', 'German')).map((o) => o.id)).toEqual([OFFICES.DE]);
    expect((await lastKnownHolder(db, OFFICES.IMF))?.term?.person).toBe('kristalina-georgieva');
    expect((await db.people.get('angela-merkel'))?.name).toBe('Angela Merkel');
    // One row per office (holding its terms) and one chunk of people, where there were a row per term and per person.
    expect(await db.offices.count()).toBe(3);
    expect(await db.peopleChunks.count()).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['flags', 'jurisdictions', 'meta', 'offices', 'peopleChunks', 'sites']);
  });
});

describe('an old database with a reference row no upgrade can read', () => {
  test('a reference row the upgrade cannot read drops the reference rows, not the flags; the shipped data loads again', async () => {
    const name = `upgrade-${n++}`;
    const broken = sampleDataset().terms.map((t, i) => (i === 3 ? { ...t, end: '2025-02-30' } : t));
    await createVersion1(name, broken);
    const db = track(new FactCheckDB(name));
    await db.open();
    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
    expect(await db.peopleChunks.count()).toBe(0);
    expect(await db.offices.count()).toBe(0);
    expect(await db.referenceMeta()).toBeUndefined();

    const service = new FactCheckService(db, sampleDataset('shipped-v2'));
    expect(await service.referenceInfo()).toMatchObject({ version: 'shipped-v2', terms: sampleDataset().terms.length });
    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
  });
});

describe('loading a new shipped data version', () => {
  test('replaces the reference rows and never touches flags or site switches', async () => {
    const db = track(new FactCheckDB(`shipped-${n++}`));
    await new FactCheckService(db, sampleDataset('shipped-v1')).ensureReference();
    await db.flags.bulkAdd(FLAGS);
    await db.sites.put({ host: 'news.example', enabled: false });

    const next = sampleDataset('shipped-v2');
    next.terms = next.terms.filter((t) => t.person !== 'friedrich-merz');
    next.terms.find((t) => t.person === 'olaf-scholz')!.end = null;
    await new FactCheckService(db, next).ensureReference();

    expect((await db.referenceMeta())?.version).toBe('shipped-v2');
    expect((await holdersOn(db, OFFICES.DE, '2025-08-01')).map((t) => t.person)).toEqual(['olaf-scholz']);
    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
    expect(await db.sites.toArray()).toEqual([{ host: 'news.example', enabled: false }]);
  });

  test('does not replace data the reader imported', async () => {
    const db = track(new FactCheckDB(`shipped-${n++}`));
    await db.replaceReference(sampleDataset('import-abc'), 'import');
    await new FactCheckService(db, sampleDataset('shipped-v9')).ensureReference();
    expect((await db.referenceMeta())?.version).toBe('import-abc');
  });

  test('a failure in the middle of loading leaves the previous rows', async () => {
    const db = track(new FactCheckDB(`shipped-${n++}`));
    await db.replaceReference(sampleDataset('shipped-v1'), 'shipped');
    await db.flags.bulkAdd(FLAGS);
    const next = sampleDataset('shipped-v2');
    // A duplicate office id makes the second write of the transaction fail.
    next.offices.push(next.offices[0]!);
    await expect(db.replaceReference(next, 'shipped')).rejects.toThrow();
    expect((await db.referenceMeta())?.version).toBe('shipped-v1');
    expect(await db.offices.count()).toBe(3);
    expect((await db.readDataset())?.terms).toEqual(sampleDataset().terms);
    expect(await db.flags.count()).toBe(FLAGS.length);
  });
});

describe('a database blocked by another tab', () => {
  test('the reader is told, and the upgrade goes on once the other tab lets go', async () => {
    const name = `blocked-${n++}`;
    await createVersion1(name);
    const other = new Dexie(name);
    other.version(1).stores(SCHEMAS[1]);
    // The other tab refuses to close its version-1 connection.
    other.on('versionchange', () => false);
    await other.open();

    const db = track(new FactCheckDB(name));
    const messages: string[] = [];
    const opening = openStore(db, (message) => {
      messages.push(message);
      other.close();
    });
    await opening;
    expect(messages).toEqual([BLOCKED_MESSAGE]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.flags.count()).toBe(FLAGS.length);
  });
});
