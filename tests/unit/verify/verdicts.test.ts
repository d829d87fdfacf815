import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../lib/analysis/analyze-page';
import type { PageDate } from '../../../lib/page/types';
import { miniIndex } from '../../fixtures/mini-reference';

const published = (date: string): PageDate => ({ date, source: 'meta', raw: date });

function verdictsOf(text: string, pageDate: string | null) {
  return analyzePage(miniIndex, { segments: [{ index: 0, text, kind: 'paragraph' }], pageDate: pageDate ? published(pageDate) : null }).map((c) => ({
    text: c.text,
    verdict: c.verdict,
    holders: c.holders.map((h) => h.personName),
    date: c.date?.date ?? null,
    explanation: c.explanation,
  }));
}

describe('verdicts against the reference data', () => {
  test.each([
    // [sentence, page date, verdict, real holder if mismatch]
    ['German Chancellor Olaf Scholz spoke.', '2025-08-19', 'mismatch', 'Friedrich Merz'],
    ['German Chancellor Friedrich Merz spoke.', '2025-08-19', 'consistent', null],
    // The handover day belongs to both holders: never a red badge on it.
    ['German Chancellor Olaf Scholz spoke.', '2025-05-06', 'consistent', null],
    ['German Chancellor Friedrich Merz spoke.', '2025-05-06', 'consistent', null],
    // Within two weeks of a change news often keeps (or anticipates) a title: unknown, not red.
    ['German Chancellor Friedrich Merz spoke.', '2025-05-05', 'unknown', null],
    ['German Chancellor Olaf Scholz spoke.', '2025-05-07', 'unknown', null],
    ['German Chancellor Olaf Scholz spoke.', '2025-05-21', 'mismatch', 'Friedrich Merz'],
    ['German Chancellor Friedrich Merz spoke.', '2025-04-21', 'mismatch', 'Olaf Scholz'],
    // Long after the person left, a bare title is historical: unknown, not red.
    ['Chancellor Gerhard Schröder pushed the reforms through, historians say.', '2020-10-03', 'unknown', null],
    ['Chancellor Gerhard Schröder pushed the reforms through.', '2008-10-03', 'mismatch', 'Angela Merkel'],
    // A year the sentence mentions in passing may be the one the title belongs to.
    ['The 2003 reform was drafted by Chancellor Gerhard Schröder.', '2025-08-15', 'unknown', null],
    ['The 2019 budget was drafted by Chancellor Olaf Scholz.', '2025-08-15', 'mismatch', 'Friedrich Merz'],
    // Open terms run to the data's as-of date and past it for the last known holder.
    ['British Prime Minister Keir Starmer spoke.', '2026-11-20', 'consistent', null],
    // After the as-of date, anyone but the last known holder is unknown (the data ends there).
    ['British Prime Minister Rishi Sunak spoke.', '2026-11-20', 'unknown', null],
    // Acting holders.
    ["Marco Rubio, who also serves as acting national security adviser, spoke.", '2025-08-22', 'consistent', null],
    // Before the office's data begins (here: the fixture's first adviser starts 2025-05-01), nothing is known.
    ["Marco Rubio, who also serves as acting national security adviser, spoke.", '2025-03-01', 'unknown', null],
    // Wrong country.
    ['Swedish Prime Minister Sanna Marin spoke.', '2022-05-19', 'mismatch', 'Magdalena Andersson'],
    // Qualifiers.
    ['former Dutch Prime Minister Mark Rutte spoke.', '2025-06-25', 'consistent', null],
    ['former Dutch Prime Minister Dick Schoof spoke.', '2025-06-25', 'mismatch', null],
    ['President-elect Barack Obama spoke.', '2008-11-15', 'consistent', null],
    ['President-elect Barack Obama spoke.', '2010-11-15', 'unknown', null],
    // A date stated in the sentence wins over the page date.
    ['In 2014, then-Chancellor Angela Merkel spoke.', '2025-06-25', 'consistent', null],
    ['then-Chancellor Angela Merkel spoke.', '2025-06-25', 'consistent', null],
    ['In 2003, German Chancellor Olaf Scholz spoke.', '2022-06-25', 'consistent', null],
    ['In 2003, German Chancellor Angela Merkel spoke.', '2022-06-25', 'mismatch', 'Gerhard Schröder'],
    // A bare title takes the office the person held under it.
    ['Chancellor Gordon Brown presented the budget.', '1999-03-09', 'consistent', null],
    ['President Donald Trump spoke.', '2019-03-01', 'consistent', null],
    ['President Donald Trump spoke.', '2022-03-01', 'mismatch', 'Joe Biden'],
  ])('%s (%s) → %s', (sentence, pageDate, verdict, holder) => {
    const claims = verdictsOf(sentence, pageDate);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.verdict).toBe(verdict);
    if (holder) expect(claims[0]!.holders).toContain(holder);
  });

  test('a regnal title stays with the name after the reign', async () => {
    const { ReferenceIndex } = await import('../../../lib/reference/reference-index');
    const { miniDataset } = await import('../../fixtures/mini-reference');
    const index = new ReferenceIndex({
      ...miniDataset,
      offices: [...miniDataset.offices, { ...miniDataset.offices[0]!, id: 'pope', label: 'Pope', jurisdiction: 'NATO', titles: ['pope'] }],
      people: [...miniDataset.people, { id: 'francis', name: 'Francis', aliases: ['Pope Francis'], qid: 'Q3' }],
      terms: [...miniDataset.terms, { person: 'francis', office: 'pope', start: '2013-03-13', end: '2025-04-21', acting: false, precision: 'day' }],
    });
    const run = (text: string, date: string) =>
      analyzePage(index, { segments: [{ index: 0, text, kind: 'paragraph' }], pageDate: published(date) }).map((c) => c.verdict);
    expect(run("Pope Francis's funeral drew crowds.", '2025-04-26')).toEqual(['consistent']);
    expect(run('Pope Francis spoke.', '2010-04-26')).toEqual(['unknown']);
  });

  test('a "then-" elsewhere in the sentence puts the sentence in the past', () => {
    const claims = verdictsOf('President Obama and then-Chancellor Angela Merkel met in Berlin.', '2020-02-01');
    expect(claims.map((c) => [c.text, c.verdict])).toEqual([
      ['President Obama', 'consistent'],
      ['then-Chancellor Angela Merkel', 'consistent'],
    ]);
  });

  test('no page date and no stated date: unknown, and the card says why', () => {
    const [claim] = verdictsOf('German Chancellor Olaf Scholz spoke.', null);
    expect(claim!.verdict).toBe('unknown');
    expect(claim!.explanation).toMatch(/no date/i);
  });

  test('"President Bush" follows the full name used earlier on the page', () => {
    const text = 'George W. Bush met leaders. Later, President Bush said he was pleased.';
    const claims = analyzePage(miniIndex, { segments: [{ index: 0, text, kind: 'paragraph' }], pageDate: published('2003-03-01') });
    expect(claims.map((c) => [c.text, c.person?.id, c.verdict])).toEqual([['President Bush', 'george-w-bush', 'consistent']]);
  });

  test('"President Bush" with no earlier full name is the Bush who held the office on the date', () => {
    const claims = analyzePage(miniIndex, { segments: [{ index: 0, text: 'President Bush spoke.', kind: 'paragraph' }], pageDate: published('1991-03-01') });
    expect(claims[0]?.person?.id).toBe('george-h-w-bush');
  });

  test('the mismatch explanation names the real holder and since when', () => {
    const [claim] = verdictsOf('German Chancellor Olaf Scholz spoke on Monday.', '2025-08-19');
    expect(claim!.date).toBe('2025-08-18');
    expect(claim!.explanation).toContain('Olaf Scholz was not Chancellor of Germany on 2025-08-18; Friedrich Merz was, since 2025-05-06');
  });
});
