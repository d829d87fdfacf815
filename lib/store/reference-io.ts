/**
 * Reading and writing the reference data as a whole: export, import, and the wording
 * of store failures for the reader. Every write is one Dexie transaction, so a failure
 * leaves the previous rows (and always the reader's flags) exactly as they were.
 */
import Dexie from 'dexie';
import { contentFingerprint, exportJson, parseExport } from '../reference/exchange';
import type { ReferenceDataset } from '../reference/types';
import { diffTerms, type TermDiff } from '../reference/wikidata/diff';
import { StoreChangedError, type FactCheckDB } from './db';

export type ImportOutcome = { ok: true; dataset: ReferenceDataset } | { ok: false; problems: string[] };

/** A file that passed every check, not yet written; `baseVersion` is the data it would replace. */
export interface CheckedImport {
  dataset: ReferenceDataset;
  baseVersion: string | null;
  diff: TermDiff;
}

/** The stored reference data in the exchange format, as file text. */
export async function exportReference(db: FactCheckDB): Promise<string> {
  const data = await db.readDataset();
  if (!data) throw new Error('There is no reference data to export yet.');
  return exportJson(data);
}

/**
 * Checks a whole export file without writing anything. Jurisdictions and each known
 * office's single-holder and vacancy rules come from the data in the store (the
 * exchange format does not carry them).
 */
export async function checkImport(db: FactCheckDB, text: string): Promise<{ ok: true; checked: CheckedImport } | { ok: false; problems: string[] }> {
  let current: ReferenceDataset | null;
  try {
    current = await db.readDataset();
  } catch (error) {
    return { ok: false, problems: [storeErrorMessage(error)] };
  }
  const parsed = parseExport(text, current?.jurisdictions ?? [], '', current?.offices ?? []);
  if (!parsed.ok) return parsed;
  const dataset: ReferenceDataset = { ...parsed.dataset, version: `import-${contentFingerprint(parsed.dataset)}` };
  return { ok: true, checked: { dataset, baseVersion: current?.version ?? null, diff: diffTerms(current?.terms ?? [], dataset.terms) } };
}

/** Writes a checked import in one transaction, unless the store changed since the check. */
export async function applyImport(db: FactCheckDB, checked: CheckedImport): Promise<ImportOutcome> {
  try {
    await db.replaceReference(checked.dataset, 'import', checked.baseVersion === null ? {} : { expectVersion: checked.baseVersion });
  } catch (error) {
    return { ok: false, problems: [storeErrorMessage(error)] };
  }
  return { ok: true, dataset: checked.dataset };
}

/** Checks a whole export file and, only if it is sound, replaces the reference rows with it. */
export async function importReference(db: FactCheckDB, text: string): Promise<ImportOutcome> {
  const result = await checkImport(db, text);
  return result.ok ? applyImport(db, result.checked) : result;
}

function errorName(error: unknown): string {
  if (!(error instanceof Error)) return '';
  // Dexie wraps the browser's DOMException; the cause's name is the one that tells.
  const inner = (error as Error & { inner?: unknown }).inner;
  if (error.name === 'AbortError' && inner instanceof Error) return inner.name;
  // A bulk write reports each failed row; the first failure's kind is the kind of the whole.
  const failures = (error as Error & { failures?: unknown[] }).failures;
  if (error.name === 'BulkError' && failures?.[0] instanceof Error) return failures[0].name;
  return error.name;
}

/** What to tell the reader when the store could not be read or written. Always says that nothing changed. */
export function storeErrorMessage(error: unknown): string {
  if (error instanceof StoreChangedError) return error.message;
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case Dexie.errnames.QuotaExceeded:
      return 'The browser has no room left for the extension’s data (storage quota exceeded). Nothing was changed: the reference data and your flags are as they were. Free some disk space, then try again.';
    case Dexie.errnames.DatabaseClosed:
    case Dexie.errnames.VersionChange:
    case Dexie.errnames.Version:
      return 'The extension’s database was closed because another tab opened a newer version of it. Reload this page; nothing was changed.';
    case Dexie.errnames.Abort:
      return 'The browser cancelled the change; nothing was written.';
    default:
      return `The reference data could not be saved (${message}). Nothing was changed.`;
  }
}

export const BLOCKED_MESSAGE =
  'The extension’s database is held open by another tab with an older version of the extension. Close or reload that tab; this page continues when it is released.';

/**
 * Opens the database, telling the reader (instead of waiting silently) when another
 * tab's connection blocks the upgrade. Resolves when the database is open.
 */
export async function openStore(db: FactCheckDB, onBlocked: (message: string) => void): Promise<void> {
  const listener = () => onBlocked(BLOCKED_MESSAGE);
  db.on('blocked', listener);
  try {
    await db.open();
  } finally {
    db.on('blocked').unsubscribe(listener);
  }
}
