import type { Verdict } from '../lib/verify/types';

/** Each verdict has its own symbol and shape as well as colour, so it reads without colour vision. */
export const VERDICT_SYMBOL: Record<Verdict, string> = { consistent: '✓', mismatch: '✗', unknown: '?' };
const WORDS: Record<Verdict, string> = {
  consistent: 'consistent with the reference data',
  mismatch: 'does not match the reference data',
  unknown: 'could not be checked',
};

/** The button's attributes, in the order `render` computes their values. */
const ATTRIBUTES = ['data-verdict', 'data-claim', 'data-person', 'data-date', 'data-date-source', 'data-page-date', 'data-flagged', 'aria-expanded', 'aria-label', 'title'];

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
 * extra code (its clicks are handled by one listener for all badges: see Annotator);
 * its data attributes are the test contract (see README).
 *
 * Plain DOM calls rather than a Preact component: a page draws hundreds of these with
 * code that runs cold on every page load, and a diffing renderer costs more than the badge.
 */
export class BadgeButton {
  readonly button: HTMLButtonElement;
  /** The verdict's symbol, as text: the button's name is its aria-label, so the symbol is never read out. */
  private readonly symbol: Text;
  private flag: HTMLSpanElement | null = null;
  /** Attribute values as last set, so a re-render touches only what changed without reading the DOM. */
  private shown: string[] = [];

  constructor(doc: Document) {
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.symbol = doc.createTextNode('');
    this.button.append(this.symbol);
  }

  render(props: BadgeProps): void {
    const { verdict, claimText, flagged } = props;
    const label = `Fact-check: “${claimText}” ${WORDS[verdict]}${flagged ? ', flagged as disputed by you' : ''}.`;
    const values = [
      verdict,
      claimText,
      props.person,
      props.date,
      props.dateSource,
      props.pageDate,
      flagged ? 'true' : 'false',
      props.expanded ? 'true' : 'false',
      `${label} Show details.`,
      label,
    ];
    for (let i = 0; i < values.length; i++) {
      if (this.shown[i] !== values[i]) this.button.setAttribute(ATTRIBUTES[i]!, values[i]!);
    }
    if (this.shown[0] !== verdict) this.symbol.data = VERDICT_SYMBOL[verdict];
    this.shown = values;
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
