import { browser } from 'wxt/browser';
import type { SendMessage } from '../../lib/messaging/client';
import type { TabCalls } from '../../lib/messaging/protocol';
import { RecheckGate } from '../../lib/scheduling/recheck-gate';
import type { YieldToHost } from '../../lib/scheduling/slices';
import { Annotator } from './annotator';
import { PageCheck } from './page-check';

/** Re-read a changing page once it has been still this long… */
const QUIET_MS = 250;
/** …or at the latest this long after it started changing. */
const MAX_WAIT_MS = 1000;
/** Re-checks may use at most this share of the page's main thread. */
const MAX_SHARE = 0.1;
/** A look that failed (the background restarting, say) is tried again this many times, 1, 2, 4 s later. */
const RETRIES = 3;

/** Gives the thread back to the page: scheduler.yield where there is one, else a message-channel task. */
const yieldToHost: YieldToHost = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
};

/**
 * Resolves when the document is parsed and the browser has had a moment to settle
 * (what `document_idle` gives), never later than `maxWaitMs` after DOMContentLoaded.
 */
function whenSettled(maxWaitMs: number): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: maxWaitMs });
      else setTimeout(resolve, 0);
    });
  if (document.readyState !== 'loading') return idle();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => void idle().then(resolve), { once: true }));
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Loaded at document_start so that the extension API is bound before the page can shadow the
  // `chrome` global (a `<form name="chrome">` does); the work itself waits until the page is parsed.
  runAt: 'document_start',
  async main(ctx) {
    await whenSettled(200);
    if (!ctx.isValid) return;
    const startedAt = performance.now();
    const now = () => performance.now();
    const send: SendMessage = (m) => browser.runtime.sendMessage(m);

    let gate: RecheckGate | null = null;
    // Our own DOM changes (badges, the card) are taken off the observer's queue so they never trigger a check.
    const observer = new MutationObserver(() => gate?.poke());
    const quietly = (change: () => void) => {
      const pageChanges = observer.takeRecords().length > 0;
      change();
      observer.takeRecords();
      if (pageChanges) gate?.poke();
    };
    const annotator = new Annotator(ctx, send, quietly);
    const check = new PageCheck(annotator, send, now, yieldToHost, () => ctx.isValid, startedAt);
    gate = new RecheckGate({
      quietMs: QUIET_MS,
      maxWaitMs: MAX_WAIT_MS,
      maxShare: MAX_SHARE,
      retries: RETRIES,
      now,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      check: () => check.run(),
      onError: (error) => {
        // Never let our failure surface in the page; the background may be restarting or the page odd.
        if (!ctx.isValid) return;
        check.failed(error);
        console.debug('[factcheck] could not check this page:', error);
      },
    });

    // Watch for article text arriving later; the callback only notes that something changed.
    observer.observe(document.documentElement, { childList: true, subtree: true });
    // Single-page apps: the Navigation API sees pushState and back/forward; popstate covers browsers without it.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      ctx.addEventListener(navigation, 'currententrychange', () => gate?.poke());
    } else {
      ctx.addEventListener(window, 'popstate', () => gate?.poke());
    }

    ctx.onInvalidated(() => {
      // The extension was reloaded or removed: stop quietly and leave the page as it was.
      gate?.stop();
      observer.disconnect();
      annotator.clear();
    });

    // Answered through sendResponse, synchronously: the browser's own API (see wxt.config.ts) takes no promise here.
    const answer = (message: unknown): unknown => {
      if (!ctx.isValid || typeof message !== 'object' || message === null) return undefined;
      const { tabCall, request } = message as { tabCall?: keyof TabCalls; request?: Record<string, unknown> };
      if (tabCall === 'listClaims') return annotator.listClaims();
      if (tabCall === 'revealClaim' && typeof request?.claimId === 'string') return { found: annotator.reveal(request.claimId) };
      if (tabCall === 'siteEnabledChanged') {
        check.enabled = Boolean(request?.enabled);
        check.restart();
        if (check.enabled) gate?.now();
        return { ok: true };
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      const response = answer(message);
      if (response !== undefined) sendResponse(response);
      return undefined;
    });

    check.count('setup', now() - startedAt);
    gate.now();
  },
});
