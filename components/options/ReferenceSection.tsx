import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../lib/messaging/client';
import type { ReferenceInfo } from '../../lib/messaging/protocol';

/** Options: the reference data in use. */
export function ReferenceSection() {
  const [info, setInfo] = useState<ReferenceInfo | null>(null);
  useEffect(() => {
    callBackground((m) => browser.runtime.sendMessage(m), 'referenceInfo', {}).then(setInfo, () => setInfo(null));
  }, []);
  return (
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
  );
}
