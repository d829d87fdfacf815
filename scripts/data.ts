/**
 * The reference data's command line.
 *   npm run data -- build          write lib/reference/shipped.generated.json (what the extension ships)
 *   npm run data -- check          validate data/ and print the coverage table (exit 1 on any problem)
 *   npm run data -- export FILE    write the whole data set in the stable exchange format
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toExport } from '../lib/reference/exchange';
import { validateDataset } from '../lib/reference/validate';
import type { ReferenceDataset } from '../lib/reference/types';
import { DATA_DIR, loadSources, officesInScope } from './lib/load-sources';

export const GENERATED = join(import.meta.dirname, '../lib/reference/shipped.generated.json');

/**
 * QIDs nobody could yet confirm from a source (no guessing: a wrong QID is a wrong fact).
 * Listed one per line in data/qid-pending.txt as `person ID` or `office ID`; the list may
 * only shrink: an entry that now has a QID, or a missing QID not listed, is an error.
 */
function pendingQids(): Set<string> {
  const file = join(DATA_DIR, 'qid-pending.txt');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

const MISSING_QID = /^(person|office) (\S+): missing or malformed Wikidata QID ""$/;

function problemsOf(dataset: ReferenceDataset, shapeProblems: string[]): string[] {
  const pending = pendingQids();
  const problems = [...shapeProblems, ...validateDataset(dataset)].filter((p) => {
    const m = MISSING_QID.exec(p);
    return !(m && pending.has(`${m[1]} ${m[2]}`));
  });
  for (const entry of pending) {
    const [kind, id] = entry.split(' ');
    const record = kind === 'office' ? dataset.offices.find((o) => o.id === id) : dataset.people.find((p) => p.id === id);
    if (!record) problems.push(`data/qid-pending.txt: ${entry} is not in the data`);
    else if (record.qid) problems.push(`data/qid-pending.txt: ${entry} now has QID ${record.qid}; remove it from the list`);
  }
  const labels = new Set(dataset.offices.map((o) => o.label));
  for (const label of officesInScope()) {
    if (!labels.has(label)) problems.push(`office "${label}" is in scope (data/offices-in-scope.txt) but has no data file`);
  }
  return problems;
}

function coverageTable(dataset: ReferenceDataset): string {
  const rows = dataset.offices
    .map((office) => {
      const terms = dataset.terms.filter((t) => t.office === office.id);
      const holders = new Set(terms.map((t) => t.person)).size;
      const first = terms.map((t) => t.start).sort()[0] ?? '-';
      const last = terms.some((t) => t.end === null) ? 'in office' : (terms.map((t) => t.end ?? '').sort().at(-1) ?? '-');
      return [office.label, String(holders), first, last, office.asOf];
    })
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
  const header = ['office', 'holders', 'first date', 'last date', 'as of'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function main(argv: string[]): number {
  const [command, file] = argv;
  const { dataset, problems: shapeProblems } = loadSources();
  if (command === 'build') {
    writeFileSync(GENERATED, JSON.stringify(dataset));
    console.log(`reference data ${dataset.version}: ${dataset.offices.length} offices, ${dataset.people.length} people, ${dataset.terms.length} terms → ${GENERATED}`);
    return 0;
  }
  if (command === 'check') {
    const problems = problemsOf(dataset, shapeProblems);
    console.log(coverageTable(dataset));
    console.log(`\n${dataset.offices.length} offices, ${dataset.people.length} people, ${dataset.terms.length} terms, as of ${dataset.asOf}`);
    const pending = pendingQids().size;
    if (pending > 0) console.log(`${pending} Wikidata QIDs not yet confirmed from a source (data/qid-pending.txt)`);
    if (problems.length > 0) {
      console.error(`\n${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    console.log('data check passed');
    return 0;
  }
  if (command === 'export' && file) {
    const problems = problemsOf(dataset, shapeProblems);
    if (problems.length > 0) {
      console.error(`refusing to export data with problems; run npm run data:check`);
      return 1;
    }
    writeFileSync(file, JSON.stringify(toExport(dataset), null, 2) + '\n');
    console.log(`wrote ${file}: ${dataset.offices.length} offices, ${dataset.people.length} people, ${dataset.terms.length} terms`);
    return 0;
  }
  console.error('usage: npm run data -- build | check | export FILE');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
