import type { CallName, Request, Response, Result } from './protocol';
import { CONTENT_SCRIPT_CALLS } from './protocol';
import { validateEnvelope } from './validate';

/** Who sent a message, as the browser reports it (runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface CallContext {
  /** The page a content script runs in; undefined for the extension's own pages. */
  pageUrl?: string;
}

/** One handler per call, typed from the protocol: a missing or mistyped handler does not compile. */
export type Handlers = { [K in CallName]: (request: Request<K>, context: CallContext) => Promise<Response<K>> };

/**
 * The background's single message entry point. Refuses messages from other
 * extensions or web pages, malformed requests, and calls a content script may not
 * make; turns handler errors into `{ ok: false }` so they reach the caller.
 */
export function createRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    if (sender.id !== extensionId) return { ok: false, error: 'Refused: not from this extension' };
    const checked = validateEnvelope(message);
    if (!checked.ok) return checked;
    const { call, request } = checked.envelope;
    const fromExtensionPage = sender.url?.startsWith(extensionOrigin) === true && !sender.tab?.url?.startsWith('http');
    const context: CallContext = {};
    if (!fromExtensionPage) {
      if (!CONTENT_SCRIPT_CALLS.has(call)) return { ok: false, error: `Refused: ${call} is not available to web pages` };
      const pageUrl = sender.url ?? sender.tab?.url;
      if (!pageUrl || !sameOrigin(pageUrl, (request as { url: string }).url)) {
        return { ok: false, error: 'Refused: a page may only speak about itself' };
      }
      context.pageUrl = pageUrl;
    }
    try {
      const handler = handlers[call] as (r: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(request, context) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    const origin = new URL(a).origin;
    // Opaque origins (data:, file:, sandboxed) all read "null": never the same as anything.
    return origin !== 'null' && origin === new URL(b).origin;
  } catch {
    return false;
  }
}
