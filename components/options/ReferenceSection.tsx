import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../lib/messaging/client';
import type { ReferenceInfo } from '../../lib/messaging/protocol';
import { FactCheckDB, type MetaRow } from '../../lib/store/db';
import { openStore, storeErrorMessage } from '../../lib/store/reference-io';
import { OfficeCoverage } from './OfficeCoverage';
import { ReferenceTransfer } from './ReferenceTransfer';
import { WikidataRefresh } from './WikidataRefresh';
import { useLive } from './use-live';

let sharedDb: FactCheckDB | null = null;
/** The page's database connection when the options page does not hand one in. */
function defaultDb(): FactCheckDB {
  return (sharedDb ??= new FactCheckDB());
}

const SOURCE: Record<MetaRow['source'], string> = {
  shipped: 'shipped with the extension',
  import: 'imported from a file',
  wikidata: 'refreshed from Wikidata',
};

/** Options: the reference data in use, its export and import, and the Wikidata refresh. */
export function ReferenceSection({ db = defaultDb() }: { db?: FactCheckDB }) {
  const [info, setInfo] = useState<ReferenceInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const meta = useLive<MetaRow | undefined>(() => db.referenceMeta(), undefined, [db]);

  useEffect(() => {
    openStore(db, setBlocked).then(
      () => setBlocked(null),
      (error: unknown) => setProblem(storeErrorMessage(error)),
    );
    callBackground((m) => browser.runtime.sendMessage(m), 'referenceInfo', {}).then(setInfo, (error: unknown) =>
      setProblem(`The reference data could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [db]);

  /** After the store's reference rows were replaced: the background drops its cached index and reports the new data. */
  async function changed(): Promise<void> {
    try {
      setInfo(await callBackground((m) => browser.runtime.sendMessage(m), 'referenceChanged', {}));
    } catch (error) {
      setProblem(`The new data is saved, but the extension did not confirm using it (${error instanceof Error ? error.message : String(error)}). Reload the extension.`);
    }
  }

  return (
    <section data-testid="reference-info">
      <h2>Reference data</h2>
      {blocked && <p role="alert">{blocked}</p>}
      {problem && <p role="alert">{problem}</p>}
      {info ? (
        <p>
          Version {info.version}, facts as of <strong>{info.asOf}</strong>: {info.offices} offices, {info.people} people, {info.terms} terms of office.
          {meta && (
            <>
              {' '}
              Source: {SOURCE[meta.source]}
              {meta.source === 'shipped' ? '' : ` on ${meta.loadedAt.slice(0, 10)}`}.
            </>
          )}
        </p>
      ) : (
        !problem && <p>Loading…</p>
      )}
      <OfficeCoverage db={db} version={info?.version ?? ''} />
      <ReferenceTransfer db={db} onChanged={changed} />
      <WikidataRefresh db={db} onChanged={changed} />
    </section>
  );
}
