/**
 * The Wikidata refresh on recorded SPARQL responses (tests/fixtures/wikidata/<office QID>.json,
 * written by hand in the SPARQL 1.1 JSON results format WDQS answers with). Nothing here
 * touches the network: `fetch` is a stub that serves those files.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { ReferenceDataset } from '../../../lib/reference/types.ts';
import { validateDataset } from '../../../lib/reference/validate.ts';
import { diffTerms } from '../../../lib/reference/wikidata/diff.ts';
import { planRefresh, type RefreshProgress } from '../../../lib/reference/wikidata/refresh.ts';
import {
  DEFAULT_USER_AGENT,
  fetchPositionStatements,
  positionHeldQuery,
  positionHeldUrl,
  readPositionStatements,
  wikidataDate,
} from '../../../lib/reference/wikidata/sparql.ts';
import { FactCheckDB } from '../../../lib/store/db.ts';
import { holdersOn, termsOfPersonNamed } from '../../../lib/store/queries.ts';
import { OFFICES, sampleDataset, sampleFlag } from '../store/sample-data.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/wikidata');
const TODAY = '2025-11-20';

function recorded(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.json`), 'utf8');
}

type Served = string | { status: number; headers?: Record<string, string> };

/** A fetch that answers each office's query from a recorded file and remembers what it was asked. */
function replay(files: Record<string, Served>) {
  const calls: Array<{ qid: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const query = new URL(url).searchParams.get('query') ?? '';
    const qid = /ps:P39 wd:(Q\d+)/.exec(query)?.[1] ?? '';
    calls.push({ qid, init });
    const served = files[qid];
    if (served === undefined) throw new Error(`no recorded response for ${qid}`);
    if (typeof served !== 'string') return new Response('busy', { status: served.status, headers: served.headers });
    return new Response(recorded(served), { status: 200, headers: { 'content-type': 'application/sparql-results+json' } });
  });
  return { fetch, calls };
}

/**
 * Our data before the refresh, with mistakes a refresh should fix: Scholz's end known
 * only to the month, no data on the IMF after 2019-10-01, Lagarde wrongly recorded as
 * acting before her term.
 */
function before(): ReferenceDataset {
  const data = sampleDataset('before-refresh');
  data.terms.find((t) => t.person === 'olaf-scholz')!.end = '2025-05';
  data.terms.find((t) => t.person === 'olaf-scholz')!.precision = 'month';
  data.people = data.people.filter((p) => p.id !== 'kristalina-georgieva');
  data.terms = data.terms.filter((t) => t.person !== 'kristalina-georgieva');
  data.offices.find((o) => o.id === OFFICES.IMF)!.asOf = '2019-10-01';
  data.terms.push({ person: 'christine-lagarde', office: OFFICES.IMF, start: '2011-05-18', end: '2011-07-05', acting: true, precision: 'day' });
  expect(validateDataset(data)).toEqual([]);
  return data;
}

describe('the SPARQL query', () => {
  test('walks statements (not truthy wdt:) so past holders are kept, with dates, precision and both acting qualifiers', () => {
    const sparql = positionHeldQuery('Q4970706');
    expect(sparql).toContain('?person p:P39 ?statement');
    expect(sparql).toContain('?statement ps:P39 wd:Q4970706');
    expect(sparql).toContain('pqv:P580');
    expect(sparql).toContain('pqv:P582');
    expect(sparql).toContain('wikibase:timePrecision');
    expect(sparql).toContain('pq:P5102 wd:Q4676846');
    expect(sparql).toContain('pq:P2868 wd:Q4676846');
    expect(sparql).toContain('wikibase:DeprecatedRank');
    expect(sparql).not.toContain('wdt:');
  });

  test('is sent to the Wikidata Query Service as JSON', () => {
    const url = new URL(positionHeldUrl('Q4970706'));
    expect(url.origin + url.pathname).toBe('https://query.wikidata.org/sparql');
    expect(url.searchParams.get('format')).toBe('json');
    expect(url.searchParams.get('query')).toBe(positionHeldQuery('Q4970706'));
  });

  test.each(['', 'Q0', 'q42', 'Q42 } DELETE {', 'P39'])('refuses %j as an office id', (qid) => {
    expect(() => positionHeldQuery(qid)).toThrow('Not a Wikidata item id');
  });

  test('names itself with a User-Agent and an Api-User-Agent header', async () => {
    const { fetch, calls } = replay({ Q4970706: 'Q4970706' });
    await fetchPositionStatements('Q4970706', { fetch });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['User-Agent']).toBe(DEFAULT_USER_AGENT);
    expect(headers['Api-User-Agent']).toBe(DEFAULT_USER_AGENT);
    expect(headers.Accept).toBe('application/sparql-results+json');
  });

  test('an error status becomes a readable error', async () => {
    const { fetch } = replay({ Q4970706: { status: 429, headers: { 'retry-after': '30' } } });
    await expect(fetchPositionStatements('Q4970706', { fetch })).rejects.toThrow('Wikidata answered 429 (asks to wait 30 s)');
  });
});

describe('reading the recorded answer', () => {
  test.each([
    ['2021-12-08T00:00:00Z', 11, '2021-12-08'],
    ['2005-11-01T00:00:00Z', 10, '2005-11'],
    ['1990-01-01T00:00:00Z', 9, '1990'],
    ['2005-11-01T00:00:00Z', '10', '2005-11'],
    ['1990-01-01T00:00:00Z', 8, null], // a decade is too vague for a term
    ['2025-02-30T00:00:00Z', 11, null],
    ['not a time', 11, null],
  ])('Wikidata time %s at precision %d is %j', (time, precision, expected) => {
    expect(wikidataDate(time, precision)).toBe(expected);
  });

  test('one statement per id, with person, label, aliases, dates at their precision and the acting mark', () => {
    const statements = readPositionStatements(JSON.parse(recorded('Q1142885')));
    expect(statements).toHaveLength(10);
    expect(statements.find((s) => s.personQid === 'Q440766')).toMatchObject({
      personLabel: 'Stanley Fischer',
      start: '2000-02-14',
      end: '2000-05-01',
      endUnknown: false,
      acting: true,
    });
    expect(statements.find((s) => s.personQid === 'Q265467')).toMatchObject({
      personAliases: ['Kristalina Ivanova Georgieva', 'Georgieva'],
      end: null,
      endUnknown: false,
      acting: false,
    });
    expect(statements.filter((s) => s.personQid === 'Q484605').map((s) => s.endUnknown)).toEqual([false, true]);
    expect(statements.find((s) => s.personQid === 'Q453107' && s.start === null)).toBeDefined();
  });

  test('an answer that is not SPARQL results is refused', () => {
    expect(() => readPositionStatements({ error: 'timeout' })).toThrow('not SPARQL results');
  });
});

describe('planRefresh on recorded responses', () => {
  async function plan(files: Record<string, Served> = { Q4970706: 'Q4970706', Q1142885: 'Q1142885', Q531471: { status: 503 } }) {
    const { fetch, calls } = replay(files);
    const progress: RefreshProgress[] = [];
    const result = await planRefresh(before(), { fetch, today: TODAY, onProgress: (p) => progress.push({ ...p }) });
    return { result, calls, progress };
  }

  test('the diff summary: terms added, changed and removed', async () => {
    const { result } = await plan();
    expect([result.diff.added, result.diff.changed, result.diff.removed]).toEqual([1, 2, 1]);
    const describe = result.diff.changes.map((c) => `${c.kind} ${c.person} ${c.before?.start ?? ''}..${c.before?.end ?? ''} → ${c.after?.start ?? ''}..${c.after?.end ?? ''}`);
    expect(describe.sort()).toEqual([
      'added kristalina-georgieva .. → 2019-10-01..',
      'changed john-lipsky 2011-05..2011-07-05 → 2011-05-18..2011-07-05',
      'changed olaf-scholz 2021-12-08..2025-05 → 2021-12-08..2025-05-06',
      'removed christine-lagarde 2011-05-18..2011-07-05 → ..',
    ]);
  });

  test('per office: refreshed, failed (kept as it was), with notes on what Wikidata could not date', async () => {
    const { result } = await plan();
    const byOffice = Object.fromEntries(result.offices.map((o) => [o.office, o]));
    expect(byOffice[OFFICES.DE]).toMatchObject({ status: 'refreshed', notes: [], diff: { added: 0, changed: 1, removed: 0 } });
    expect(byOffice[OFFICES.IMF]!.status).toBe('refreshed');
    expect(byOffice[OFFICES.IMF]!.notes).toEqual([
      'Michel Camdessus (Q453107): no usable start date on Wikidata; left out',
      'Christine Lagarde (Q484605): end date unknown or too vague on Wikidata; left out',
      'Rodrigo Rato: no end date on Wikidata although a later holder took office; left out',
    ]);
    expect(byOffice[OFFICES.UK]).toMatchObject({ status: 'failed', notes: ['Wikidata answered 503'] });
  });

  test('the refreshed data set keeps what Wikidata does not know better', async () => {
    const { result } = await plan();
    const data = result.dataset;
    expect(validateDataset(data)).toEqual([]);
    const imf = data.terms.filter((t) => t.office === OFFICES.IMF).map((t) => `${t.person}${t.acting ? ' (acting)' : ''} ${t.start}..${t.end ?? ''}`);
    expect(imf).toEqual([
      'michel-camdessus 1987-01-16..2000-02-14',
      'stanley-fischer (acting) 2000-02-14..2000-05-01',
      'horst-kohler 2000-05-01..2004-03-04',
      'anne-krueger (acting) 2004-03-04..2004-06-07', // Wikidata does not list her: kept
      'rodrigo-rato 2004-06-07..2007-11-01', // Wikidata's open statement is a missing end: ours kept
      'dominique-strauss-kahn 2007-11-01..2011-05-18',
      'john-lipsky (acting) 2011-05-18..2011-07-05',
      'christine-lagarde 2011-07-05..2019-09-12',
      'david-lipton (acting) 2019-07..2019-10-01',
      'kristalina-georgieva 2019-10-01..',
    ]);
    // Merkel's start stays to the day although Wikidata gives only the month; Schmidt (1974–1982) is out of scope.
    expect(data.terms.filter((t) => t.office === OFFICES.DE).map((t) => t.start)).toEqual(['1982-10-01', '1998-10-27', '2005-11-22', '2021-12-08', '2025-05-06']);
    expect(data.people.find((p) => p.qid === 'Q265467')).toEqual({
      id: 'kristalina-georgieva',
      name: 'Kristalina Georgieva',
      aliases: ['Kristalina Ivanova Georgieva', 'Georgieva'],
      qid: 'Q265467',
    });
    expect(Object.fromEntries(data.offices.map((o) => [o.id, o.asOf]))).toEqual({
      [OFFICES.DE]: TODAY,
      [OFFICES.IMF]: TODAY,
      [OFFICES.UK]: '2024-07-04', // its query failed: unchanged
    });
    expect(data.asOf).toBe('2024-07-04');
    expect(data.version).toMatch(/^wikidata-2025-11-20-[0-9a-f]{8}$/);
    expect(result.baseVersion).toBe('before-refresh');
  });

  test('progress is reported office by office', async () => {
    const { progress } = await plan();
    expect(progress.map((p) => `${p.index}/${p.total} ${p.office.id} ${p.state}`)).toEqual([
      `1/3 ${OFFICES.DE} querying`,
      `1/3 ${OFFICES.DE} refreshed`,
      `2/3 ${OFFICES.IMF} querying`,
      `2/3 ${OFFICES.IMF} refreshed`,
      `3/3 ${OFFICES.UK} querying`,
      `3/3 ${OFFICES.UK} failed`,
    ]);
  });

  test('an office whose answer would break a check keeps its terms, and says why', async () => {
    const { result } = await plan({ Q4970706: 'Q4970706-overlap', Q1142885: 'Q1142885', Q531471: { status: 503 } });
    const de = result.offices.find((o) => o.office === OFFICES.DE)!;
    expect(de.status).toBe('rejected');
    expect(de.notes[0]).toMatch(/friedrich-merz \(from 2025-04-01\) overlaps olaf-scholz/);
    expect(result.dataset.terms.filter((t) => t.office === OFFICES.DE)).toEqual(before().terms.filter((t) => t.office === OFFICES.DE));
    expect(result.dataset.offices.find((o) => o.id === OFFICES.DE)!.asOf).toBe('2025-09-30');
  });

  test('offices and people without a QID in our data are kept as they are', async () => {
    const data = before();
    data.offices.find((o) => o.id === OFFICES.UK)!.qid = '';
    data.people.find((p) => p.id === 'horst-kohler')!.qid = '';
    const { fetch, calls } = replay({ Q4970706: 'Q4970706', Q1142885: 'Q1142885' });
    const result = await planRefresh(data, { fetch, today: TODAY });
    expect(calls.map((c) => c.qid)).toEqual(['Q4970706', 'Q1142885']);
    expect(result.offices.find((o) => o.office === OFFICES.UK)!.status).toBe('no-qid');
    expect(result.dataset.terms.filter((t) => t.office === OFFICES.UK)).toEqual(data.terms.filter((t) => t.office === OFFICES.UK));
    // Köhler, without a QID here, is recognised by name: no second Köhler appears.
    expect(result.dataset.people.find((p) => p.id === 'horst-kohler')!.qid).toBe('');
    expect(result.dataset.people.filter((p) => p.name === 'Horst Köhler')).toHaveLength(1);
  });

  test('cancelling stops at once and yields nothing to apply', async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      controller.abort();
      init.signal?.throwIfAborted();
      throw new Error('not reached');
    });
    const run = planRefresh(before(), { fetch, signal: controller.signal, today: TODAY, onProgress: (p) => progress.push(p.state) });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(progress).toEqual(['querying']);
  });

  test('applying the plan is one transaction that leaves flags alone; the new data answers queries', async () => {
    const db = new FactCheckDB('refresh-apply');
    await db.replaceReference(before(), 'shipped');
    await db.flags.bulkAdd([sampleFlag(1), sampleFlag(2)]);
    const flags = await db.flags.toArray();
    const { result } = await plan();
    await db.replaceReference(result.dataset, 'wikidata', { expectVersion: result.baseVersion });
    expect((await holdersOn(db, OFFICES.IMF, '2024-01-01')).map((t) => t.person)).toEqual(['kristalina-georgieva']);
    expect((await termsOfPersonNamed(db, 'Georgieva')).map((t) => t.start)).toEqual(['2019-10-01']);
    expect(await db.flags.toArray()).toEqual(flags);
    expect((await db.referenceMeta())?.source).toBe('wikidata');
    // A second apply of the same plan is refused: the store no longer holds the version it was made from.
    await expect(db.replaceReference(result.dataset, 'wikidata', { expectVersion: result.baseVersion })).rejects.toThrow('changed while you were looking');
    await db.delete();
  });
});

describe('diffTerms', () => {
  const t = (person: string, start: string, end: string | null, acting = false) => ({ person, office: 'x', start, end, acting, precision: 'day' as const });
  test.each([
    ['nothing changed', [t('a', '2000-01-01', null)], [t('a', '2000-01-01', null)], [0, 0, 0]],
    ['an end added', [t('a', '2000-01-01', null)], [t('a', '2000-01-01', '2004-01-01')], [0, 1, 0]],
    ['acting mark changed', [t('a', '2000-01-01', '2001-01-01')], [t('a', '2000-01-01', '2001-01-01', true)], [0, 1, 0]],
    ['a second term of the same person', [t('a', '2000-01-01', '2001-01-01')], [t('a', '2000-01-01', '2001-01-01'), t('a', '2005-01-01', null)], [1, 0, 0]],
    ['a term replaced by another person', [t('a', '2000-01-01', null)], [t('b', '2000-01-01', null)], [1, 0, 1]],
  ])('%s', (_name, old, next, counts) => {
    const diff = diffTerms(old, next);
    expect([diff.added, diff.changed, diff.removed]).toEqual(counts);
  });
});
