import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Badge } from '../../components/Badge';
import { ClaimCard } from '../../components/ClaimCard';
import { BADGE_CSS, CARD_CSS } from '../../components/styles';
import { callBackground, type SendMessage } from '../../lib/messaging/client';
import type { Flag, FlagReason, TabCalls, TextQuote } from '../../lib/messaging/protocol';
import { findPageDate, readArticle } from '../../lib/page';
import type { DomSegment, PageDate } from '../../lib/page/types';
import type { CheckedClaim } from '../../lib/verify/types';

export const BADGE_TAG = 'factcheck-badge';
const CARD_TAG = 'factcheck-card';
const QUOTE_CONTEXT = 32;

interface DrawnBadge {
  claim: CheckedClaim;
  host: HTMLElement;
  root: ShadowRoot;
  button: () => HTMLButtonElement | null;
}

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

/** Reads the page, asks the background to check it, and draws badges and the card. */
export class Annotator {
  private badges: DrawnBadge[] = [];
  private flags = new Map<string, Flag>();
  private pageDate: PageDate | null = null;
  private article = false;
  private cardHost: HTMLElement | null = null;
  private openBadge: DrawnBadge | null = null;
  private readonly badgeSheet = sheet(BADGE_CSS);
  private readonly cardSheet = sheet(CARD_CSS);
  private readonly send: SendMessage = (m) => browser.runtime.sendMessage(m);

  constructor(private readonly ctx: ContentScriptContext) {}

  async annotate(): Promise<void> {
    const segments = readArticle(document, { isVisible: visible });
    this.article = segments.length > 0;
    this.pageDate = findPageDate(document, location.href);
    if (!this.article || !this.ctx.isValid) return;
    const answer = await callBackground(this.send, 'checkPage', {
      url: location.href,
      segments: segments.map(({ nodes: _nodes, ...s }) => s),
      pageDate: this.pageDate,
    });
    if (!this.ctx.isValid) return;
    this.clear();
    if (!answer.enabled) return;
    this.flags = new Map(answer.flags.map((f) => [f.claimId, f]));
    const bySegment = new Map(segments.map((s) => [s.index, s]));
    // Claims ending last first: inserting a badge splits a text node, and only the text after the split moves.
    const claims = [...answer.claims].sort((a, b) => b.segment - a.segment || b.end - a.end);
    for (const claim of claims) {
      const segment = bySegment.get(claim.segment);
      if (segment) this.drawBadge(claim, segment);
    }
    this.badges.reverse();
  }

  private drawBadge(claim: CheckedClaim, segment: DomSegment): void {
    if (segment.text.slice(claim.start, claim.end) !== claim.text) return;
    const place = locate(segment, claim.end);
    if (!place || !place.node.isConnected) return;
    const host = document.createElement(BADGE_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      return; // the page defined our element name with its own shadow root
    }
    styleRoot(root, BADGE_CSS, this.badgeSheet);
    const range = document.createRange();
    range.setStart(place.node, place.offset);
    range.collapse(true);
    range.insertNode(host);
    const badge: DrawnBadge = { claim, host, root, button: () => root.querySelector('button') };
    this.badges.push(badge);
    this.renderBadge(badge);
  }

  private renderBadge(badge: DrawnBadge): void {
    render(
      <Badge
        verdict={badge.claim.verdict}
        claimText={badge.claim.text}
        person={badge.claim.person?.name ?? ''}
        date={badge.claim.date?.date ?? ''}
        dateSource={badge.claim.date?.source ?? ''}
        pageDate={this.pageDate?.date ?? ''}
        flagged={this.flags.has(badge.claim.id)}
        expanded={this.openBadge === badge}
        onOpen={() => this.toggleCard(badge)}
      />,
      badge.root,
    );
  }

  private toggleCard(badge: DrawnBadge): void {
    if (this.openBadge === badge) this.closeCard();
    else this.openCard(badge);
  }

  openCard(badge: DrawnBadge): void {
    this.closeCard(false);
    const host = document.createElement(CARD_TAG);
    const root = host.attachShadow({ mode: 'open' });
    styleRoot(root, CARD_CSS, this.cardSheet);
    document.documentElement.append(host);
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
        flag={this.flags.get(claim.id) ?? null}
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
          this.renderCard(root, badge);
          this.renderBadge(badge);
        }}
        onUndo={async () => {
          await callBackground(this.send, 'unflagClaim', { url: location.href, claimId: claim.id });
          this.flags.delete(claim.id);
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
    if (this.cardHost) {
      render(null, this.cardHost.shadowRoot!);
      this.cardHost.remove();
    }
    this.cardHost = null;
    this.openBadge = null;
    document.removeEventListener('keydown', this.onKey, { capture: true });
    document.removeEventListener('pointerdown', this.onOutside, { capture: true });
    if (badge) {
      this.renderBadge(badge);
      if (returnFocus) badge.button()?.focus();
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

  /** Removes everything we drew; the page's text nodes stay as they are (split where badges stood). */
  clear(): void {
    this.closeCard(false);
    for (const b of this.badges) {
      render(null, b.root);
      b.host.remove();
    }
    this.badges = [];
  }

  /** For the popup. */
  listClaims(): TabCalls['listClaims']['response'] {
    return {
      url: location.href,
      pageDate: this.pageDate,
      article: this.article,
      claims: this.badges.map((b) => ({ id: b.claim.id, text: b.claim.text, verdict: b.claim.verdict, explanation: b.claim.explanation, flagged: this.flags.has(b.claim.id) })),
    };
  }

  reveal(claimId: string): boolean {
    const badge = this.badges.find((b) => b.claim.id === claimId);
    if (!badge) return false;
    badge.host.scrollIntoView({ block: 'center' });
    this.openCard(badge);
    return true;
  }
}

/** The text node and offset where a character offset of the segment falls (the end of the claim). */
function locate(segment: DomSegment, offset: number): { node: Text; offset: number } | null {
  for (let i = segment.nodes.length - 1; i >= 0; i--) {
    const { node, start } = segment.nodes[i]!;
    if (start < offset && offset <= start + node.data.length) return { node, offset: offset - start };
  }
  return null;
}

function visible(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
}
