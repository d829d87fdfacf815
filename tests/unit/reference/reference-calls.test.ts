import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { FactCheckService } from '../../../lib/background/service.ts';
import { createRouter } from '../../../lib/messaging/router.ts';
import { FactCheckDB } from '../../../lib/store/db.ts';
import { importReference } from '../../../lib/store/reference-io.ts';
import { exportJson } from '../../../lib/reference/exchange.ts';
import { sampleDataset } from '../store/sample-data.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const OPTIONS_PAGE = { id: ID, url: `${ORIGIN}options.html` };
const CONTENT_SCRIPT = { id: ID, url: 'https://news.example/story', tab: { id: 4, url: 'https://news.example/story' } };

describe('referenceChanged: the background uses the new data after an import', () => {
  test('the cached index is rebuilt from the store', async () => {
    const db = new FactCheckDB('reference-calls-1');
    const service = new FactCheckService(db, sampleDataset('shipped-1'));
    const route = createRouter(service.handlers(), ID, ORIGIN);
    expect(await route({ call: 'referenceInfo', request: {} }, OPTIONS_PAGE)).toMatchObject({ ok: true, value: { version: 'shipped-1', terms: 19 } });

    const file = JSON.parse(exportJson(sampleDataset()));
    file.terms = file.terms.filter((t: { person: string }) => t.person !== 'friedrich-merz');
    file.terms.find((t: { person: string }) => t.person === 'olaf-scholz').end = null;
    const imported = await importReference(db, JSON.stringify(file));
    expect(imported.ok).toBe(true);
    // Until told, the background answers from its cached index.
    expect(await route({ call: 'referenceInfo', request: {} }, OPTIONS_PAGE)).toMatchObject({ value: { version: 'shipped-1' } });

    const changed = await route({ call: 'referenceChanged', request: {} }, OPTIONS_PAGE);
    expect(changed).toMatchObject({ ok: true, value: { version: expect.stringMatching(/^import-/), terms: 18 } });
    const index = await service.referenceIndex();
    expect(index.termsOfOffice('chancellor-of-germany').at(-1)).toMatchObject({ person: 'olaf-scholz', end: null });
    await db.delete();
  });

  test('a content script may not call it', async () => {
    const db = new FactCheckDB('reference-calls-2');
    const route = createRouter(new FactCheckService(db, sampleDataset()).handlers(), ID, ORIGIN);
    expect(await route({ call: 'referenceChanged', request: {} }, CONTENT_SCRIPT)).toEqual({
      ok: false,
      error: 'Refused: referenceChanged is not available to web pages',
    });
    expect(await route({ call: 'referenceChanged', request: { dataset: {} } }, OPTIONS_PAGE)).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed referenceChanged request/) });
    await db.delete();
  });
});
