import { useState } from 'preact/hooks';
import { flagsToCsv, flagsToJson, flagsToJsonLd, REASON_LABELS } from '../../lib/flags/export';
import { importFlagAnnotations } from '../../lib/flags/import';
import type { Flag } from '../../lib/messaging/protocol';
import type { FactCheckDB } from '../../lib/store/db';
import { downloadText } from './flag-download';
import { useLive } from './use-live';

type Notice = { kind: 'ok' | 'error'; text: string; undo?: Flag };

const stamp = () => new Date().toISOString().slice(0, 10);

/** Options: the reader's flags, searchable, with undo of a delete, export and import. */
export function FlagsSection({ db }: { db: FactCheckDB }) {
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const flags = useLive<Flag[] | null>(() => db.flags.orderBy('createdAt').reverse().toArray(), null);
  const all = flags ?? [];
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((f) => {
    const hay = `${f.url} ${f.claimText} ${REASON_LABELS[f.reason]} ${f.reason} ${f.note}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });

  const remove = async (flag: Flag) => {
    await db.flags.delete(flag.id);
    setNotice({ kind: 'ok', text: `Deleted the flag on “${flag.claimText}”.`, undo: flag });
  };
  const restore = async (flag: Flag) => {
    await db.flags.put(flag);
    setNotice({ kind: 'ok', text: `Restored the flag on “${flag.claimText}”.` });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 20_000_000) {
      setNotice({ kind: 'error', text: `${file.name} is larger than 20 MB; nothing was imported.` });
      return;
    }
    const text = await file.text();
    // Read and write in one transaction so a flag made meanwhile in a page still counts as a duplicate.
    const result = await db.transaction('rw', db.flags, async () => {
      const parsed = importFlagAnnotations(text, await db.flags.toArray(), new Date().toISOString());
      if (parsed.ok) await db.flags.bulkAdd(parsed.flags);
      return parsed;
    });
    if (!result.ok) setNotice({ kind: 'error', text: `${file.name} was not imported: ${result.error}` });
    else {
      const skipped = result.skipped ? `, skipped ${result.skipped} already here` : '';
      setNotice({ kind: 'ok', text: `Imported ${result.flags.length} flag${result.flags.length === 1 ? '' : 's'} from ${file.name}${skipped}.` });
    }
  };

  return (
    <section aria-labelledby="flags-title" data-testid="flags-section">
      <h2 id="flags-title">Your flags</h2>
      <p>
        Claims you marked as disputed. They stay in this browser; export them to keep a copy or to share them as W3C Web Annotations.
      </p>
      <div class="toolbar" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', margin: '8px 0' }}>
        <label>
          Search flags{' '}
          <input type="search" data-testid="flag-search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <span role="group" aria-label="Export all flags" style={{ display: 'flex', gap: '6px' }}>
          <button type="button" data-testid="export-jsonld" disabled={all.length === 0} onClick={() => downloadText(`factcheck-flags-${stamp()}.jsonld`, 'application/ld+json', flagsToJsonLd(all))}>
            Export Web Annotations (JSON-LD)
          </button>
          <button type="button" data-testid="export-json" disabled={all.length === 0} onClick={() => downloadText(`factcheck-flags-${stamp()}.json`, 'application/json', flagsToJson(all, new Date().toISOString()))}>
            Export JSON
          </button>
          <button type="button" data-testid="export-csv" disabled={all.length === 0} onClick={() => downloadText(`factcheck-flags-${stamp()}.csv`, 'text/csv', flagsToCsv(all))}>
            Export CSV
          </button>
        </span>
        <label>
          Import Web Annotations (JSON-LD){' '}
          <input type="file" accept=".jsonld,.json,application/ld+json,application/json" data-testid="import-jsonld" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </div>
      <div aria-live="polite">
        {notice && (
          <p role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="flags-notice" data-kind={notice.kind} style={{ color: notice.kind === 'error' ? '#b42318' : undefined }}>
            {notice.text}{' '}
            {notice.undo && (
              <button type="button" data-testid="restore-flag" onClick={() => restore(notice.undo!)}>
                Undo
              </button>
            )}
          </p>
        )}
      </div>
      {flags === null ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p data-testid="flags-empty">{all.length === 0 ? 'No flags yet. Open a badge on a page and choose “Flag as disputed”.' : 'No flags match the search.'}</p>
      ) : (
        <table data-testid="flag-table" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left' }}>
            {shown.length} of {all.length} flags
          </caption>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Claim</th>
              <th scope="col">Reason</th>
              <th scope="col">Note</th>
              <th scope="col">Flagged</th>
              <th scope="col">
                <span style={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' }}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id} data-testid="flag-row" data-claim={f.claimText} style={{ borderTop: '1px solid #d1d5db', verticalAlign: 'top' }}>
                <td style={{ wordBreak: 'break-all' }}>
                  <a href={f.url} target="_blank" rel="noreferrer noopener">
                    {f.url}
                  </a>
                </td>
                <td>{f.claimText}</td>
                <td>{REASON_LABELS[f.reason]}</td>
                <td>{f.note}</td>
                <td>
                  <time dateTime={f.createdAt}>{f.createdAt.slice(0, 10)}</time>
                </td>
                <td>
                  <button type="button" data-testid="delete-flag" aria-label={`Delete the flag on “${f.claimText}”`} onClick={() => remove(f)}>
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
