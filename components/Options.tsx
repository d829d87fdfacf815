import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../lib/messaging/client';
import type { Flag, ReferenceInfo } from '../lib/messaging/protocol';
import { FactCheckDB } from '../lib/store/db';

function useLive<T>(query: () => Promise<T>, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e: unknown) => console.error(e) });
    return () => sub.unsubscribe();
  }, []);
  return value;
}

/** The options page: the reference data in use and the reader's flags. */
export function Options() {
  const db = useMemo(() => new FactCheckDB(), []);
  const [info, setInfo] = useState<ReferenceInfo | null>(null);
  const [search, setSearch] = useState('');
  const flags = useLive<Flag[]>(() => db.flags.orderBy('createdAt').reverse().toArray(), []);
  useEffect(() => {
    callBackground((m) => browser.runtime.sendMessage(m), 'referenceInfo', {}).then(setInfo, () => setInfo(null));
  }, []);
  const shown = flags.filter((f) => `${f.url} ${f.claimText} ${f.reason} ${f.note}`.toLowerCase().includes(search.toLowerCase()));
  return (
    <main style={{ font: '15px/1.5 system-ui, sans-serif', maxWidth: '60rem', margin: '0 auto', padding: '16px' }}>
      <h1>Officeholder Fact-Check</h1>
      <section data-testid="reference-info">
        <h2>Reference data</h2>
        {info ? (
          <p>
            Version {info.version}, facts as of <strong>{info.asOf}</strong>: {info.offices} offices, {info.people} people, {info.terms} terms of office.
          </p>
        ) : (
          <p>Loading…</p>
        )}
      </section>
      <section>
        <h2>Your flags</h2>
        <label>
          Search <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        {shown.length === 0 ? (
          <p>No flags.</p>
        ) : (
          <table data-testid="flag-table">
            <thead>
              <tr>
                <th>Page</th>
                <th>Claim</th>
                <th>Reason</th>
                <th>Note</th>
                <th>Flagged</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.id}>
                  <td>{f.url}</td>
                  <td>{f.claimText}</td>
                  <td>{f.reason}</td>
                  <td>{f.note}</td>
                  <td>{f.createdAt.slice(0, 10)}</td>
                  <td>
                    <button type="button" onClick={() => db.flags.delete(f.id)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
