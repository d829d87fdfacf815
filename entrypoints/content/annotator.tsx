import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BadgeButton } from '../../components/Badge';
import { ClaimCard } from '../../components/ClaimCard';
import { BADGE_CSS, CARD_CSS } from '../../components/styles';
import { callBackground, type SendMessage } from '../../lib/messaging/client';
import type { Flag, FlagReason, TabCalls, TextQuote } from '../../lib/messaging/protocol';
import type { DomSegment, PageDate } from '../../lib/page/types';
import type { CheckedClaim, Verdict } from '../../lib/verify/types';

export const BADGE_TAG = 'factcheck-badge';
export const CARD_TAG = 'factcheck-card';
const QUOTE_CONTEXT = 32;

interface DrawnBadge {
  claim: CheckedClaim;
  host: HTMLElement;
  root: ShadowRoot;
  /** The claim's text, underlined through the CSS Custom Highlight API (null where unsupported). */
  range: Range | null;
  view: BadgeButton;
}

/** Our DOM changes happen inside this, so the page watcher can tell them from the page's own. */
export type Quietly = (change: () => void) => void;

function sheet(css: string): CSSStyleSheet | null {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  } catch {
    return null;
  }
}

function styleRoot(root: ShadowRoot, css: string, shared: CSSStyleSheet | null): void {
  if (shared) root.adoptedStyleSheets = [shared];
  else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/**
 * The underline lives in the page's highlight registry and one adopted style sheet:
 * the page's DOM and text nodes are not touched. Unknown claims stay quiet.
 */
const HIGHLIGHT_CSS = `
::highlight(factcheck-consistent) { text-decoration: underline dotted rgb(11 93 30 / .55); text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(factcheck-mismatch) { text-decoration: underline wavy rgb(180 35 24 / .7); text-decoration-thickness: 1px; text-underline-offset: 3px; }
`;
const UNDERLINED: Verdict[] = ['consistent', 'mismatch'];

class ClaimUnderlines {
  private readonly highlights = new Map<Verdict, Highlight>();
  private installed = false;

  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  add(verdict: Verdict, range: Range): void {
    if (!UNDERLINED.includes(verdict)) return;
    this.install();
    let highlight = this.highlights.get(verdict);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(verdict, highlight);
      CSS.highlights.set(`factcheck-${verdict}`, highlight);
    }
    highlight.add(range);
  }

  delete(range: Range): void {
    for (const h of this.highlights.values()) h.delete(range);
  }

  clear(): void {
    for (const verdict of this.highlights.keys()) CSS.highlights.delete(`factcheck-${verdict}`);
    this.highlights.clear();
  }

  private install(): void {
    if (this.installed) return;
    this.installed = true;
    const css = sheet(HIGHLIGHT_CSS);
    if (css) document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
  }
}

/** Draws badges and the detail card for checked claims; keeps what it drew for the popup. */
export class Annotator {
  private badges = new Map<string, DrawnBadge>();
  private flags = new Map<string, Flag>();
  /** Flags imported from other annotation tools carry no claim id of ours: found again by their quote. */
  private flagsByQuote = new Map<string, Flag>();
  pageDate: PageDate | null = null;
  article = false;
  private cardHost: HTMLElement | null = null;
  private openBadge: DrawnBadge | null = null;
  private readonly badgeSheet = sheet(BADGE_CSS);
  /** Made when the first card opens: most pages never show one. */
  private cardSheet: CSSStyleSheet | null | undefined;
  private readonly underlines = ClaimUnderlines.supported() ? new ClaimUnderlines() : null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly send: SendMessage,
    private readonly quietly: Quietly = (change) => change(),
  ) {}

  setFlags(flags: Flag[]): void {
    const same = flags.length === this.flags.size && flags.every((f) => this.flags.get(f.claimId)?.id === f.id);
    this.flags = new Map(flags.map((f) => [f.claimId, f]));
    this.flagsByQuote = new Map(flags.map((f) => [f.quote.exact, f]));
    // Every batch of a big page brings the flags again: redraw only when they changed.
    if (!same) for (const badge of this.badges.values()) this.renderBadge(badge);
  }

  private flagOf(claim: CheckedClaim): Flag | null {
    return this.flags.get(claim.id) ?? this.flagsByQuote.get(claim.text) ?? null;
  }

  /**
   * One badge right after the claim's text. Claims of one segment must be drawn
   * last first: inserting a badge splits a text node, and only the text after the split moves.
   */
  draw(claim: CheckedClaim, segment: DomSegment): void {
    if (this.badges.has(claim.id)) return;
    if (segment.text.slice(claim.start, claim.end) !== claim.text) return;
    const end = locate(segment, claim.end, true);
    if (!end || !end.node.isConnected) return;
    const start = locate(segment, claim.start, false);
    const host = document.createElement(BADGE_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      return; // the page defined our element name with its own shadow root
    }
    styleRoot(root, BADGE_CSS, this.badgeSheet);
    let range: Range | null = null;
    if (this.underlines && start) {
      // A live range: inserting the next badge to its left splits the same text node, and only a
      // live range follows its text into the new node (a StaticRange would point past the old one's end).
      range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      this.underlines.add(claim.verdict, range);
    }
    const view = new BadgeButton(document, () => this.toggleCard(badge));
    const badge: DrawnBadge = { claim, host, root, range, view };
    this.renderBadge(badge);
    root.append(view.button);
    this.quietly(() => {
      const split = document.createRange();
      split.setStart(end.node, end.offset);
      split.collapse(true);
      split.insertNode(host);
    });
    this.badges.set(claim.id, badge);
  }

  /** Forgets badges whose text the page removed, and the badges of a segment whose text changed. */
  prune(staleSegments: ReadonlySet<number> = new Set()): void {
    for (const [id, badge] of this.badges) {
      if (badge.host.isConnected && !staleSegments.has(badge.claim.segment)) continue;
      this.remove(id, badge);
    }
  }

  private remove(id: string, badge: DrawnBadge): void {
    if (this.openBadge === badge) this.closeCard(false);
    this.quietly(() => badge.host.remove());
    if (badge.range) this.underlines?.delete(badge.range);
    this.badges.delete(id);
  }

  private renderBadge(badge: DrawnBadge): void {
    const { claim } = badge;
    badge.view.render({
      verdict: claim.verdict,
      claimText: claim.text,
      person: claim.person?.name ?? '',
      date: claim.date?.date ?? '',
      dateSource: claim.date?.source ?? '',
      pageDate: this.pageDate?.date ?? '',
      flagged: this.flagOf(claim) !== null,
      expanded: this.openBadge === badge,
    });
  }

  private toggleCard(badge: DrawnBadge): void {
    if (this.openBadge === badge) this.closeCard();
    else this.openCard(badge);
  }

  openCard(badge: DrawnBadge): void {
    this.closeCard(false);
    let host = document.createElement(CARD_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      // The page defined our element name with a shadow root of its own: a plain div it cannot take over.
      host = document.createElement('div');
      host.setAttribute('data-factcheck-card', '');
      root = host.attachShadow({ mode: 'open' });
    }
    if (this.cardSheet === undefined) this.cardSheet = sheet(CARD_CSS);
    styleRoot(root, CARD_CSS, this.cardSheet);
    // In <body> where there is one: a card outside it is invalid HTML and hides it from accessibility checks.
    this.quietly(() => (document.body ?? document.documentElement).append(host));
    const rect = badge.host.getBoundingClientRect();
    host.style.setProperty('left', `${Math.max(8, Math.min(rect.left + scrollX, scrollX + innerWidth - 400))}px`, 'important');
    host.style.setProperty('top', `${rect.bottom + scrollY + 6}px`, 'important');
    this.cardHost = host;
    this.openBadge = badge;
    this.renderCard(root, badge);
    this.renderBadge(badge);
    this.ctx.addEventListener(document, 'keydown', this.onKey, { capture: true });
    this.ctx.addEventListener(document, 'pointerdown', this.onOutside, { capture: true });
  }

  private renderCard(root: ShadowRoot, badge: DrawnBadge): void {
    const claim = badge.claim;
    render(
      <ClaimCard
        claim={claim}
        flag={this.flagOf(claim)}
        onClose={() => this.closeCard()}
        onFlag={async (reason: FlagReason, note: string) => {
          const flag = await callBackground(this.send, 'flagClaim', {
            url: location.href,
            claimId: claim.id,
            claimText: claim.text,
            verdictShown: claim.verdict,
            reason,
            note,
            quote: this.quoteOf(badge),
          });
          this.flags.set(claim.id, flag);
          this.flagsByQuote.set(flag.quote.exact, flag);
          this.renderCard(root, badge);
          this.renderBadge(badge);
        }}
        onUndo={async () => {
          const flag = this.flagOf(claim);
          await callBackground(this.send, 'unflagClaim', { url: location.href, claimId: flag?.claimId ?? claim.id });
          this.flags.delete(flag?.claimId ?? claim.id);
          if (flag) this.flagsByQuote.delete(flag.quote.exact);
          this.renderCard(root, badge);
          this.renderBadge(badge);
        }}
      />,
      root,
    );
  }

  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.cardHost) {
      event.stopPropagation();
      this.closeCard();
    }
  };

  private readonly onOutside = (event: Event) => {
    const path = event.composedPath();
    if (this.cardHost && !path.includes(this.cardHost) && !(this.openBadge && path.includes(this.openBadge.host))) this.closeCard();
  };

  closeCard(returnFocus = true): void {
    const badge = this.openBadge;
    const host = this.cardHost;
    if (host) {
      render(null, host.shadowRoot!);
      this.quietly(() => host.remove());
    }
    this.cardHost = null;
    this.openBadge = null;
    document.removeEventListener('keydown', this.onKey, { capture: true });
    document.removeEventListener('pointerdown', this.onOutside, { capture: true });
    if (badge) {
      this.renderBadge(badge);
      if (returnFocus) badge.view.button.focus();
    }
  }

  private quoteOf(badge: DrawnBadge): TextQuote {
    const text = badge.host.parentElement?.textContent ?? '';
    const at = text.indexOf(badge.claim.text);
    return {
      exact: badge.claim.text,
      prefix: at > 0 ? text.slice(Math.max(0, at - QUOTE_CONTEXT), at) : '',
      suffix: at >= 0 ? text.slice(at + badge.claim.text.length, at + badge.claim.text.length + QUOTE_CONTEXT) : '',
    };
  }

  get size(): number {
    return this.badges.size;
  }

  /** Removes everything we drew; the page's text nodes stay as they are (split where badges stood). */
  clear(): void {
    this.closeCard(false);
    for (const [id, badge] of this.badges) this.remove(id, badge);
    this.underlines?.clear();
  }

  /** For the popup, in reading order. */
  listClaims(): TabCalls['listClaims']['response'] {
    const claims = [...this.badges.values()]
      .map((b) => b.claim)
      .sort((a, b) => a.segment - b.segment || a.start - b.start)
      .map((c) => ({ id: c.id, text: c.text, verdict: c.verdict, explanation: c.explanation, flagged: this.flagOf(c) !== null }));
    return { url: location.href, pageDate: this.pageDate, article: this.article, claims };
  }

  reveal(claimId: string): boolean {
    const badge = this.badges.get(claimId);
    if (!badge) return false;
    badge.host.scrollIntoView({ block: 'center' });
    this.openCard(badge);
    return true;
  }
}

/**
 * The text node and offset where a character offset of the segment falls: for the
 * claim's end, the node the offset closes (so the badge sits right after the text);
 * for its start, the node it opens.
 */
function locate(segment: DomSegment, offset: number, atEnd: boolean): { node: Text; offset: number } | null {
  for (let i = segment.nodes.length - 1; i >= 0; i--) {
    const { node, start } = segment.nodes[i]!;
    const inside = atEnd ? start < offset && offset <= start + node.data.length : start <= offset && offset < start + node.data.length;
    if (inside) return { node, offset: offset - start };
  }
  return null;
}
