import type { Verdict } from '../lib/verify/types';

/** Each verdict has its own symbol and shape as well as colour, so it reads without colour vision. */
export const VERDICT_SYMBOL: Record<Verdict, string> = { consistent: '✓', mismatch: '✗', unknown: '?' };
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

/**
 * The small mark after a claim. A real button, so Enter and Space open the card with no
 * extra code; its data attributes are the test contract (see README).
 */
export function Badge({ verdict, claimText, person, date, dateSource, pageDate, flagged, expanded, onOpen }: BadgeProps) {
  const label = `Fact-check: “${claimText}” ${WORDS[verdict]}${flagged ? ', flagged as disputed by you' : ''}.`;
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
      aria-label={`${label} Show details.`}
      title={label}
      onClick={(e) => onOpen(e.currentTarget)}
    >
      <span class="symbol" aria-hidden="true">
        {VERDICT_SYMBOL[verdict]}
      </span>
      {flagged && (
        <span class="flag" aria-hidden="true">
          ⚑
        </span>
      )}
    </button>
  );
}
