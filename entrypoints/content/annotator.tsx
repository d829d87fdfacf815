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
  range: StaticRange | null;
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

/** One constructed sheet per style text, shared by every shadow root and made when first needed (most pages have no badge, fewer a card). */
const sharedSheets = new Map<string, CSSStyleSheet | null>();

function styleRoot(root: ShadowRoot, css: string): void {
  let shared = sharedSheets.get(css);
  if (shared === undefined) {
    shared = sheet(css);
    sharedSheets.set(css, shared);
  }
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

  /** Adds many underlines as one new Highlight per verdict (see Annotator.flushUnderlines). */
  addAll(items: ReadonlyArray<{ verdict: Verdict; range: AbstractRange }>): void {
    const added = new Map<Verdict, AbstractRange[]>();
    for (const { verdict, range } of items) {
      if (!UNDERLINED.includes(verdict)) continue;
      const list = added.get(verdict);
      if (list) list.push(range);
      else added.set(verdict, [range]);
    }
    if (added.size === 0) return;
    this.install();
    for (const [verdict, ranges] of added) {
      const old = this.highlights.get(verdict);
      const highlight = new Highlight(...(old ? old.keys() : []), ...ranges);
      this.highlights.set(verdict, highlight);
      CSS.highlights.set(`factcheck-${verdict}`, highlight);
    }
  }

  delete(range: AbstractRange): void {
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
  private readonly underlines = ClaimUnderlines.supported() ? new ClaimUnderlines() : null;
  /** Badges drawn since the last flushUnderlines(). */
  private notUnderlined: DrawnBadge[] = [];
  /** Badges by their host element: one click listener serves them all. */
  private readonly byHost = new WeakMap<Element, DrawnBadge>();
  private listening = false;

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
   * Badges right after each claim's text, in reading order. A badge splits the text node
   * it follows; `splits` remembers where, so the next claim's offsets (always further
   * on) are found in the node that now holds the rest of the text.
   */
  drawSegment(segment: DomSegment, claims: readonly CheckedClaim[]): void {
    const splits = new Map<Text, { at: number; tail: Text }>();
    const resolve = (place: { node: Text; offset: number } | null, atEnd: boolean) => {
      while (place) {
        const split = splits.get(place.node);
        // A claim's end may sit exactly at a split (the node's new end); its start then belongs to the tail.
        if (!split || (atEnd ? place.offset <= split.at : place.offset < split.at)) break;
        place = { node: split.tail, offset: place.offset - split.at };
      }
      return place;
    };
    for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
      if (this.badges.has(claim.id) || segment.text.slice(claim.start, claim.end) !== claim.text) continue;
      const end = resolve(locate(segment, claim.end, true), true);
      // The page may have changed the text since it was read: draw only where the claim still ends.
      if (!end || !end.node.isConnected || !claim.text.endsWith(end.node.data.slice(Math.max(0, end.offset - claim.text.length), end.offset))) continue;
      const start = resolve(locate(segment, claim.start, false), false);
      const tail = this.drawAfter(claim, start, end);
      if (tail) splits.set(end.node, { at: end.offset, tail });
    }
  }

  /** One badge at `end`; returns the text node split off after it, if the badge split one. */
  private drawAfter(claim: CheckedClaim, start: { node: Text; offset: number } | null, end: { node: Text; offset: number }): Text | null {
    const host = document.createElement(BADGE_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      return null; // the page defined our element name with its own shadow root
    }
    styleRoot(root, BADGE_CSS);
    // A static range: drawing in reading order never splits the text before this claim again, and
    // live ranges (which follow text into split nodes) are updated by the browser on every DOM change.
    const range = this.underlines && start ? new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset }) : null;
    const view = new BadgeButton(document);
    const badge: DrawnBadge = { claim, host, root, range, view };
    this.byHost.set(host, badge);
    if (!this.listening) {
      this.listening = true;
      this.ctx.addEventListener(document, 'click', this.onClick, { capture: true });
    }
    this.renderBadge(badge);
    root.append(view.button);
    let tail: Text | null = null;
    this.quietly(() => {
      // Through the text node, which no page markup can shadow (a <form>'s named fields can shadow its methods).
      if (end.offset < end.node.data.length) {
        tail = end.node.splitText(end.offset);
        tail.before(host);
      } else {
        end.node.after(host);
      }
    });
    this.badges.set(claim.id, badge);
    this.notUnderlined.push(badge);
    return tail;
  }

  /**
   * Underlines the claims drawn since the last call, all at once. Chromium does work for
   * every range of a changed highlight on each frame: adding ranges while badges were still
   * being drawn made a 1 MB page's drawing take ~40% longer (measured), so the page check
   * calls this once a look at the page is done.
   */
  flushUnderlines(): void {
    const drawn = this.notUnderlined.filter((badge) => this.badges.get(badge.claim.id) === badge);
    this.notUnderlined = [];
    this.underlines?.addAll(drawn.flatMap(({ claim, range }) => (range ? [{ verdict: claim.verdict, range }] : [])));
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
    styleRoot(root, CARD_CSS);
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

  /** A click in a badge (Enter and Space on its button click too); at the document its target is the badge's host. */
  private readonly onClick = (event: Event) => {
    const badge = this.byHost.get(event.target as Element);
    if (badge && this.badges.get(badge.claim.id) === badge) this.toggleCard(badge);
  };

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
    if (this.badges.size === 0 && !this.cardHost) return; // a page's first look: nothing to take away
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
 * The text node and offset where a character offset of the segment falls, as the segment
 * was read: for the claim's end, the node the offset closes (so the badge sits right after
 * the text); for its start, the node it opens. Node lengths come from the segment, not the
 * DOM: a badge drawn earlier may have split the node since (`drawSegment` follows the split).
 */
function locate(segment: DomSegment, offset: number, atEnd: boolean): { node: Text; offset: number } | null {
  for (let i = segment.nodes.length - 1; i >= 0; i--) {
    const { node, start } = segment.nodes[i]!;
    const end = segment.nodes[i + 1]?.start ?? segment.text.length;
    const inside = atEnd ? start < offset && offset <= end : start <= offset && offset < end;
    if (inside) return { node, offset: offset - start };
  }
  return null;
}
