import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageKey } from '../lib/page/page-key';
import { callBackground } from '../lib/messaging/client';
import type { TabCalls } from '../lib/messaging/protocol';
import { FactCheckDB } from '../lib/store/db';
import type { Verdict } from '../lib/verify/types';
import { VERDICT_SYMBOL } from './Badge';
import { useLive } from './options/use-live';

type Listing = TabCalls['listClaims']['response'];
const ORDER: Verdict[] = ['mismatch', 'unknown', 'consistent'];
const TITLES: Record<Verdict, string> = { mismatch: 'Mismatch', unknown: 'Unknown', consistent: 'Consistent' };

/**
 * The tab the popup speaks about. As the toolbar popup it is the active tab of its window.
 * `popup.html?tab=<id>` names the tab instead: the same page opened in a tab of its own
 * (tests, or a reader who pins it) would otherwise find itself as the active tab.
 */
export function tabOverride(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

async function targetTab(): Promise<number | undefined> {
  const override = tabOverride(location.search);
  if (override !== null) return override;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const CSS = `
:root { color-scheme: light dark; }
body { margin: 0; }
main { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; width: 22rem; padding: 10px 12px; color: #111827; background: #fff; }
h1 { font-size: 16px; margin: 0 0 8px; }
h2 { font-size: 14px; margin: 10px 0 4px; display: flex; gap: 6px; align-items: center; }
.count { min-width: 1.6em; text-align: center; border-radius: 0.8em; border: 1.5px solid currentColor; padding: 0 4px; font-size: 12px; }
.mismatch .count { color: #fff; background: #b42318; border-color: #7a1109; }
.consistent .count { color: #0b5d1e; background: #e3f6e8; }
.unknown .count { color: #374151; background: #f3f4f6; border-style: dashed; }
ul { margin: 0; padding-left: 0; list-style: none; }
li { margin: 2px 0; }
button.claim { all: unset; cursor: pointer; display: block; width: 100%; box-sizing: border-box; padding: 3px 6px; border-radius: 4px; color: #1a4fb8; text-decoration: underline; }
button.claim:hover { background: #eef2ff; }
button.claim:focus-visible, input:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.switch { display: flex; gap: 8px; align-items: center; padding: 6px 0; border-bottom: 1px solid #d1d5db; }
.note { color: #4b5563; }
.empty { color: #4b5563; margin: 2px 0 0 6px; }
@media (prefers-color-scheme: dark) {
  main { color: #f3f4f6; background: #1f2937; }
  button.claim { color: #93c5fd; }
  button.claim:hover { background: #374151; }
  .note, .empty { color: #d1d5db; }
}
`;

/** The toolbar popup: this tab's claims by verdict, and the per-site switch. */
export function Popup() {
  const db = useMemo(() => new FactCheckDB(), []);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);

  const load = async (): Promise<Listing | null> => {
    const tab = await targetTab();
    if (tab === undefined) {
      setError('No page is open in this tab.');
      return null;
    }
    try {
      const next = (await browser.tabs.sendMessage(tab, { tabCall: 'listClaims', request: {} })) as Listing;
      setListing(next);
      setError(null);
      return next;
    } catch {
      setError('This page cannot be checked (it is not a web page, or it was open before the extension was installed: reload it).');
      return null;
    }
  };
  useEffect(() => void load(), []);

  const url = listing ? pageKey(listing.url) : '';
  const host = listing ? new URL(listing.url).hostname : '';
  // Site switches and flags come from the database, live: they change from the page and the options page too.
  const site = useLive(() => (host ? db.sites.get(host) : Promise.resolve(undefined)), undefined, [host]);
  const enabled = site?.enabled ?? true;
  const flaggedIds = useLive(async () => new Set(url ? (await db.flags.where('url').equals(url).toArray()).map((f) => f.claimId) : []), new Set<string>(), [url]);

  const toggle = async () => {
    const tab = await targetTab();
    const next = !enabled;
    await callBackground((m) => browser.runtime.sendMessage(m), 'setSiteEnabled', { host, enabled: next });
    if (tab !== undefined) await browser.tabs.sendMessage(tab, { tabCall: 'siteEnabledChanged', request: { enabled: next } });
    if (!next) {
      await load();
      return;
    }
    // The page checks itself again in the background; list its claims once they are drawn.
    setWaiting(true);
    for (let i = 0; i < 40; i++) {
      const latest = await load();
      if (!latest || !latest.article || latest.claims.length > 0) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    setWaiting(false);
  };
  const reveal = async (claimId: string) => {
    const tab = await targetTab();
    if (tab === undefined) return;
    await browser.tabs.sendMessage(tab, { tabCall: 'revealClaim', request: { claimId } });
    if (tabOverride(location.search) === null) window.close();
    else await browser.tabs.update(tab, { active: true });
  };

  const flaggedCount = listing ? listing.claims.filter((c) => c.flagged || flaggedIds.has(c.id)).length : 0;
  return (
    <main data-testid="popup">
      <style>{CSS}</style>
      <h1>Officeholder Fact-Check</h1>
      {error && (
        <p role="alert" data-testid="popup-error">
          {error}
        </p>
      )}
      {listing && (
        <>
          <label class="switch">
            <input type="checkbox" role="switch" data-testid="site-switch" checked={enabled} onChange={toggle} />
            Check claims on {host}
          </label>
          <div aria-live="polite" data-testid="popup-status">
            {!enabled && <p class="note">Turned off on this site: no claims are marked.</p>}
            {waiting && <p class="note">Checking the page…</p>}
          </div>
          {enabled && !listing.article && (
            <p class="note" data-testid="popup-note">
              This page does not look like an article, so nothing was checked.
            </p>
          )}
          {enabled && listing.article && !listing.pageDate && (
            <p class="note" data-testid="popup-note">
              This page has no publication date, so claims are checked only where a sentence gives a date.
            </p>
          )}
          {enabled && listing.article && (
            <>
              <p class="note">
                <span data-testid="popup-total">{listing.claims.length}</span> claims on this page
                {flaggedCount > 0 && (
                  <>
                    , <span data-testid="popup-flagged">{flaggedCount}</span> flagged by you <span aria-hidden="true">⚑</span>
                  </>
                )}
                .
              </p>
              {ORDER.map((verdict) => {
                const claims = listing.claims.filter((c) => c.verdict === verdict);
                return (
                  <section key={verdict} class={verdict} data-testid={`popup-group-${verdict}`} aria-labelledby={`group-${verdict}`}>
                    <h2 id={`group-${verdict}`}>
                      <span aria-hidden="true">{VERDICT_SYMBOL[verdict]}</span>
                      {TITLES[verdict]}
                      <span class="count" data-testid={`popup-count-${verdict}`}>
                        {claims.length}
                      </span>
                    </h2>
                    {claims.length === 0 ? (
                      <p class="empty">None.</p>
                    ) : (
                      <ul>
                        {claims.map((c) => {
                          const flagged = c.flagged || flaggedIds.has(c.id);
                          return (
                            <li key={c.id}>
                              <button
                                type="button"
                                class="claim"
                                data-testid="popup-claim"
                                data-claim={c.text}
                                title={c.explanation}
                                aria-label={`${c.text}${flagged ? ', flagged by you' : ''}: show it on the page`}
                                onClick={() => reveal(c.id)}
                              >
                                {c.text}
                                {flagged && <span aria-hidden="true"> ⚑</span>}
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </section>
                );
              })}
            </>
          )}
        </>
      )}
    </main>
  );
}
