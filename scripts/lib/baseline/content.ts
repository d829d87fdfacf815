/**
 * The benchmark's baseline content script: the least any design must do to put the
 * article's badges on the page, written as plainly as possible. It starts when ours does
 * (DOMContentLoaded, then an idle moment), reads the text of the page's visible paragraphs,
 * asks its background once, and draws each badge as ours does: a host element with its own
 * shadow root, the shared badge style sheet and a button carrying the test contract's ten
 * attributes. No article finding, page date, slicing, flags, underlines or change watching.
 * It reports in the same `factcheck` performance mark, so the bench measures both alike.
 */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ claims: BaselineClaim[] }> } };
declare const BADGE_CSS: string;

export interface BaselineClaim {
  segment: number;
  start: number;
  end: number;
  text: string;
}

function check(): void {
  const startedAt = performance.now();
  const segments: string[] = [];
  const nodes: Array<Array<{ node: Text; start: number }>> = [];
  let block: Element | null = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.localName !== 'p' || !parent.checkVisibility()) continue;
    if (parent !== block) {
      block = parent;
      segments.push('');
      nodes.push([]);
    }
    const i = segments.length - 1;
    nodes[i]!.push({ node, start: segments[i]!.length });
    segments[i] += node.data;
  }
  const sending = performance.now();
  const answer = chrome.runtime.sendMessage({ segments });
  let workMs = performance.now() - startedAt;
  void answer.then(({ claims }) => {
    const drawing = performance.now();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    // Last claim first: splitting a text node then never moves the offsets of claims before it.
    for (const claim of claims.sort((a, b) => b.segment - a.segment || b.start - a.start)) {
      const at = nodes[claim.segment]!.findLast((n) => n.start < claim.end)!;
      const host = document.createElement('factcheck-badge');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      const button = document.createElement('button');
      button.type = 'button';
      const label = `Fact-check: “${claim.text}” is consistent with the reference data.`;
      const attributes: Array<[string, string]> = [
        ['data-verdict', 'consistent'], ['data-claim', claim.text], ['data-person', claim.text], ['data-date', '2025-06-01'],
        ['data-date-source', 'page'], ['data-page-date', '2025-06-01'], ['data-flagged', 'false'], ['aria-expanded', 'false'],
        ['aria-label', `${label} Show details.`], ['title', label],
      ];
      for (const [name, value] of attributes) button.setAttribute(name, value);
      button.append('✓');
      root.append(button);
      const offset = claim.end - at.start;
      if (offset < at.node.data.length) at.node.splitText(offset).before(host);
      else at.node.after(host);
    }
    const drawnAt = performance.now();
    workMs += drawnAt - drawing;
    const detail = { startedAt, workMs, slices: 2, longestSliceMs: Math.max(sending - startedAt, drawnAt - drawing), messages: 1, badges: claims.length, firstDrawnAt: drawnAt, lastDrawnAt: drawnAt, failures: 0, lastFailure: '' };
    performance.mark('factcheck', { detail });
  });
}

function whenSettled(run: () => void): void {
  const idle = () => requestIdleCallback(run, { timeout: 200 });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', idle, { once: true });
  else idle();
}

whenSettled(check);
