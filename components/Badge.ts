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
}

/**
 * The small mark after a claim. A real button, so Enter and Space open the card with no
 * extra code; its data attributes are the test contract (see README).
 *
 * Plain DOM calls rather than a Preact component: a page draws hundreds of these with
 * code that runs cold on every page load, and a diffing renderer costs more than the badge.
 */
export class BadgeButton {
  readonly button: HTMLButtonElement;
  private readonly symbol: HTMLSpanElement;
  private flag: HTMLSpanElement | null = null;

  constructor(doc: Document, onOpen: (button: HTMLButtonElement) => void) {
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.symbol = doc.createElement('span');
    this.symbol.className = 'symbol';
    this.symbol.setAttribute('aria-hidden', 'true');
    this.button.append(this.symbol);
    this.button.addEventListener('click', () => onOpen(this.button));
  }

  render(props: BadgeProps): void {
    const { verdict, claimText, flagged } = props;
    const label = `Fact-check: “${claimText}” ${WORDS[verdict]}${flagged ? ', flagged as disputed by you' : ''}.`;
    const attributes: Array<[string, string]> = [
      ['data-verdict', verdict],
      ['data-claim', claimText],
      ['data-person', props.person],
      ['data-date', props.date],
      ['data-date-source', props.dateSource],
      ['data-page-date', props.pageDate],
      ['data-flagged', flagged ? 'true' : 'false'],
      ['aria-expanded', props.expanded ? 'true' : 'false'],
      ['aria-label', `${label} Show details.`],
      ['title', label],
    ];
    for (const [name, value] of attributes) {
      if (this.button.getAttribute(name) !== value) this.button.setAttribute(name, value);
    }
    this.symbol.textContent = VERDICT_SYMBOL[verdict];
    if (flagged && !this.flag) {
      this.flag = this.button.ownerDocument.createElement('span');
      this.flag.className = 'flag';
      this.flag.setAttribute('aria-hidden', 'true');
      this.flag.textContent = '⚑';
      this.button.append(this.flag);
    } else if (!flagged && this.flag) {
      this.flag.remove();
      this.flag = null;
    }
  }
}
