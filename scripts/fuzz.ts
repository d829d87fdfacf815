/**
 * npm run fuzz -- --pages N --seed S [--json] [--concurrency C] [--kinds a,b] [--only 3,17]
 *                 [--no-extension] [--out FILE] [--dump DIR]
 *
 * Generates N hostile pages from the seed and loads each in headless Chromium with the
 * built extension (run `npm run build` first). Prints a table per page kind and the pages
 * that had problems; with --json the last line is the issue's summary object.
 * --no-extension loads the same pages without the extension: the baseline that shows the
 * pages themselves raise no errors and change no text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPage, KIND_NAMES, type HostilePage } from './lib/hostile/kinds';
import { kindTable, problems, summarize } from './lib/hostile/report';
import { startFuzzer } from './lib/hostile/run';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '3' },
    kinds: { type: 'string' },
    only: { type: 'string' },
    'no-extension': { type: 'boolean', default: false },
    out: { type: 'string' },
    dump: { type: 'string' },
  },
});

const count = Number(values.pages);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('Usage: npm run fuzz -- --pages N --seed S [--json] [--concurrency C] [--kinds a,b] [--only 3,17] [--no-extension] [--out FILE] [--dump DIR]');
  process.exit(2);
}
const kinds = values.kinds ? values.kinds.split(',') : KIND_NAMES;
const unknown = kinds.filter((k) => !KIND_NAMES.includes(k));
if (unknown.length) {
  console.error(`Unknown page kinds: ${unknown.join(', ')}. Known: ${KIND_NAMES.join(', ')}`);
  process.exit(2);
}
const ids = values.only ? values.only.split(',').map(Number) : Array.from({ length: count }, (_, i) => i);

const started = Date.now();
const fuzzer = await startFuzzer({
  extension: !values['no-extension'],
  concurrency,
  onProgress: (done, total) => {
    if (done % 25 === 0 || done === total) process.stderr.write(`  ${done}/${total} pages, ${Math.round((Date.now() - started) / 1000)} s\n`);
  },
});
// Pages are built lazily so a run of 500 never holds every giant page in memory at once.
function* pages(): Generator<HostilePage> {
  for (const i of ids) {
    const page = buildPage(seed, i, fuzzer.origins, kinds);
    if (values.dump) {
      mkdirSync(values.dump, { recursive: true });
      writeFileSync(join(values.dump, `${i}-${page.kind}.${page.route.contentType.includes('html') ? 'html' : 'txt'}`), page.route.body);
    }
    yield page;
  }
}
let outcomes;
try {
  outcomes = await fuzzer.run(pages(), ids.length);
} finally {
  await fuzzer.close();
}

if (values.out) writeFileSync(values.out, JSON.stringify(outcomes, null, 2));
console.log(`Hostile pages: seed ${seed}, ${ids.length} pages, ${values['no-extension'] ? 'WITHOUT the extension (baseline)' : 'with the extension'}, ${Math.round((Date.now() - started) / 1000)} s`);
console.log(kindTable(outcomes));
const trouble = problems(outcomes);
if (trouble) console.log(`\nPages with problems:\n${trouble}`);
const summary = summarize(outcomes);
if (values.json) console.log(JSON.stringify(summary));
else console.log(`\n${Object.entries(summary).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
process.exitCode = summary.uncaughtErrors || summary.pageErrors || summary.textChanged || summary.missingBadges || summary.crashes ? 1 : 0;
