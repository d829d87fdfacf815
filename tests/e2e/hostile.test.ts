/**
 * A few hostile page kinds from the fuzzer (npm run fuzz), as a fast end-to-end check:
 * the page sees no error from us, keeps its text, gets its badges, and none land in
 * editors or form fields. The full run covers every kind; these are the ones that must
 * never regress.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPage, type HostilePage } from '../../scripts/lib/hostile/kinds';
import { type Fuzzer, type PageOutcome, startFuzzer } from '../../scripts/lib/hostile/run';

const SEED = 20250819;

/** (kind, variant) pairs; each page is the first the generator builds of that variant. */
const CASES: Array<[string, RegExp]> = [
  ['plain', /control/],
  ['split-inline', /sentences/],
  ['deep-nesting', /^script-/],
  ['strict-csp', /^header$/],
  ['proto-patch', /^all$/],
  ['builtins-patch', /^all$/],
  ['hostile-css', /^all-unset$/],
  ['editors', /^static$/],
  ['dom-clobbering', /^form-wrapper$/],
  ['removes-badges', /^remove-on-sight$/],
];

let fuzzer: Fuzzer;
let outcomes: Map<string, PageOutcome>;

function findPage(kind: string, variant: RegExp): HostilePage {
  for (let i = 0; i < 500; i++) {
    const page = buildPage(SEED, i, fuzzer.origins, [kind]);
    if (variant.test(page.variant)) return page;
  }
  throw new Error(`The generator built no ${kind} page matching ${variant}`);
}

beforeAll(async () => {
  fuzzer = await startFuzzer({ extension: true, concurrency: 2 });
  const pages = CASES.map(([kind, variant]) => findPage(kind, variant));
  const results = await fuzzer.run(pages, pages.length);
  outcomes = new Map(results.map((o) => [o.kind, o]));
}, 120_000);

afterAll(async () => {
  await fuzzer?.close();
});

describe('hostile pages', () => {
  test.each(CASES.map(([kind]) => kind))('%s: no errors, text intact, badges where they belong', (kind) => {
    const o = outcomes.get(kind)!;
    expect(o.crash, 'crash').toBeNull();
    expect(o.uncaughtErrors, 'uncaught errors from our code').toEqual([]);
    expect(o.pageErrors, "errors in the page's console").toEqual([]);
    expect(o.textChanged, 'page text changed').toEqual([]);
    expect(o.missing, 'badges that should have appeared').toEqual([]);
    expect(o.inZones, 'badges in editors, fields or hidden text').toEqual([]);
    expect(o.harness, 'harness problems').toEqual([]);
  });

  test('the page that removes every badge still saw them drawn, and nothing broke', () => {
    const o = outcomes.get('removes-badges')!;
    expect(o.removals).toBeGreaterThan(0);
  });

  test('a badge under hostile prototypes still opens its card', () => {
    expect(outcomes.get('proto-patch')!.cardOpened).toBe(true);
    expect(outcomes.get('builtins-patch')!.cardOpened).toBe(true);
  });

  test('web pages cannot reach the extension: no messaging API, no externally_connectable', async () => {
    fuzzer.serve('/reach', { contentType: 'text/html', body: '<!doctype html><title>reach</title><p>Hello.</p>' });
    const page = await fuzzer.context.newPage();
    try {
      await page.goto(`${fuzzer.origins.main}/reach`);
      const reach = await page.evaluate(async (id) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return 'no sendMessage';
        try {
          return JSON.stringify(await runtime.sendMessage(id, { call: 'referenceInfo', request: {} }));
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      }, fuzzer.extensionId);
      expect(reach).toMatch(/^(no sendMessage|refused)/);
    } finally {
      await page.close();
    }
  });
});
