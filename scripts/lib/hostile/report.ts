import type { PageOutcome } from './run';

/** The figures, in its order. */
export interface FuzzSummary {
  pages: number;
  uncaughtErrors: number;
  pageErrors: number;
  textChanged: number;
  missingBadges: number;
  crashes: number;
}

export function summarize(outcomes: PageOutcome[]): FuzzSummary {
  const sum = (f: (o: PageOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  return {
    pages: outcomes.length,
    uncaughtErrors: sum((o) => o.uncaughtErrors.length),
    pageErrors: sum((o) => o.pageErrors.length),
    textChanged: sum((o) => (o.textChanged.length ? 1 : 0)),
    missingBadges: sum((o) => o.missing.length),
    crashes: sum((o) => (o.crash ? 1 : 0)),
  };
}

const COLUMNS = ['kind', 'pages', 'uncaught', 'pageErr', 'textChg', 'missing', 'expected', 'bonus', 'inZones', 'crashes', 'harness', 'avg ms'] as const;

/** One row per page kind. */
export function kindTable(outcomes: PageOutcome[]): string {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  // One row of the table for any group of pages: a kind, or all of them.
  const row = (label: string, of: PageOutcome[]): string[] => {
    const s = summarize(of);
    const sum = (f: (o: PageOutcome) => number) => of.reduce((n, o) => n + f(o), 0);
    return [
      label,
      s.pages,
      s.uncaughtErrors,
      s.pageErrors,
      s.textChanged,
      s.missingBadges,
      sum((o) => o.expected),
      `${sum((o) => o.bonusFound)}/${sum((o) => o.bonusTotal)}`,
      sum((o) => o.inZones.length),
      s.crashes,
      sum((o) => o.harness.length),
      Math.round(sum((o) => o.ms) / Math.max(1, of.length)),
    ].map(String);
  };
  const rows = kinds.map((kind) => row(kind, outcomes.filter((o) => o.kind === kind)));
  rows.push(row('TOTAL', outcomes));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(0, -1).map(line), line(widths.map((w) => '-'.repeat(w))), line(rows.at(-1)!)].join('\n');
}

/** What went wrong on each page that had a problem, first lines only. */
export function problems(outcomes: PageOutcome[], limit = 60): string {
  const bad = outcomes.filter((o) => o.uncaughtErrors.length || o.pageErrors.length || o.textChanged.length || o.missing.length || o.inZones.length || o.crash || o.harness.length);
  const lines: string[] = [];
  for (const o of bad.slice(0, limit)) {
    lines.push(`#${o.id} ${o.kind}/${o.variant} (${o.ms} ms)`);
    for (const e of o.uncaughtErrors.slice(0, 3)) lines.push(`  uncaught: ${e.split('\n').slice(0, 3).join(' | ')}`);
    for (const e of o.pageErrors.slice(0, 3)) lines.push(`  page error: ${e.split('\n').slice(0, 2).join(' | ')}`);
    for (const t of o.textChanged.slice(0, 2)) lines.push(`  text changed: ${t}`);
    if (o.missing.length) lines.push(`  missing ${o.missing.length}/${o.expected}: ${[...new Set(o.missing)].slice(0, 4).join('; ')}`);
    for (const z of o.inZones.slice(0, 3)) lines.push(`  badge in ${z}`);
    if (o.crash) lines.push(`  crash: ${o.crash}`);
    for (const h of o.harness.slice(0, 2)) lines.push(`  harness: ${h}`);
  }
  if (bad.length > limit) lines.push(`… and ${bad.length - limit} more pages with problems (--out FILE keeps them all)`);
  return lines.join('\n');
}
