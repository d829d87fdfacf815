import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { REASON_LABELS } from '../lib/flags/export';
import { FLAG_REASONS, type Flag, type FlagReason } from '../lib/messaging/protocol';
import type { CheckedClaim, ClaimDate, TermFact, Verdict } from '../lib/verify/types';
import { VERDICT_SYMBOL } from './Badge';

const VERDICT_WORDS: Record<Verdict, string> = { consistent: 'Consistent', mismatch: 'Mismatch', unknown: 'Unknown' };
const QUALIFIER_WORDS = { former: 'former', then: 'then-', acting: 'acting', elect: '-elect' } as const;

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

function wikidataUrl(qid: string | undefined): string | null {
  return qid && /^Q\d+$/.test(qid) ? `https://www.wikidata.org/wiki/${qid}` : null;
}

/** A name linked to its Wikidata item, the source of every fact the card shows. */
function Sourced({ label, qid }: { label: string; qid: string | undefined }) {
  const href = wikidataUrl(qid);
  if (!href) return <>{label}</>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" title={`${label} on Wikidata (${qid})`}>
      {label}
    </a>
  );
}

const termSpan = (t: TermFact) => `${t.start} – ${t.end ?? 'in office'}${t.acting ? ' (acting)' : ''}`;

/**
 * The office's holders around the date together with the named person's own terms, in
 * order, with the date that was checked marked where it falls.
 */
export function timelineRows(claim: Pick<CheckedClaim, 'timeline' | 'personTerms' | 'date'>): Array<{ term: TermFact } | { date: string }> {
  const seen = new Set<string>();
  const terms = [...claim.timeline, ...claim.personTerms]
    .filter((t) => {
      const key = `${t.personId} ${t.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start.localeCompare(b.start));
  const rows: Array<{ term: TermFact } | { date: string }> = terms.map((term) => ({ term }));
  const date = claim.date?.date;
  if (date && terms.length > 0) {
    const after = terms.findIndex((t) => t.start > date);
    rows.splice(after === -1 ? rows.length : after, 0, { date });
  }
  return rows;
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
  const undo = useRef<HTMLButtonElement>(null);
  const reasonSelect = useRef<HTMLSelectElement>(null);
  const flagged = flag !== null;
  const lastFlagged = useRef(flagged);
  // Layout effects: focus must move in the same task as the render, before the reader (or a test) acts again.
  useLayoutEffect(() => heading.current?.focus(), []);
  // The button that was pressed disappears when the flag changes: keep focus inside the card, on
  // the control that takes the step back (once it is enabled again: a disabled button takes no focus).
  useLayoutEffect(() => {
    if (busy || lastFlagged.current === flagged) return;
    lastFlagged.current = flagged;
    (flagged ? undo.current : reasonSelect.current)?.focus();
  }, [flagged, busy]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(`That did not work: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const rows = timelineRows(claim);
  const namedId = claim.person?.id;
  return (
    <div
      class={`card verdict-${claim.verdict}${flagged ? ' flagged' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby="fc-title"
      aria-describedby="fc-explanation"
      data-testid="claim-detail"
      data-verdict={claim.verdict}
      data-flagged={flagged ? 'true' : 'false'}
    >
      <div class="head">
        <h2 id="fc-title" tabIndex={-1} ref={heading}>
          <span class="verdict-word" data-testid="claim-verdict">
            <span aria-hidden="true">{VERDICT_SYMBOL[claim.verdict]} </span>
            {VERDICT_WORDS[claim.verdict]}
          </span>
          <span class="visually-hidden">: fact-check of </span>
          <q class="claim" data-testid="claim-text">
            {claim.text}
          </q>
        </h2>
        <button type="button" class="close" aria-label="Close the fact-check" data-testid="claim-close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p id="fc-explanation" class="explanation" data-testid="claim-explanation">
        {claim.explanation}
      </p>
      {claim.verdict === 'mismatch' && claim.holders.length > 0 && (
        <p class="holders" data-testid="claim-holder">
          Held the office then:{' '}
          {claim.holders.map((h, i) => (
            <span key={`${h.personId}${h.start}`}>
              {i > 0 ? ', ' : ''}
              <strong>
                <Sourced label={h.personName} qid={h.personQid} />
              </strong>{' '}
              ({termSpan(h)})
            </span>
          ))}
        </p>
      )}
      <dl class="facts">
        {claim.person && (
          <div>
            <dt>Person</dt>
            <dd data-testid="claim-person">
              <Sourced label={claim.person.name} qid={claim.person.qid} />
            </dd>
          </div>
        )}
        {claim.office && (
          <div>
            <dt>Office</dt>
            <dd data-testid="claim-office">
              <Sourced label={claim.office.label} qid={claim.office.qid} />
              {claim.qualifier ? ` (read as “${QUALIFIER_WORDS[claim.qualifier]}”)` : ''}
            </dd>
          </div>
        )}
        {claim.office && (
          <div>
            <dt>Jurisdiction</dt>
            <dd data-testid="claim-jurisdiction">{claim.office.jurisdiction}</dd>
          </div>
        )}
        <div>
          <dt>Date checked</dt>
          <dd data-testid="claim-date">{describeDate(claim.date)}</dd>
        </div>
      </dl>
      {rows.length > 0 && (
        <section aria-labelledby="fc-timeline">
          <h3 id="fc-timeline">Holders around that date</h3>
          <ol class="timeline" data-testid="claim-timeline">
            {rows.map((row) =>
              'date' in row ? (
                <li key="date" class="checked-date" data-testid="timeline-date">
                  <span aria-hidden="true">▸ </span>
                  {row.date}: the date checked
                </li>
              ) : (
                <li key={`${row.term.personId}${row.term.start}`} class={row.term.personId === namedId ? 'named' : undefined}>
                  <Sourced label={row.term.personName} qid={row.term.personQid} />
                  {': '}
                  {termSpan(row.term)}
                  {row.term.personId === namedId && <em> (named in the claim)</em>}
                </li>
              ),
            )}
          </ol>
          <p class="muted">Source: Wikidata, in the reference data shipped with the extension (links open Wikidata).</p>
        </section>
      )}
      {flag ? (
        <div class="flag-status" data-testid="flag-status">
          <p>
            <span aria-hidden="true">⚑ </span>
            You flagged this claim as disputed: <strong>{REASON_LABELS[flag.reason]}</strong>
            {flag.note ? ` (“${flag.note}”)` : ''}.
          </p>
          <div class="row">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" ref={undo} data-testid="undo-flag" disabled={busy} onClick={() => run(onUndo)}>
              Undo flag
            </button>
          </div>
        </div>
      ) : (
        <form
          aria-labelledby="fc-flag-title"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onFlag(reason, note.trim()));
          }}
        >
          <h3 id="fc-flag-title">Disagree with this check?</h3>
          <label for="fc-reason">Reason</label>
          <select id="fc-reason" ref={reasonSelect} data-testid="flag-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as FlagReason)}>
            {FLAG_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </select>
          <label for="fc-note">Note (optional)</label>
          <textarea id="fc-note" data-testid="flag-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
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
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
