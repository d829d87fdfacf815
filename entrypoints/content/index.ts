import { browser } from 'wxt/browser';
import type { TabCalls } from '../../lib/messaging/protocol';
import { Annotator } from './annotator';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const annotator = new Annotator(ctx);
    const run = () => {
      annotator.annotate().catch((error: unknown) => {
        // Never let our failure surface in the page; the background may be restarting or the page odd.
        if (ctx.isValid) console.debug('[factcheck] could not check this page:', error);
      });
    };
    ctx.onInvalidated(() => annotator.clear());
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!ctx.isValid || typeof message !== 'object' || message === null) return undefined;
      const { tabCall, request } = message as { tabCall?: keyof TabCalls; request?: Record<string, unknown> };
      if (tabCall === 'listClaims') return Promise.resolve(annotator.listClaims());
      if (tabCall === 'revealClaim' && typeof request?.claimId === 'string') return Promise.resolve({ found: annotator.reveal(request.claimId) });
      if (tabCall === 'siteEnabledChanged') {
        if (request?.enabled) run();
        else annotator.clear();
        return Promise.resolve({ ok: true });
      }
      return undefined;
    });
    run();
  },
});
