import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { FactCheckService } from '../../../lib/background/service';
import { FactCheckDB } from '../../../lib/store/db';
import { miniDataset } from '../../fixtures/mini-reference';

const URL = 'https://news.example/world/2003/03/01/story';
const pageDate = { date: '2003-03-01', source: 'meta' as const, raw: '2003-03-01' };

describe('the background service', () => {
  test('a later batch of a long page still knows the full name used in an earlier batch', async () => {
    const service = new FactCheckService(new FactCheckDB(`svc-${Math.random()}`), miniDataset);
    const handlers = service.handlers();
    // Alone, "President Bush" on 2003-03-01 is the Bush in office then; after the page named the elder in full, it is him.
    await handlers.checkPage({ url: URL, pageDate, segments: [{ index: 0, text: 'George H. W. Bush, the elder, was at the ranch.', kind: 'paragraph' }] }, {});
    const second = await handlers.checkPage({ url: URL, pageDate, segments: [{ index: 1, text: 'President Bush spoke to reporters.', kind: 'paragraph' }] }, {});
    expect(second.claims.map((c) => c.person?.id)).toEqual(['george-h-w-bush']);
  });

  test('another page does not inherit those names', async () => {
    const service = new FactCheckService(new FactCheckDB(`svc-${Math.random()}`), miniDataset);
    const handlers = service.handlers();
    await handlers.checkPage({ url: URL, pageDate, segments: [{ index: 0, text: 'George H. W. Bush was at the ranch.', kind: 'paragraph' }] }, {});
    const other = await handlers.checkPage({ url: 'https://news.example/other', pageDate, segments: [{ index: 0, text: 'President Bush spoke.', kind: 'paragraph' }] }, {});
    expect(other.claims.map((c) => c.person?.id)).toEqual(['george-w-bush']);
  });

  test('answers from the shipped set while the store holds it, and from the store once the reader replaced it', async () => {
    const db = new FactCheckDB(`svc-${Math.random()}`);
    const service = new FactCheckService(db, miniDataset);
    expect((await service.referenceInfo()).version).toBe(miniDataset.version);
    const imported = { ...miniDataset, version: 'imported-by-the-reader', terms: miniDataset.terms.slice(1) };
    await db.replaceReference(imported, 'import');
    service.referenceChanged();
    expect(await service.referenceInfo()).toMatchObject({ version: 'imported-by-the-reader', terms: miniDataset.terms.length - 1 });
  });

  test('a worker that wakes over the reader\'s own data answers from it, not from the shipped set', async () => {
    const name = `svc-${Math.random()}`;
    const imported = { ...miniDataset, version: 'imported-by-the-reader', terms: miniDataset.terms.slice(1) };
    await new FactCheckDB(name).replaceReference(imported, 'import');
    const woken = new FactCheckService(new FactCheckDB(name), miniDataset);
    expect(await woken.referenceInfo()).toMatchObject({ version: 'imported-by-the-reader', terms: miniDataset.terms.length - 1 });
  });
});
