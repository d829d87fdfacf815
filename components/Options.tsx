import { useMemo } from 'preact/hooks';
import { FactCheckDB } from '../lib/store/db';
import { FlagsSection } from './options/FlagsSection';
import { ReferenceSection } from './options/ReferenceSection';

/** The options page: the reference data in use and the reader's flags. Each section owns its file. */
export function Options() {
  const db = useMemo(() => new FactCheckDB(), []);
  return (
    <main style={{ font: '15px/1.5 system-ui, sans-serif', maxWidth: '60rem', margin: '0 auto', padding: '16px' }}>
      <h1>Officeholder Fact-Check</h1>
      <ReferenceSection db={db} />
      <FlagsSection db={db} />
    </main>
  );
}
