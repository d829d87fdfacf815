/**
 * The one contract between the extension's parts. Each call names its direction,
 * its request and its response; handlers and callers are typed from this table,
 * and every request is checked at run time by `validateRequest` before a handler sees it.
 */
import type { PageDate, Segment } from '../page/types';
import type { CheckedClaim, Verdict } from '../verify/types';

/** Errors cross the boundary as data: a rejected promise would lose its message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type FlagReason = 'wrong-person' | 'wrong-office' | 'wrong-date' | 'reference-wrong' | 'other';
export const FLAG_REASONS: FlagReason[] = ['wrong-person', 'wrong-office', 'wrong-date', 'reference-wrong', 'other'];

/** A W3C TextQuoteSelector: the claim's exact text with some context, to find it again. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The reader's "this claim is disputed" mark. */
export interface Flag {
  id: string;
  url: string;
  claimId: string;
  claimText: string;
  verdictShown: Verdict;
  reason: FlagReason;
  note: string;
  quote: TextQuote;
  /** ISO timestamp. */
  createdAt: string;
}

export interface ReferenceInfo {
  version: string;
  asOf: string;
  offices: number;
  people: number;
  terms: number;
}

export interface Calls {
  /** content → background: check the article text of a page. */
  checkPage: {
    request: { url: string; segments: Segment[]; pageDate: PageDate | null };
    response: { claims: CheckedClaim[]; flags: Flag[]; reference: ReferenceInfo; enabled: boolean };
  };
  /** content → background: mark a claim on this page as disputed. */
  flagClaim: {
    request: { url: string; claimId: string; claimText: string; verdictShown: Verdict; reason: FlagReason; note: string; quote: TextQuote };
    response: Flag;
  };
  /** content → background: take back this page's flag on a claim. */
  unflagClaim: { request: { url: string; claimId: string }; response: { removed: boolean } };
  /** popup/options → background: what reference data is loaded. */
  referenceInfo: { request: Record<string, never>; response: ReferenceInfo };
  /** options → background: the reference rows were replaced (import, Wikidata refresh); check pages against the store's new data from now on. */
  referenceChanged: { request: Record<string, never>; response: ReferenceInfo };
  /** popup → background: turn the extension on or off for a site (host name). */
  setSiteEnabled: { request: { host: string; enabled: boolean }; response: { host: string; enabled: boolean } };
}

export type CallName = keyof Calls;
export type Request<K extends CallName> = Calls[K]['request'];
export type Response<K extends CallName> = Calls[K]['response'];

/** What travels over runtime.sendMessage. */
export interface Envelope<K extends CallName = CallName> {
  call: K;
  request: Request<K>;
}

/** Calls a content script may make; the rest need an extension page. */
export const CONTENT_SCRIPT_CALLS: ReadonlySet<CallName> = new Set(['checkPage', 'flagClaim', 'unflagClaim']);

/** content ← popup (tabs.sendMessage): the claims this tab shows. */
export interface TabCalls {
  listClaims: { request: Record<string, never>; response: { url: string; pageDate: PageDate | null; article: boolean; claims: Array<Pick<CheckedClaim, 'id' | 'text' | 'verdict' | 'explanation'> & { flagged: boolean }> } };
  revealClaim: { request: { claimId: string }; response: { found: boolean } };
  siteEnabledChanged: { request: { enabled: boolean }; response: { ok: true } };
}
