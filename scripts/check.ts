/**
 * The newsroom command: checks one page (a saved HTML file or a URL) and prints
 * each claim with its verdict and evidence.
 *   npm run check -- FILE.html|URL [--url U] [--json]
 * Exit code: 1 when there is a mismatch, 0 when not, 2 on error.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { checkHtml, loadReferenceIndex } from './lib/node-page';

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const urlOption = option(argv, '--url');
  const target = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--url');
  if (!target) {
    console.error('usage: npm run check -- FILE.html|URL [--url U] [--json]');
    return 2;
  }
  let html: string;
  let url: string;
  if (/^https?:\/\//.test(target)) {
    // The reader's own request for one page: the only network use of this command.
    const response = await fetch(target, { headers: { 'user-agent': 'officeholder-factcheck/0.1 (check command)' } });
    if (!response.ok) throw new Error(`${target}: HTTP ${response.status}`);
    html = await response.text();
    url = urlOption ?? target;
  } else {
    html = readFileSync(target, 'utf8');
    url = urlOption ?? pathToFileURL(resolve(target)).href;
  }
  const result = checkHtml(loadReferenceIndex(), html, url);
  const mismatches = result.claims.filter((c) => c.verdict === 'mismatch').length;
  if (json) {
    console.log(JSON.stringify({ url, pageDate: result.pageDate, claims: result.claims, mismatches }));
  } else {
    console.log(`${url}\npage date: ${result.pageDate ? `${result.pageDate.date} (from ${result.pageDate.source})` : 'none found'}`);
    if (result.claims.length === 0) console.log('no officeholder claims found');
    for (const c of result.claims) {
      console.log(`\n[${c.verdict.toUpperCase()}] ${c.text}`);
      console.log(`  ${c.explanation}`);
      if (c.office && c.person) console.log(`  read as: ${c.person.name} (${c.person.qid || 'no QID'}) — ${c.office.label}${c.qualifier ? `, ${c.qualifier}` : ''}`);
      if (c.date) console.log(`  date: ${c.date.date} (${c.date.source === 'sentence' ? `stated: "${c.date.raw}"` : `page, from ${c.date.source}`})`);
    }
    console.log(`\n${result.claims.length} claims, ${mismatches} mismatches`);
  }
  return mismatches > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
