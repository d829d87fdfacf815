import { useState } from 'preact/hooks';
import { MAX_IMPORT_CHARS } from '../../lib/reference/exchange';
import type { FactCheckDB } from '../../lib/store/db';
import { applyImport, checkImport, exportReference, storeErrorMessage, type CheckedImport } from '../../lib/store/reference-io';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'rejected'; file: string; problems: string[] }
  | { kind: 'checked'; file: string; checked: CheckedImport }
  | { kind: 'done'; message: string };

/** Offers text as a file download (no downloads permission needed for a blob link the reader clicks). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Options: export the reference data in the exchange format, or import such a file.
 * An import is checked completely and summarised first; the store is only written
 * when the reader confirms, in one transaction.
 */
export function ReferenceTransfer({ db, onChanged }: { db: FactCheckDB; onChanged: () => Promise<void> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function exportFile() {
    setState({ kind: 'busy', what: 'Exporting…' });
    try {
      const text = await exportReference(db);
      const asOf = (JSON.parse(text) as { asOf: string }).asOf;
      download(text, `officeholders-${asOf}.json`);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'done', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function chooseFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // UTF-8 takes at least one byte per character: a file this large has too many characters.
    if (file.size > MAX_IMPORT_CHARS) {
      setState({ kind: 'rejected', file: file.name, problems: [`The file is too large (${(file.size / 1e6).toFixed(1)} MB; at most ${MAX_IMPORT_CHARS / 1e6} MB).`] });
      return;
    }
    setState({ kind: 'busy', what: `Checking ${file.name}…` });
    const result = await checkImport(db, await file.text());
    setState(result.ok ? { kind: 'checked', file: file.name, checked: result.checked } : { kind: 'rejected', file: file.name, problems: result.problems });
  }

  async function apply(checked: CheckedImport) {
    setState({ kind: 'busy', what: 'Replacing the reference data…' });
    const result = await applyImport(db, checked).catch((error: unknown) => ({ ok: false as const, problems: [storeErrorMessage(error)] }));
    if (!result.ok) {
      setState({ kind: 'rejected', file: '', problems: result.problems });
      return;
    }
    await onChanged();
    setState({ kind: 'done', message: `Imported: ${checked.dataset.offices.length} offices, ${checked.dataset.people.length} people, ${checked.dataset.terms.length} terms, facts as of ${checked.dataset.asOf}.` });
  }

  const busy = state.kind === 'busy';
  return (
    <div data-testid="reference-transfer">
      <h3>Export and import</h3>
      <p>
        <button type="button" onClick={exportFile} disabled={busy}>
          Export reference data (JSON)
        </button>{' '}
        <label>
          Import a file: <input type="file" data-testid="import-reference" accept=".json,application/json" disabled={busy} onChange={(e) => chooseFile(e.currentTarget)} />
        </label>
      </p>
      {state.kind === 'busy' && <p aria-live="polite">{state.what}</p>}
      {state.kind === 'done' && <p aria-live="polite">{state.message}</p>}
      {state.kind === 'rejected' && (
        <div role="alert" data-testid="import-problems">
          <p>
            {state.file ? `${state.file} was not imported` : 'Nothing was imported'}; the reference data is unchanged. Problems:
          </p>
          <ul>
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'checked' && (
        <div data-testid="import-summary">
          <p>
            {state.file} is sound: {state.checked.dataset.offices.length} offices, {state.checked.dataset.people.length} people,{' '}
            {state.checked.dataset.terms.length} terms, facts as of {state.checked.dataset.asOf}. Compared with the data in use it adds{' '}
            {state.checked.diff.added}, changes {state.checked.diff.changed} and removes {state.checked.diff.removed} terms. Your flags are not affected.
          </p>
          <button type="button" onClick={() => apply(state.checked)}>
            Replace the reference data
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
