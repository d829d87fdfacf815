import { useEffect, useRef, useState } from 'preact/hooks';
import { FLAG_REASONS, type Flag, type FlagReason } from '../lib/messaging/protocol';
import type { CheckedClaim, ClaimDate, TermFact } from '../lib/verify/types';

const REASON_LABELS: Record<FlagReason, string> = {
  'wrong-person': 'Wrong person',
  'wrong-office': 'Wrong office',
  'wrong-date': 'Wrong date',
  'reference-wrong': 'The reference data is wrong',
  other: 'Other',
};

const VERDICT_WORDS = { consistent: 'Consistent', mismatch: 'Mismatch', unknown: 'Unknown' } as const;

export function describeDate(date: ClaimDate | null): string {
  if (!date) return 'No date could be found for this claim.';
  switch (date.source) {
    case 'sentence':
      return `${date.date}, stated in the sentence (“${date.raw}”)`;
    case 'live-entry':
      return `${date.date}, the live-blog entry's time`;
    case 'url':
      return `published ${date.date}, from the page's address`;
    case 'byline':
      return `published ${date.date}, from the byline`;
    default:
      return `published ${date.date}, from the page's metadata`;
  }
}

function wikidata(qid: string) {
  return qid ? `https://www.wikidata.org/wiki/${qid}` : null;
}

function TermLine({ term, named }: { term: TermFact; named: boolean }) {
  const link = wikidata(term.personQid);
  return (
    <li class={named ? 'named' : undefined}>
      {link ? (
        <a href={link} target="_blank" rel="noreferrer noopener">
          {term.personName}
        </a>
      ) : (
        term.personName
      )}
      {': '}
      {term.start} – {term.end ?? 'in office'}
      {term.acting ? ' (acting)' : ''}
    </li>
  );
}

export interface ClaimCardProps {
  claim: CheckedClaim;
  flag: Flag | null;
  onFlag: (reason: FlagReason, note: string) => Promise<void>;
  onUndo: () => Promise<void>;
  onClose: () => void;
}

/** The detail card: what was checked, the verdict, the evidence, and the reader's dispute flag. */
export function ClaimCard({ claim, flag, onFlag, onUndo, onClose }: ClaimCardProps) {
  const [reason, setReason] = useState<FlagReason>('wrong-person');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const officeLink = claim.office ? wikidata(claim.office.qid) : null;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="fc-title" data-testid="claim-detail" data-verdict={claim.verdict}>
      <h2 id="fc-title" tabIndex={-1} ref={heading}>
        <span class={`verdict-${claim.verdict}`}>{VERDICT_WORDS[claim.verdict]}</span>: “{claim.text}”
      </h2>
      <p data-testid="claim-explanation">{claim.explanation}</p>
      {claim.office && (
        <p class="muted">
          Office:{' '}
          {officeLink ? (
            <a href={officeLink} target="_blank" rel="noreferrer noopener">
              {claim.office.label}
            </a>
          ) : (
            claim.office.label
          )}{' '}
          ({claim.office.jurisdiction}){claim.qualifier ? ` · read as “${claim.qualifier}”` : ''}
        </p>
      )}
      <p class="muted">Date checked: {describeDate(claim.date)}</p>
      {claim.verdict === 'mismatch' && claim.holders.length > 0 && (
        <p data-testid="claim-holder">
          Held the office then: <strong>{claim.holders.map((h) => h.personName).join(', ')}</strong>
        </p>
      )}
      {claim.timeline.length > 0 && (
        <>
          <p class="muted">Holders around that date (source: Wikidata, as shipped with the extension):</p>
          <ol data-testid="claim-timeline">
            {claim.timeline.map((t) => (
              <TermLine key={`${t.personId}${t.start}`} term={t} named={t.personId === claim.person?.id} />
            ))}
          </ol>
        </>
      )}
      {flag ? (
        <div class="row" data-testid="flag-status">
          <p>
            You flagged this claim as disputed: {REASON_LABELS[flag.reason]}
            {flag.note ? ` (“${flag.note}”)` : ''}.
          </p>
          <button type="button" data-testid="undo-flag" disabled={busy} onClick={() => run(onUndo)}>
            Undo
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onFlag(reason, note.trim()));
          }}
        >
          <label>
            Flag as disputed because
            <select data-testid="flag-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as FlagReason)}>
              {FLAG_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Note (optional)
            <textarea data-testid="flag-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" class="primary" data-testid="flag-submit" disabled={busy}>
              Flag as disputed
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" class="verdict-mismatch">
          {error}
        </p>
      )}
    </div>
  );
}
