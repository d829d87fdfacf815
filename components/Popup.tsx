import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../lib/messaging/client';
import type { TabCalls } from '../lib/messaging/protocol';
import type { Verdict } from '../lib/verify/types';

type Listing = TabCalls['listClaims']['response'];
const ORDER: Verdict[] = ['mismatch', 'unknown', 'consistent'];
const TITLES: Record<Verdict, string> = { mismatch: 'Mismatch', unknown: 'Unknown', consistent: 'Consistent' };

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The toolbar popup: this tab's claims by verdict, and the per-site switch. */
export function Popup() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(true);

  const load = async () => {
    const tab = await activeTab();
    if (tab?.id === undefined) return setError('No page is open in this tab.');
    try {
      setListing((await browser.tabs.sendMessage(tab.id, { tabCall: 'listClaims', request: {} })) as Listing);
    } catch {
      setError('This page cannot be checked (it is not a web page, or it was open before the extension was installed: reload it).');
    }
  };
  useEffect(() => void load(), []);

  const host = listing ? new URL(listing.url).hostname : '';
  const toggle = async () => {
    const tab = await activeTab();
    const next = !enabled;
    await callBackground((m) => browser.runtime.sendMessage(m), 'setSiteEnabled', { host, enabled: next });
    setEnabled(next);
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { tabCall: 'siteEnabledChanged', request: { enabled: next } });
    await load();
  };
  const reveal = async (claimId: string) => {
    const tab = await activeTab();
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { tabCall: 'revealClaim', request: { claimId } });
    window.close();
  };

  return (
    <main style={{ font: '14px/1.4 system-ui, sans-serif', width: '22rem', padding: '8px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Officeholder Fact-Check</h1>
      {error && <p role="alert">{error}</p>}
      {listing && (
        <>
          <label>
            <input type="checkbox" data-testid="site-switch" checked={enabled} onChange={toggle} /> Check claims on {host}
          </label>
          {!listing.article && <p data-testid="popup-note">This page does not look like an article.</p>}
          {listing.article && !listing.pageDate && <p data-testid="popup-note">This page has no publication date, so claims are checked only where a sentence gives a date.</p>}
          {ORDER.map((verdict) => {
            const claims = listing.claims.filter((c) => c.verdict === verdict);
            return (
              <section key={verdict} data-testid={`popup-group-${verdict}`}>
                <h2 style={{ fontSize: '14px', margin: '8px 0 4px' }}>
                  {TITLES[verdict]} <span data-testid={`popup-count-${verdict}`}>{claims.length}</span>
                </h2>
                <ul style={{ margin: 0, paddingLeft: '18px' }}>
                  {claims.map((c) => (
                    <li key={c.id}>
                      <button type="button" class="link" onClick={() => reveal(c.id)} title={c.explanation}>
                        {c.text}
                        {c.flagged ? ' ⚑' : ''}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </main>
  );
}
