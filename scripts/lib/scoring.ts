import type { Verdict } from '../../lib/verify/types';
import { foldText } from '../../lib/text/normalize';

export interface LabeledClaim {
  text: string;
  person: string;
  office: string;
  date: string;
  qualifier: string | null;
  verdict: 'consistent' | 'mismatch';
  holder?: string;
}

export interface LabeledCase {
  page: string;
  url: string;
  pageDate: string;
  claims: LabeledClaim[];
}

export interface FoundClaim {
  text: string;
  person: string | null;
  verdict: Verdict;
  /** The text the claim was found in and its offset there, to place it in the page's text. */
  context: string;
  offset: number;
}

export function parseCase(text: string, file: string): LabeledCase | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  const c = json as Partial<LabeledCase>;
  if (typeof c !== 'object' || c === null) return 'not an object';
  if (typeof c.page !== 'string' || typeof c.url !== 'string' || typeof c.pageDate !== 'string' || !Array.isArray(c.claims)) {
    return 'needs "page", "url", "pageDate" (text) and "claims" (list)';
  }
  for (const [i, cl] of c.claims.entries()) {
    if (typeof cl?.text !== 'string' || typeof cl.person !== 'string' || (cl.verdict !== 'consistent' && cl.verdict !== 'mismatch')) {
      return `claims[${i}] needs "text", "person" and "verdict" consistent|mismatch (${file})`;
    }
  }
  return c as LabeledCase;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Same person: equal after folding, or the same surname (labels use the usual full name; the
 * extension may report a variant such as "Volodymyr Zelensky" or "Gerhard Schroeder").
 */
function samePerson(a: string, b: string): boolean {
  const fa = foldText(a);
  const fb = foldText(b);
  const surname = (s: string) => s.split(/\s+/).at(-1)!;
  return fa === fb || surname(fa) === surname(fb);
}

export interface CaseScore {
  page: string;
  labeled: number;
  found: number;
  matched: number;
  verdictRight: number;
  falseAlarms: number;
  noise: number;
  pageDateRight: boolean;
  report: string;
}

/**
 * Matching: a found claim matches a labeled one when their text ranges overlap in the
 * page's visible text (white space collapsed) and they name the same person.
 */
export function scoreCase(c: LabeledCase, result: { claims: FoundClaim[]; pageDate: string | null; visibleText: string }): CaseScore {
  const text = collapse(result.visibleText);
  const labelRanges = c.claims.map((l) => {
    const at = text.indexOf(collapse(l.text));
    return { label: l, start: at, end: at + collapse(l.text).length };
  });
  const foundRanges = result.claims.map((f) => {
    // Place the found claim in the collapsed page text via its context.
    const ctx = collapse(f.context);
    const ctxAt = text.indexOf(ctx);
    const before = collapse(f.context.slice(0, f.offset) + 'x').slice(0, -1).length;
    const start = ctxAt >= 0 ? ctxAt + before : text.indexOf(collapse(f.text));
    return { found: f, start, end: start + collapse(f.text).length };
  });
  const used = new Set<number>();
  const lines: string[] = [];
  let matched = 0;
  let verdictRight = 0;
  for (const l of labelRanges) {
    const k = foundRanges.findIndex(
      (f, i) => !used.has(i) && l.start >= 0 && f.start < l.end && l.start < f.end && f.found.person !== null && samePerson(f.found.person, l.label.person),
    );
    if (k === -1) {
      lines.push(`  MISSED  ${l.label.verdict.padEnd(10)} "${l.label.text}"${l.start < 0 ? ' (label text not in page text)' : ''}`);
      continue;
    }
    used.add(k);
    matched++;
    const f = foundRanges[k]!.found;
    const right = f.verdict === l.label.verdict;
    if (right) verdictRight++;
    lines.push(`  ${right ? 'ok     ' : 'WRONG  '} ${l.label.verdict.padEnd(10)} "${l.label.text}"${right ? '' : ` → ${f.verdict}`}`);
  }
  let falseAlarms = 0;
  let noise = 0;
  foundRanges.forEach((f, i) => {
    if (used.has(i)) return;
    noise++;
    const overlapsMismatch = labelRanges.some((l) => l.label.verdict === 'mismatch' && f.start < l.end && l.start < f.end);
    if (f.found.verdict === 'mismatch' && !overlapsMismatch) {
      falseAlarms++;
      lines.push(`  FALSE ALARM       "${f.found.text}" (${f.found.person})`);
    } else lines.push(`  NOISE   ${f.found.verdict.padEnd(10)} "${f.found.text}" (${f.found.person})`);
  });
  // A matched claim shown red against a consistent label is a false alarm too.
  labelRanges.forEach((l) => {
    const k = foundRanges.findIndex((f, i) => used.has(i) && f.start < l.end && l.start < f.end && l.label.verdict === 'consistent' && f.found.verdict === 'mismatch');
    if (k !== -1) falseAlarms++;
  });
  const pageDateRight = result.pageDate === c.pageDate;
  const header = `${c.page}: labeled ${c.claims.length}, found ${result.claims.length}, matched ${matched}, verdicts right ${verdictRight}, false alarms ${falseAlarms}, noise ${noise}, page date ${result.pageDate ?? 'none'} ${pageDateRight ? 'ok' : `WRONG (want ${c.pageDate})`}`;
  return { page: c.page, labeled: c.claims.length, found: result.claims.length, matched, verdictRight, falseAlarms, noise, pageDateRight, report: [header, ...lines].join('\n') };
}

export function totals(scores: CaseScore[]) {
  const sum = (f: (s: CaseScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const labeled = sum((s) => s.labeled);
  const matched = sum((s) => s.matched);
  return {
    cases: scores.length,
    labeled,
    found: sum((s) => s.found),
    matched,
    recall: labeled ? matched / labeled : 1,
    verdictAccuracy: matched ? sum((s) => s.verdictRight) / matched : 1,
    falseAlarms: sum((s) => s.falseAlarms),
    noise: sum((s) => s.noise),
    pageDateAccuracy: scores.length ? sum((s) => (s.pageDateRight ? 1 : 0)) / scores.length : 1,
  };
}
