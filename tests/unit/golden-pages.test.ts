/**
 * Golden pages: whole news pages written for this project, with the claims a careful
 * reader finds in them beside each page (NAME.html + NAME.json). The pipeline must
 * find exactly these claims, with these verdicts and dates, and nothing else.
 *
 * To add a page:
 * 1. Write an invented article (no text copied from real sites) with the page furniture
 *    real sites have: navigation, asides, comments, footers.
 * 2. List every officeholder claim in NAME.json with the person, verdict and the date it is about.
 * 3. Check each fact against data/offices/*.yaml, and run `npx vitest run tests/unit/golden-pages.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkHtml, loadReferenceIndex } from '../../scripts/lib/node-page';

const DIR = join(import.meta.dirname, '../golden');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), expected: JSON.parse(readFileSync(join(DIR, f), 'utf8')) }));

describe('golden pages', () => {
  test.each(cases)('$name', ({ name, expected }) => {
    const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
    const result = checkHtml(loadReferenceIndex(), html, expected.url);
    expect(result.pageDate?.date).toBe(expected.pageDate);
    expect(
      result.claims.map((c) => ({ text: c.text, person: c.person?.name, verdict: c.verdict, date: c.date?.date })),
    ).toEqual(expected.claims);
  });
});
