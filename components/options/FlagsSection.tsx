import { useState } from 'preact/hooks';
import type { Flag } from '../../lib/messaging/protocol';
import type { FactCheckDB } from '../../lib/store/db';
import { useLive } from './use-live';

/** Options: the reader's flags, searchable. */
export function FlagsSection({ db }: { db: FactCheckDB }) {
  const [search, setSearch] = useState('');
  const flags = useLive<Flag[]>(() => db.flags.orderBy('createdAt').reverse().toArray(), []);
  const shown = flags.filter((f) => `${f.url} ${f.claimText} ${f.reason} ${f.note}`.toLowerCase().includes(search.toLowerCase()));
  return (
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
  );
}
