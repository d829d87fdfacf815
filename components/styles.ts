/**
 * Styles for the badge and card shadow roots. Every verdict differs in symbol and shape
 * (filled, outlined, dashed) as well as colour, and "flagged by me" adds ⚑ and a ring, so
 * nothing depends on colour alone. Both carry their own background, so they read the same
 * on light and dark pages; colour pairs meet WCAG AA contrast.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline !important; }
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center; gap: 0.15em;
  min-width: 1.45em; height: 1.45em; margin: 0 0 0 0.25em; padding: 0 0.35em; vertical-align: 0.05em;
  border-radius: 0.75em; border: 1.5px solid currentColor; cursor: pointer;
  font: 700 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif; white-space: nowrap;
}
button:hover { filter: brightness(0.95); }
button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
button[aria-expanded="true"] { outline: 2px solid #1a56db; outline-offset: 1px; }
button[data-verdict="consistent"] { color: #0b5d1e; background: #e3f6e8; }
button[data-verdict="mismatch"] { color: #fff; background: #b42318; border-color: #7a1109; }
button[data-verdict="unknown"] { color: #374151; background: #f3f4f6; border-style: dashed; border-color: #6b7280; font-weight: 600; }
button[data-flagged="true"] { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #92400e; }
button[data-flagged="true"] .flag { color: inherit; }
@media (forced-colors: active) {
  button { border: 1px solid ButtonText; forced-color-adjust: auto; }
  button[data-verdict="unknown"] { border-style: dashed; }
  button[data-flagged="true"] { outline: 2px solid Highlight; }
}
`;

export const CARD_CSS = `
:host { all: initial; position: absolute !important; z-index: 2147483647 !important; }
.card {
  --fg: #111827; --bg: #fff; --muted: #4b5563; --line: #9ca3af; --link: #1a4fb8; --accent: #6b7280;
  --ok: #0b5d1e; --bad: #b42318; --warn: #92400e; --field: #fff;
  box-sizing: border-box; width: min(26rem, calc(100vw - 16px)); max-height: 70vh; overflow: auto; padding: 12px 14px 12px 16px;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.3); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .card {
    --fg: #f3f4f6; --bg: #1f2937; --muted: #d1d5db; --line: #6b7280; --link: #93c5fd;
    --ok: #86efac; --bad: #fca5a5; --warn: #fcd34d; --field: #111827;
  }
}
.card.verdict-consistent { --accent: var(--ok); }
.card.verdict-mismatch { --accent: var(--bad); border-left-width: 8px; }
.card.verdict-unknown { border-left-style: dashed; }
.card.flagged { outline: 2px dashed var(--warn); outline-offset: -4px; }
.head { display: flex; align-items: flex-start; gap: 8px; }
h2 { flex: 1; margin: 0 0 6px; font-size: 15px; line-height: 1.35; }
h2:focus { outline: none; }
h2:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h3 { margin: 10px 0 4px; font-size: 13px; }
.verdict-word { display: block; text-transform: uppercase; letter-spacing: 0.04em; font-size: 12px; color: var(--accent); }
.verdict-unknown .verdict-word { color: var(--muted); }
.claim { font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
p { margin: 6px 0; }
.holders { padding: 6px 8px; border-radius: 4px; border: 1px solid var(--bad); }
.muted { color: var(--muted); font-size: 12px; }
.error { color: var(--bad); font-weight: 700; }
dl.facts { display: grid; gap: 2px; margin: 8px 0; font-size: 13px; }
dl.facts div { display: grid; grid-template-columns: 7.5em 1fr; gap: 6px; }
dt { color: var(--muted); }
dd { margin: 0; }
ol.timeline { margin: 4px 0; padding-left: 20px; font-size: 13px; }
li.named { font-weight: 700; }
li.checked-date { list-style: none; margin-left: -14px; font-style: italic; color: var(--muted); }
a { color: var(--link); text-decoration: underline; }
.flag-status { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); }
.flag-status p { color: var(--warn); font-weight: 600; }
form { margin-top: 10px; border-top: 1px solid var(--line); padding-top: 4px; display: grid; gap: 4px; }
label { font-size: 13px; }
select, textarea { font: inherit; color: var(--fg); background: var(--field); border: 1px solid var(--line); border-radius: 4px; padding: 4px; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
button:disabled { cursor: progress; opacity: 0.7; }
button.primary { background: #1a56db; color: #fff; border-color: #1a56db; }
button.close { flex: none; padding: 0 8px; font-size: 18px; line-height: 1.4; }
button:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.row { display: flex; gap: 8px; justify-content: flex-end; margin-top: 6px; }
@media (forced-colors: active) { .card { border-left-width: 6px; } .card.flagged { outline: 2px dashed CanvasText; } }
`;
