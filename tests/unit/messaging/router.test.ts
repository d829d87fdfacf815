import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FactCheckService } from '../../../lib/background/service';
import { CONTENT_SCRIPT_CALLS, type CallName, type Flag } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers, type Sender } from '../../../lib/messaging/router';
import shipped from '../../../lib/reference/shipped.generated.json';
import type { ReferenceDataset } from '../../../lib/reference/types';
import { FactCheckDB } from '../../../lib/store/db';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const NEWS = 'https://news.example/world/2025/08/19/talks';

/** How the browser describes each kind of sender (runtime.MessageSender). */
const SENDERS = {
  contentScript: { id: EXTENSION_ID, url: NEWS, tab: { id: 4, url: NEWS } },
  contentScriptInFrame: { id: EXTENSION_ID, url: 'https://widgets.example/embed', tab: { id: 4, url: NEWS } },
  popup: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` },
  optionsTab: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html`, tab: { id: 9, url: `${EXTENSION_ORIGIN}options.html` } },
  otherExtension: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/page.html' },
  noId: { url: NEWS, tab: { id: 4, url: NEWS } },
  // An extension page a web page framed: it runs in a web page's tab.
  framedExtensionPage: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html`, tab: { id: 4, url: 'https://evil.example/' } },
  lookalikeExtensionUrl: { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}x/popup.html` },
} satisfies Record<string, Sender>;

const REQUESTS = {
  checkPage: { url: NEWS, segments: [{ index: 0, text: 'German Chancellor Olaf Scholz urged the group.', kind: 'paragraph' }], pageDate: null },
  flagClaim: {
    url: NEWS,
    claimId: '0:0',
    claimText: 'German Chancellor Olaf Scholz',
    verdictShown: 'mismatch',
    reason: 'wrong-person',
    note: '',
    quote: { exact: 'German Chancellor Olaf Scholz', prefix: '', suffix: '' },
  },
  unflagClaim: { url: NEWS, claimId: '0:0' },
  referenceInfo: {},
  referenceChanged: {},
  setSiteEnabled: { host: 'news.example', enabled: false },
} satisfies Record<CallName, unknown>;

/** Handlers that record what reached them; a refused message must reach none. */
function spyHandlers() {
  const reached: string[] = [];
  const failing = new Map<string, Error>();
  // A proxy answers for every call in the protocol, including ones added later.
  const handlers = new Proxy({} as Handlers, {
    get: (_target, name) => async (request: unknown) => {
      reached.push(String(name));
      const error = failing.get(String(name));
      if (error) throw error;
      return request;
    },
  });
  return { handlers, reached, failing };
}

function setup() {
  const spy = spyHandlers();
  const route = createRouter(spy.handlers, EXTENSION_ID, EXTENSION_ORIGIN);
  return { ...spy, route, reached: () => spy.reached.length };
}

describe('who may talk to the background', () => {
  test.each<[string, Sender, CallName, boolean]>([
    ['a content script checking its own page', SENDERS.contentScript, 'checkPage', true],
    ['a content script flagging a claim on its page', SENDERS.contentScript, 'flagClaim', true],
    ['a content script taking back its flag', SENDERS.contentScript, 'unflagClaim', true],
    ['the popup asking what data is loaded', SENDERS.popup, 'referenceInfo', true],
    ['the popup turning a site off', SENDERS.popup, 'setSiteEnabled', true],
    ['the options page in its own tab', SENDERS.optionsTab, 'referenceInfo', true],
    ['a content script asking what data is loaded', SENDERS.contentScript, 'referenceInfo', false],
    ['a content script turning its site off', SENDERS.contentScript, 'setSiteEnabled', false],
    ['a content script telling the background to reload reference data', SENDERS.contentScript, 'referenceChanged', false],
    ['another extension', SENDERS.otherExtension, 'referenceInfo', false],
    ['another extension checking a page', SENDERS.otherExtension, 'checkPage', false],
    ['a sender without an extension id', SENDERS.noId, 'checkPage', false],
    ['our page framed inside a web page', SENDERS.framedExtensionPage, 'setSiteEnabled', false],
    ['a URL that only starts like ours', SENDERS.lookalikeExtensionUrl, 'referenceInfo', false],
  ])('%s: %s', async (_name, sender, call, allowed) => {
    const { route, reached } = setup();
    const answer = await route({ call, request: REQUESTS[call] }, sender);
    expect(answer.ok).toBe(allowed);
    if (!answer.ok) expect(answer.error).toMatch(/^Refused/);
    expect(reached()).toBe(allowed ? 1 : 0);
  });
});

test('every call that is not for content scripts is refused to them, whatever the call', async () => {
  const pageOnly = (Object.keys(REQUESTS) as CallName[]).filter((c) => !CONTENT_SCRIPT_CALLS.has(c));
  expect(pageOnly.length).toBeGreaterThan(0);
  for (const call of pageOnly) {
    const { route, reached } = setup();
    expect(await route({ call, request: REQUESTS[call] }, SENDERS.contentScript), call).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    expect(reached()).toBe(0);
  }
});

describe('a page may only speak about its own origin', () => {
  test.each<[string, string, boolean]>([
    ['another page of the same site', 'https://news.example/politics/other-story', true],
    ['the same page with a fragment', `${NEWS}#comments`, true],
    ['another site', 'https://other.example/world/2025/08/19/talks', false],
    ['the same host over http', 'http://news.example/world/2025/08/19/talks', false],
    ['another port', 'https://news.example:8443/world/2025/08/19/talks', false],
    ['a subdomain', 'https://shop.news.example/', false],
    ['user info that hides another host', 'https://news.example@other.example/', false],
    ['the extension itself', `${EXTENSION_ORIGIN}options.html`, false],
    ['a URL that does not parse', 'not a url', false],
    ['an empty URL', '', false],
  ])('%s', async (_name, url, allowed) => {
    for (const call of ['checkPage', 'flagClaim', 'unflagClaim'] as const) {
      const { route, reached } = setup();
      const answer = await route({ call, request: { ...REQUESTS[call], url } }, SENDERS.contentScript);
      expect(answer.ok, `${call} about ${url}`).toBe(allowed);
      expect(reached()).toBe(allowed ? 1 : 0);
    }
  });

  test('pages with opaque origins (data:, file:) never count as the same origin', async () => {
    for (const pageUrl of ['data:text/html,<p>a</p>', 'file:///home/reader/saved.html']) {
      const { route, reached } = setup();
      const sender = { ...SENDERS.contentScript, url: pageUrl, tab: { id: 3, url: pageUrl } };
      const answer = await route({ call: 'checkPage', request: { ...REQUESTS.checkPage, url: 'data:text/html,<p>b</p>' } }, sender);
      expect(answer.ok, pageUrl).toBe(false);
      expect(reached()).toBe(0);
    }
  });

  test('a content script in a frame speaks for the frame, not for the tab', async () => {
    const { route } = setup();
    const aboutTab = await route({ call: 'checkPage', request: REQUESTS.checkPage }, SENDERS.contentScriptInFrame);
    expect(aboutTab).toMatchObject({ ok: false, error: expect.stringMatching(/only speak about itself/) });
    const aboutFrame = await route({ call: 'checkPage', request: { ...REQUESTS.checkPage, url: 'https://widgets.example/embed' } }, SENDERS.contentScriptInFrame);
    expect(aboutFrame.ok).toBe(true);
  });
});

describe('malformed messages never reach a handler', () => {
  test.each<[string, unknown]>([
    ['null', null],
    ['a bare string', 'checkPage'],
    ['an unknown call', { call: 'importReference', request: {} }],
    ['a call to write reference data', { call: 'replaceReference', request: { offices: [] } }],
    ['a missing request', { call: 'checkPage' }],
    ['a request of the wrong shape', { call: 'flagClaim', request: { ...REQUESTS.flagClaim, verdictShown: 'certainly' } }],
    ['an extra top-level field', { call: 'checkPage', request: REQUESTS.checkPage, from: 'background' }],
  ])('%s', async (_name, message) => {
    const { route, reached } = setup();
    for (const sender of [SENDERS.contentScript, SENDERS.popup]) {
      const answer = await route(message, sender);
      expect(answer.ok).toBe(false);
    }
    expect(reached()).toBe(0);
  });

  test('a handler that throws answers with its message instead of rejecting', async () => {
    const { route, failing } = setup();
    failing.set('referenceInfo', new Error('The reference data could not be loaded.'));
    await expect(route({ call: 'referenceInfo', request: {} }, SENDERS.popup)).resolves.toEqual({ ok: false, error: 'The reference data could not be loaded.' });
  });
});

describe('flags stay with their site, through the real service', () => {
  let db: FactCheckDB;
  let route: ReturnType<typeof createRouter>;
  const OTHER = 'https://other.example/world/2025/08/19/talks';
  const otherSender: Sender = { id: EXTENSION_ID, url: OTHER, tab: { id: 5, url: OTHER } };

  beforeEach(() => {
    db = new FactCheckDB(`factcheck-router-${Math.random()}`);
    route = createRouter(new FactCheckService(db, shipped as ReferenceDataset).handlers(), EXTENSION_ID, EXTENSION_ORIGIN);
  });
  afterEach(async () => {
    await db.delete();
  });

  test("a page sees its own site's flags and never another site's", async () => {
    expect(await route({ call: 'flagClaim', request: REQUESTS.flagClaim }, SENDERS.contentScript)).toMatchObject({ ok: true });
    expect(await route({ call: 'flagClaim', request: { ...REQUESTS.flagClaim, url: OTHER, note: 'other site' } }, otherSender)).toMatchObject({ ok: true });

    // The other site asks for news.example's page: refused, nothing read.
    const snooping = await route({ call: 'checkPage', request: REQUESTS.checkPage }, otherSender);
    expect(snooping).toMatchObject({ ok: false, error: expect.stringMatching(/only speak about itself/) });

    // Its own page: only its own flag comes back.
    const own = await route({ call: 'checkPage', request: { ...REQUESTS.checkPage, url: OTHER } }, otherSender);
    expect(own.ok).toBe(true);
    const flags = own.ok ? (own.value as { flags: Flag[] }).flags : [];
    expect(flags.map((f) => f.url)).toEqual([OTHER]);
    expect(flags.map((f) => f.note)).toEqual(['other site']);
  });

  test("a page cannot take back another site's flag", async () => {
    await route({ call: 'flagClaim', request: REQUESTS.flagClaim }, SENDERS.contentScript);
    const answer = await route({ call: 'unflagClaim', request: REQUESTS.unflagClaim }, otherSender);
    expect(answer.ok).toBe(false);
    expect(await db.flags.count()).toBe(1);
  });

  test('a content script cannot turn off checking for a site, the popup can', async () => {
    const fromPage = await route({ call: 'setSiteEnabled', request: { host: 'news.example', enabled: false } }, SENDERS.contentScript);
    expect(fromPage.ok).toBe(false);
    expect(await db.sites.count()).toBe(0);
    const fromPopup = await route({ call: 'setSiteEnabled', request: { host: 'news.example', enabled: false } }, SENDERS.popup);
    expect(fromPopup.ok).toBe(true);
    expect(await db.sites.get('news.example')).toMatchObject({ enabled: false });
  });
});
