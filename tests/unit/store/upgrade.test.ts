import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { FactCheckService } from '../../../lib/background/service.ts';
import { FactCheckDB, SCHEMA_VERSION, SCHEMAS } from '../../../lib/store/db.ts';
import { holdersOn, termsOfPersonNamed } from '../../../lib/store/queries.ts';
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

describe('schema upgrade v1 → v2', () => {
  test('every flag survives intact and readable through its indexes', async () => {
    const name = `upgrade-${n++}`;
    await createVersion1(name);
    const db = track(new FactCheckDB(name));
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
    expect(await db.flags.where('url').equals(FLAGS[1]!.url).toArray()).toEqual([FLAGS[1]]);
    expect(await db.flags.where('[url+claimId]').equals([FLAGS[2]!.url, FLAGS[2]!.claimId]).first()).toEqual(FLAGS[2]);
    expect(await db.sites.get('news.example')).toEqual({ host: 'news.example', enabled: false });
    // The flags stay writable and deletable too.
    await db.flags.delete(FLAGS[0]!.id);
    expect(await db.flags.count()).toBe(2);
  });

  test('the stored reference rows get their search keys and answer the new queries', async () => {
    const name = `upgrade-${n++}`;
    await createVersion1(name);
    const db = track(new FactCheckDB(name));
    expect((await holdersOn(db, OFFICES.DE, '2021-12-08')).map((t) => t.person)).toEqual(['angela-merkel', 'olaf-scholz']);
    expect((await termsOfPersonNamed(db, 'Koehler')).map((t) => t.office)).toEqual([OFFICES.IMF]);
    // Reading the data set back gives exactly the plain rows, without the derived keys.
    const data = await db.readDataset();
    expect(data?.version).toBe('shipped-v1');
    expect(data?.terms).toEqual(sampleDataset().terms);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(data?.people).toEqual(sampleDataset().people.sort(byId));
  });

  test('a reference row the upgrade cannot read drops the reference rows, not the flags; the shipped data loads again', async () => {
    const name = `upgrade-${n++}`;
    const broken = sampleDataset().terms.map((t, i) => (i === 3 ? { ...t, end: '2025-02-30' } : t));
    await createVersion1(name, broken);
    const db = track(new FactCheckDB(name));
    await db.open();
    expect(await db.flags.orderBy('createdAt').toArray()).toEqual(FLAGS);
    expect(await db.terms.count()).toBe(0);
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
    expect(await db.terms.count()).toBe(sampleDataset().terms.length);
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
