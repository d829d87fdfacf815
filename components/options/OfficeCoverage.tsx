import type { FactCheckDB } from '../../lib/store/db';
import { lastKnownHolders } from '../../lib/store/queries';
import { useLive } from './use-live';

interface CoverageRow {
  id: string;
  label: string;
  holder: string;
  since: string;
  asOf: string;
}

async function coverage(db: FactCheckDB): Promise<CoverageRow[]> {
  const rows = (await lastKnownHolders(db)).map(({ office, term, person }) => ({
    id: office.id,
    label: office.label,
    holder: person?.name ?? '—',
    since: term ? (term.end === null ? `since ${term.start}` : `${term.start} to ${term.end}`) : '',
    asOf: office.asOf,
  }));
  return rows.sort((a, b) => a.label.localeCompare(b.label));
}

/** Options: per office, the last holder the data knows and the day its facts are good to. */
export function OfficeCoverage({ db, version }: { db: FactCheckDB; version: string }) {
  const rows = useLive<CoverageRow[]>(() => coverage(db), [], [db, version]);
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>As-of date and last known holder of each office ({rows.length})</summary>
      <table data-testid="office-coverage">
        <thead>
          <tr>
            <th scope="col">Office</th>
            <th scope="col">Last known holder</th>
            <th scope="col">Term</th>
            <th scope="col">Facts as of</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.label}</td>
              <td>{r.holder}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{r.since}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{r.asOf}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
