/**
 * Scores the claim finder and verifier on a directory of labeled pages
 * (NAME.html + NAME.json, the format of the shared corpus README).
 *   npm run eval -- DIR [--browser] [--json]
 * Node mode runs lib/ on the page parsed with linkedom; --browser loads the built
 * extension in headless Chromium and scores the badges it draws.
 * Exits 0 whatever the scores; 2 with a message on a malformed case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../lib/verify/types';
import { checkHtml, loadReferenceIndex } from './lib/node-page';
import { scoreCase, type FoundClaim, type LabeledCase, parseCase, totals } from './lib/scoring';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const browser = argv.includes('--browser');
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- DIR [--browser] [--json]');
    return 2;
  }
  const cases: LabeledCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = parseCase(readFileSync(join(dir, file), 'utf8'), file);
    if (typeof parsed === 'string') {
      console.error(`malformed case ${file}: ${parsed}`);
      return 2;
    }
    cases.push(parsed);
  }
  const found = new Map<string, { claims: FoundClaim[]; pageDate: string | null; visibleText: string }>();
  if (browser) {
    const { runInBrowser } = await import('./lib/browser-eval');
    for (const [name, result] of await runInBrowser(dir, cases)) found.set(name, result);
  } else {
    const index = loadReferenceIndex();
    for (const c of cases) {
      const html = readFileSync(join(dir, c.page), 'utf8');
      const result = checkHtml(index, html, c.url);
      found.set(c.page, {
        pageDate: result.pageDate?.date ?? null,
        visibleText: result.segments.map((s) => s.text).join(' '),
        claims: result.claims.map((cl) => ({
          text: cl.text,
          person: cl.person?.name ?? null,
          verdict: cl.verdict as Verdict,
          context: result.segments.find((s) => s.index === cl.segment)!.text,
          offset: cl.start,
        })),
      });
    }
  }
  const scores = cases.map((c) => scoreCase(c, found.get(c.page)!));
  for (const s of scores) console.log(s.report);
  const t = totals(scores);
  console.log(
    `\nTOTAL  cases ${t.cases}  labeled ${t.labeled}  found ${t.found}  matched ${t.matched}  recall ${t.recall.toFixed(3)}  ` +
      `verdict accuracy ${t.verdictAccuracy.toFixed(3)}  false alarms ${t.falseAlarms}  noise ${t.noise}  page dates ${t.pageDateAccuracy.toFixed(3)}`,
  );
  if (json) console.log(JSON.stringify(t));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
