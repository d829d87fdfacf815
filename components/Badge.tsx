import type { Verdict } from '../lib/verify/types';

const SYMBOL: Record<Verdict, string> = { consistent: '✓', mismatch: '✗', unknown: '?' };
const WORDS: Record<Verdict, string> = {
  consistent: 'consistent with the reference data',
  mismatch: 'does not match the reference data',
  unknown: 'could not be checked',
};

export interface BadgeProps {
  verdict: Verdict;
  claimText: string;
  /** Who and when the claim was read as (data attributes for tools; not part of the visible badge). */
  person: string;
  date: string;
  dateSource: string;
  /** The page's publication date as the extension read it. */
  pageDate: string;
  flagged: boolean;
  expanded: boolean;
  onOpen: (button: HTMLButtonElement) => void;
}

/** The small mark after a claim. Its data attributes are the test contract (see README). */
export function Badge({ verdict, claimText, person, date, dateSource, pageDate, flagged, expanded, onOpen }: BadgeProps) {
  return (
    <button
      type="button"
      data-verdict={verdict}
      data-claim={claimText}
      data-person={person}
      data-date={date}
      data-date-source={dateSource}
      data-page-date={pageDate}
      data-flagged={flagged ? 'true' : 'false'}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-label={`Fact-check: “${claimText}” ${WORDS[verdict]}${flagged ? ', flagged as disputed by you' : ''}. Show details.`}
      title={`Fact-check: ${WORDS[verdict]}`}
      onClick={(e) => onOpen(e.currentTarget)}
    >
      {SYMBOL[verdict]}
      {flagged ? '⚑' : ''}
    </button>
  );
}
