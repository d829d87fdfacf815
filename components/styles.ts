/** Styles for the badge and card shadow roots. Colours are paired with symbols and words, never alone. */
export const BADGE_CSS = `
:host { all: initial; display: inline !important; }
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 1.35em; height: 1.35em; margin: 0 0 0 0.2em; padding: 0 0.3em; vertical-align: 0.1em;
  border-radius: 0.7em; border: 1px solid currentColor; cursor: pointer;
  font: 700 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif;
}
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
button[data-verdict="consistent"] { color: #0b5d1e; background: #e3f6e8; }
button[data-verdict="mismatch"] { color: #fff; background: #b42318; border-color: #7a1109; }
button[data-verdict="unknown"] { color: #4b5563; background: #f3f4f6; border-style: dashed; }
button[data-flagged="true"] { box-shadow: 0 0 0 2px #b45309; }
`;

export const CARD_CSS = `
:host { all: initial; position: absolute !important; z-index: 2147483647 !important; }
.card {
  box-sizing: border-box; width: min(24rem, calc(100vw - 16px)); max-height: 70vh; overflow: auto; padding: 12px 14px;
  color: #111827; background: #fff; border: 1px solid #9ca3af; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .card { color: #f3f4f6; background: #1f2937; border-color: #6b7280; }
  .muted { color: #d1d5db !important; }
  a { color: #93c5fd !important; }
  select, textarea { color: #f3f4f6; background: #111827; border-color: #6b7280 !important; }
}
h2 { margin: 0 0 6px; font-size: 15px; }
p { margin: 6px 0; }
.verdict-mismatch { color: #b42318; font-weight: 700; }
.verdict-consistent { color: #0b5d1e; font-weight: 700; }
.verdict-unknown { font-weight: 700; }
.muted { color: #4b5563; font-size: 13px; }
ol { margin: 6px 0; padding-left: 18px; }
li.named { font-weight: 700; }
a { color: #1a56db; }
form { margin-top: 8px; border-top: 1px solid #d1d5db; padding-top: 8px; display: grid; gap: 6px; }
label { display: grid; gap: 2px; font-size: 13px; }
select, textarea { font: inherit; border: 1px solid #9ca3af; border-radius: 4px; padding: 4px; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #374151; background: #f9fafb; color: #111827; cursor: pointer; }
button.primary { background: #1a56db; color: #fff; border-color: #1a56db; }
button:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.row { display: flex; gap: 8px; justify-content: flex-end; }
`;
